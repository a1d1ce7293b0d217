//! Study notes: `e` in every lesson writes the current state as Markdown to a
//! new file (never over an old one) in the current language, and
//! `--print --format markdown` writes the same note to standard output.

use crate::common;

use common::{draw, key};
use deepstep::app::App;
use deepstep::lessons::quiz;
use deepstep::text::{EN, KO, Text};
use deepstep::ui::theme::Theme;
use ratatui::crossterm::event::KeyCode;
use std::path::PathBuf;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_deepstep");

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("deepstep-notes-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn lessons() -> Vec<(&'static str, Box<dyn deepstep::lessons::lesson::Screen>)> {
    common::lesson_screens()
}

fn files(dir: &PathBuf) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    v.sort();
    v
}

/// A number the screen shows after one step, which the note must hold too.
fn a_number_on_screen(app: &App) -> String {
    use deepstep::lessons::{conv::ConvLab, count_rnn::lab::CountLab, linreg::lab::LinregLab, rnn::lab::RnnLab};
    if let Some(lab) = app.front_lesson::<ConvLab>() {
        return lab.equation_of(1, usize::MAX, EN.conv.running_sum);
    }
    if let Some(lab) = app.front_lesson::<RnnLab>() {
        return deepstep::math::format::pow10(lab.h_log10[1]);
    }
    if let Some(lab) = app.front_lesson::<CountLab>() {
        return deepstep::math::format::num(lab.back.steps[0].ds_k[0]);
    }
    if let Some(lab) = app.front_lesson::<deepstep::lessons::gd::lab::GdLab>() {
        // The note writes out the first update: x₁ = 1.5 − 0.1 × 5 = 1.
        return format!("x ← {} − 0.1 × 5 = {}", deepstep::math::format::num(lab.run.iterates[0].x[0]), 1);
    }
    if let Some(lab) = app.front_lesson::<LinregLab>() {
        return deepstep::math::format::num(lab.losses[1]);
    }
    if let Some(lab) = app.front_lesson::<quiz::lab::QuizLab>() {
        // Review with nothing due (no store here) has no question, and no number, to show.
        let Some(first) = lab.round.first() else { return "# ".into() };
        return match &first.answer {
            quiz::bank::Answer::Numeric { value, .. } => deepstep::math::format::num(*value),
            _ => "the answer".into(),
        };
    }
    if let Some(lab) = app.front_lesson::<deepstep::lessons::mle::lab::MleLab>() {
        return deepstep::lessons::mle::words::exp_of(lab.normal.as_ref().unwrap().at_loglik);
    }
    if let Some(s) = app.front_lesson::<quiz::stats::StatsScreen>() {
        return format!("{}", s.stats.streak);
    }
    if let Some(lab) = app.front_lesson::<deepstep::lessons::practice::lab::PracticeLab>() {
        // The note lists every exercise with its state; the selected one's id is there.
        return lab.current().exercise.id().to_string();
    }
    panic!("a registered lesson this test does not know: say which number its note must hold")
}

#[test]
fn e_writes_a_new_note_in_every_lesson_and_never_overwrites() {
    for (lang, t) in [("en", &EN), ("ko", &KO)] {
        let dir = temp_dir(lang);
        for (stem, screen) in lessons() {
            let mut app = App::new(screen, t, Theme::COLOR);
            app.notes_dir = dir.clone();
            // One step (the quiz: skip the first question, so it has an answer to show).
            let step = if stem == "quiz" || stem == "review" { KeyCode::Char('s') } else { KeyCode::Right };
            app.handle(&key(step));
            let expected = a_number_on_screen(&app);
            let before = files(&dir).len();
            app.handle(&key(KeyCode::Char('e')));
            let (screen_text, _) = draw(&mut app, 120, 40);
            let written: Vec<PathBuf> =
                files(&dir).into_iter().filter(|p| p.to_string_lossy().contains(stem)).collect();
            assert_eq!(files(&dir).len(), before + 1, "{stem}: one new file");
            let path = written.last().unwrap();
            let shown = (t.note.written)(&path.display().to_string());
            assert!(
                screen_text.replace('\n', "").contains(&shown[..shown.len().min(30)]),
                "{stem}: path shown\n{screen_text}"
            );
            let body = std::fs::read_to_string(path).unwrap();
            assert!(body.starts_with("# "), "{stem}: {body}");
            assert!(
                body.contains(&format!("## {}", t.note.settings)) || ["quiz", "review", "stats"].contains(&stem),
                "{stem}: {body}"
            );
            let expected = match stem {
                "quiz" => t.quiz.skipped.to_string(),
                // No store here: the statistics say there is nothing yet.
                "stats" => t.quiz.stats_empty.to_string(),
                _ => expected,
            };
            assert!(body.contains(&expected), "{stem}: {expected:?} not in\n{body}");
            // Again: a second file, the first one untouched.
            std::fs::write(path, "kept").unwrap();
            app.handle(&key(KeyCode::Char('e')));
            assert_eq!(std::fs::read_to_string(path).unwrap(), "kept", "{stem}: never overwritten");
            assert_eq!(files(&dir).len(), before + 2, "{stem}");
        }
        let names: Vec<String> =
            files(&dir).iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
        assert!(names.iter().any(|n| n.ends_with("-2.md")), "{names:?}");
        if lang == "ko" {
            for p in files(&dir) {
                let body = std::fs::read_to_string(&p).unwrap();
                assert!(body == "kept" || body.contains("deepstep이"), "{}: {body}", p.display());
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn the_home_screen_has_no_note_and_says_nothing() {
    let mut app = App::home(&EN, Theme::COLOR);
    let dir = temp_dir("home");
    app.notes_dir = dir.clone();
    app.handle(&key(KeyCode::Char('e')));
    assert!(files(&dir).is_empty() && app.status.is_none());
}

fn run(args: &[&str]) -> String {
    let out = Command::new(BIN).args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn print_format_markdown_writes_the_same_note() {
    let conv = ["conv", "--input", "11,23,35;52,64,76;19,28,37", "--kernel", "2,-1;3,1", "--print"];
    let text = run(&conv);
    let md = run(&[&conv[..], &["--format", "markdown"]].concat());
    // Every frame of the plain form, with the same arithmetic, in the note.
    for line in text.lines().filter(|l| l.starts_with("frame ")) {
        assert!(md.contains(line), "{line} not in\n{md}");
    }
    assert!(md.contains("```text") && md.contains("## Settings") && md.contains("OH = "), "{md}");
    let rnn = run(&["rnn", "--len", "6", "--print", "--format", "markdown", "--lang", "ko"]);
    assert!(rnn.contains("## 설정") && rnn.contains(KO.rnn.phase_backward), "{rnn}");
    assert_eq!(rnn.lines().filter(|l| l.trim_start().starts_with(char::is_numeric)).count(), 6, "{rnn}");
    let quiz = run(&["quiz", "--print", "--format", "markdown", "--seed", "2", "--count", "3", "--lang", "ko"]);
    assert_eq!(quiz.matches("\n## ").count(), 3, "{quiz}");
    assert!(quiz.contains("정답:"), "{quiz}");
    let lin = run(&["lab", "linreg", "--print", "--steps", "3", "--format", "markdown"]);
    assert!(lin.contains("final beta=") && lin.contains("## Steps so far"), "{lin}");
}

#[test]
fn notes_follow_the_language_switch() {
    let mut app = App::new(lessons().remove(0).1, &EN, Theme::COLOR);
    app.handle(&key(KeyCode::Char('L')));
    let note = app.note().unwrap();
    let t: &Text = &KO;
    assert!(note.markdown(t, "2026-11-28 07:00 UTC").contains(KO.conv.title));
}

#[test]
fn a_note_that_cannot_be_written_says_why() {
    let mut app = App::new(lessons().remove(0).1, &EN, Theme::COLOR);
    app.notes_dir = std::env::temp_dir().join(format!("deepstep-notes-missing-{}/no/such/dir", std::process::id()));
    app.handle(&key(KeyCode::Char('e')));
    let status = app.status.clone().unwrap();
    assert!(status.starts_with(&(EN.note.failed)("")), "{status}");
    let (s, _) = draw(&mut app, 120, 40);
    assert!(s.contains(&status[..30]), "{s}");
    assert!(!app.notes_dir.exists());
}

#[test]
fn the_counting_lab_prints_its_training_as_a_note() {
    let md = run(&["lab", "count-rnn", "--print", "--data", "tutorial", "--format", "markdown", "--lang", "ko"]);
    assert!(md.starts_with(&format!("# {}", KO.count.title)) && md.contains("## 설정"), "{md}");
    assert!(md.contains("final w_x=1.001356 w_rec=0.999674"), "the report inside the note: {md}");
}

/// `conv --print --backward --format markdown` carries the backward frames
/// too (the note of the forward pass alone used to be printed).
#[test]
fn conv_markdown_with_backward_has_every_mode() {
    let run = |extra: &[&str]| {
        let mut args =
            vec!["conv", "--print", "--format", "markdown", "--input", "1,2,3;4,5,6;7,8,9", "--kernel", "1,0;0,-1"];
        args.extend(extra);
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_deepstep")).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8(out.stdout).unwrap()
    };
    let both = run(&["--backward"]);
    assert!(both.contains("y[1,1] = 5×1 + 6×0 + 8×0 + 9×(-1) = -4"), "{both}");
    assert!(both.contains("dW[1,1] = 5×1 + 6×1 + 8×1 + 9×1 = 28"), "{both}");
    assert!(both.contains("frame 9/9: dX[2,2]"), "{both}");
    assert!(both.contains(EN.conv.mode_explain_grad_x), "{both}");
    let forward = run(&[]);
    assert!(forward.contains("y[1,1]") && !forward.contains("dW[") && !forward.contains("dX["), "{forward}");
}
