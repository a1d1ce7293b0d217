//! The tests' own Python: when no Python on the machine has what a test needs, one
//! virtualenv under `target/` with the pinned packages of
//! `tests/python-requirements.txt`, made once and reused by later runs.

use std::path::{Path, PathBuf};
use std::process::Command;

const REQUIREMENTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/python-requirements.txt");

/// The virtualenv's Python (which runs `imports`), made from the first of
/// `bases` that has the `venv` module if it is not there yet. Panics with
/// what to install when no base can make one.
pub fn made(bases: &[PathBuf], imports: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("python-env");
    let python = dir.join("bin/python");
    let done = dir.join("deepstep-requirements.txt");
    let wanted = std::fs::read_to_string(REQUIREMENTS).expect("tests/python-requirements.txt");
    // One maker at a time, across test threads and test processes.
    let _lock = Lock::take(&dir.with_extension("lock"));
    if std::fs::read_to_string(&done).is_ok_and(|d| d == wanted) && crate::common::python_can(&python, imports) {
        return python;
    }
    let runs = |p: &PathBuf| crate::common::python_can(p, "import sys; assert sys.version_info >= (3, 9)");
    let Some(base) = bases.iter().find(|p| runs(p)) else {
        panic!(
            "the Python tests need Python 3.9 or later: none of {bases:?} runs. Install python3 with its venv \
             module (Debian: apt-get install python3 python3-venv), or set DEEPSTEP_PYTHON to a Python with numpy."
        )
    };
    let Some(base) = bases.iter().filter(|p| runs(p)).find(|p| crate::common::python_can(p, "import venv, ensurepip"))
    else {
        panic!(
            "the Python tests make a virtualenv with numpy, pytest and IPython when no Python has them, but {} has no venv module: \
             install it (Debian: apt-get install python3-venv), or set DEEPSTEP_PYTHON to a Python with numpy.",
            base.display()
        )
    };
    let _ = std::fs::remove_dir_all(&dir);
    eprintln!("making a Python for the tests: {} with {}", dir.display(), REQUIREMENTS);
    run(Command::new(base).args(["-m", "venv"]).arg(&dir));
    run(Command::new(&python).args([
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "-r",
        REQUIREMENTS,
    ]));
    assert!(
        crate::common::python_can(&python, imports),
        "{} cannot `{imports}` after installing them",
        python.display()
    );
    std::fs::write(&done, wanted).unwrap();
    python
}

fn run(cmd: &mut Command) {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed ({}):\n{}{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// An exclusive lock on a file, held until dropped (closing the file releases it).
struct Lock {
    _file: std::fs::File,
}

impl Lock {
    fn take(path: &Path) -> Lock {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let file = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(path).unwrap();
        use std::os::fd::AsRawFd;
        // SAFETY: flock on a descriptor this struct owns; it blocks until the lock is ours.
        assert_eq!(unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) }, 0, "lock {}", path.display());
        Lock { _file: file }
    }
}
