//! Shared by the render tests: draw an app into a TestBackend and read the
//! screen back as text, one line per row.

use deepstep::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[allow(dead_code)] // not every test binary draws
pub fn draw(app: &mut App, w: u16, h: u16) -> (String, Terminal<TestBackend>) {
    let term = render(app, w, h);
    (screen_text(&term), term)
}

/// One frame drawn with every part's place recorded (`ui::drawn`).
pub fn draw_recorded(
    app: &mut App,
    w: u16,
    h: u16,
) -> (String, Vec<deepstep::ui::drawn::Drawn>, Terminal<TestBackend>) {
    let (term, parts) = deepstep::ui::drawn::recorded(|| render(app, w, h));
    (screen_text(&term), parts, term)
}

/// The screen as text, a row a line.
pub fn screen_text(term: &Terminal<TestBackend>) -> String {
    let (w, h) = (term.backend().buffer().area.width, term.backend().buffer().area.height);
    let buf = term.backend().buffer().clone();
    // A wide glyph (Hangul) fills two cells; the second holds nothing to read.
    let row = |y: u16| {
        let mut line = String::new();
        let mut x = 0;
        while x < w {
            let sym = buf[(x, y)].symbol();
            line.push_str(sym);
            x += ratatui::text::Span::raw(sym).width().max(1) as u16;
        }
        line + "\n"
    };
    (0..h).map(row).collect()
}

/// One frame of `app` drawn at w × h, not read back (for tests that only
/// look for a panic).
pub fn render(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| app.render(f)).unwrap();
    term
}

/// A key press as the terminal sends it.
#[allow(dead_code)] // not every test binary presses keys
pub fn key(c: ratatui::crossterm::event::KeyCode) -> ratatui::crossterm::event::Event {
    use ratatui::crossterm::event::{Event, KeyEvent, KeyModifiers};
    Event::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

/// Every registered lesson's screen at its start, with the name its notes
/// file uses, opened exactly as the home screen opens it (no progress saved,
/// a fixed clock and seed). The list is the registry's, so a new lesson is
/// in every test that uses this without being named here.
#[allow(dead_code)] // used by the i18n and notes tests
pub fn lesson_screens() -> Vec<(&'static str, Box<dyn deepstep::lessons::lesson::Screen>)> {
    deepstep::lessons::registry::LESSONS.iter().map(|e| (e.stem, open_entry(e))).collect()
}

/// The one lesson named `stem`, opened as `lesson_screens` opens it.
#[allow(dead_code)] // used by the i18n tests
pub fn lesson_screen(stem: &str) -> Box<dyn deepstep::lessons::lesson::Screen> {
    let entry = deepstep::lessons::registry::LESSONS.iter().find(|e| e.stem == stem);
    open_entry(entry.unwrap_or_else(|| panic!("no lesson {stem}")))
}

fn open_entry(e: &deepstep::lessons::registry::Entry) -> Box<dyn deepstep::lessons::lesson::Screen> {
    // The learner's folder is a file here, so the practice screen's `i`
    // cannot write anything and every screen opened here is the same
    // (the same path in every run: the snapshots show it).
    let folder = std::env::temp_dir().join("deepstep-test-not-a-folder");
    std::fs::write(&folder, "").unwrap();
    let mut opener = deepstep::lessons::registry::Opener {
        store: None,
        now: 1_800_000_000,
        seed: 1,
        folder: &folder,
        at: deepstep::lessons::lesson::At::Start,
    };
    (e.open)(&mut opener).unwrap_or_else(|err| panic!("{}: {err:#}", e.stem))
}

/// A Python with numpy for the practice tests: `$DEEPSTEP_PYTHON`, else
/// `python3` on PATH, else `/usr/bin/python3`; when none has numpy, a
/// virtualenv that the tests make once under `target/` with the pinned
/// packages of `tests/python-requirements.txt`, so a plain `cargo test`
/// needs nothing installed by hand but a `python3` with its `venv` module.
#[allow(dead_code)] // used by the practice tests
pub fn python_with_numpy() -> std::path::PathBuf {
    // Looked for once per test run: each look starts Pythons that import
    // numpy (about 0.15 CPU-seconds), and the practice tests ask for it on
    // every command they run. The lock also keeps two test threads from
    // making the virtualenv at once.
    static FOUND: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    FOUND.get_or_init(|| find_python_with("import numpy")).clone()
}

/// The same for the `deepstep` Python package's tests: numpy, pytest and IPython.
#[allow(dead_code)] // used by the package's tests
pub fn python_for_package_tests() -> std::path::PathBuf {
    static FOUND: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    FOUND.get_or_init(|| find_python_with("import numpy, pytest, IPython")).clone()
}

fn find_python_with(imports: &str) -> std::path::PathBuf {
    use std::path::PathBuf;
    let env = std::env::var_os("DEEPSTEP_PYTHON").map(PathBuf::from);
    let candidates: Vec<PathBuf> = env.into_iter().chain(["python3", "/usr/bin/python3"].map(PathBuf::from)).collect();
    if let Some(found) = candidates.iter().find(|p| python_can(p, imports)) {
        return found.clone();
    }
    crate::python_env::made(&candidates, imports)
}

/// Whether `python` runs `code` without an error.
pub fn python_can(python: &std::path::Path, code: &str) -> bool {
    std::process::Command::new(python)
        .args(["-c", code])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// A practice file at `path` whose `posterior` never returns; loading it
/// writes its process id to `path` + `.pid`. Returns a waiter for that id.
#[allow(dead_code)] // used by the practice tests
pub fn looping_practice_file(path: std::path::PathBuf) -> impl Fn() -> i32 {
    let pid_file = path.with_extension("pid");
    let body = format!(
        "import os\nopen({:?}, 'w').write(str(os.getpid()))\n\ndef posterior(prior, likelihood):\n    while True:\n        pass\n",
        pid_file.display().to_string()
    );
    std::fs::write(&path, body).unwrap();
    move || {
        (0..500)
            .find_map(|_| {
                std::thread::sleep(std::time::Duration::from_millis(10));
                std::fs::read_to_string(&pid_file).ok().and_then(|s| s.trim().parse().ok())
            })
            .expect("the check never started")
    }
}

/// Whether process `pid` is gone within 5 s.
#[allow(dead_code)] // used by the practice tests
pub fn gone(pid: i32) -> bool {
    (0..250).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(20));
        // SAFETY: signal 0 only asks whether the process exists.
        unsafe { libc::kill(pid, 0) != 0 }
    })
}

/// `deepstep conv`'s arguments as the command line gives them by default
/// (stride 1, no padding, no dilation), with this input and kernel (None:
/// the lab's own example).
pub fn conv_args(input: Option<&str>, kernel: Option<&str>) -> deepstep::cli::ConvArgs {
    deepstep::cli::ConvArgs {
        input: input.map(Into::into),
        kernel: kernel.map(Into::into),
        stride: "1".into(),
        padding: "0".into(),
        dilation: "1".into(),
        dy: None,
        print: false,
        backward: false,
        format: Default::default(),
    }
}
