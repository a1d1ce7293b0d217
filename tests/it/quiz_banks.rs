//! The shipped banks against `quiz --check`'s rules, and the rule that the
//! keyed option is not the longest in more than one choice question in three.

use std::path::Path;
use std::process::Command;

fn check(lang: &str, bank: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_deepstep")).args(["--lang", lang, "quiz", "--check"]).arg(bank).output().unwrap()
}

/// A bank of three choice questions whose keyed options are `lengths` long
/// (a wrong option is always 20 characters).
fn bank(lengths: [usize; 3]) -> String {
    let mut out = String::new();
    for (i, n) in lengths.iter().enumerate() {
        out += &format!(
            "[[question]]\nid = \"q{i}\"\ntopic = \"chain\"\nkind = \"choice\"\nprompt.en = \"p\"\nexplanation.en = \"e\"\ncorrect = 1\n\
             [[question.options]]\ntext.en = \"{}\"\n[[question.options]]\ntext.en = \"{}\"\nwhy.en = \"w\"\n",
            "r".repeat(*n),
            "w".repeat(20)
        );
    }
    out
}

#[test]
fn every_shipped_bank_passes_its_own_check_in_both_languages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/quiz");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        for lang in ["en", "ko"] {
            let out = check(lang, &path);
            assert!(out.status.success(), "{}: {}", path.display(), String::from_utf8_lossy(&out.stderr));
        }
    }
}

#[test]
fn a_bank_whose_keyed_option_is_longest_too_often_is_reported() {
    let dir = std::env::temp_dir().join(format!("deepstep-bank-lengths-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("b.toml");
    // One in three is allowed (a tie counts as longest)...
    std::fs::write(&path, bank([20, 10, 5])).unwrap();
    let out = check("en", &path);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // ...two in three are not; the message names them, in English and Korean.
    std::fs::write(&path, bank([25, 10, 30])).unwrap();
    let out = check("en", &path);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("longest in 2 of 3 choice questions (q0, q2)"), "{err}");
    let err = String::from_utf8_lossy(&check("ko", &path).stderr).to_string();
    assert!(err.contains("선택형 문제 3개 중 2개(q0, q2)"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
