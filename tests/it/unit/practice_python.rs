//! Tests of `deepstep::practice::python` (`src/practice/python.rs`).

use deepstep::practice::python::*;
use std::ffi::OsString;
use std::path::Path;

#[test]
fn the_flag_wins_then_the_variable_then_the_environment() {
    let env = |k: &str| match k {
        "DEEPSTEP_PYTHON" => Some(OsString::from("/opt/py/bin/python")),
        "PATH" => Some(OsString::from("/nonexistent")),
        _ => None,
    };
    assert_eq!(find(Some(Path::new("/x/python")), env).map(|p| p.source), Some(Source::Flag));
    assert_eq!(find(None, env), Some(Python { path: "/opt/py/bin/python".into(), source: Source::Env }));
    let dir = std::env::temp_dir().join(format!("deepstep-venv-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("bin")).unwrap();
    std::fs::write(dir.join("bin/python"), "").unwrap();
    let venv = |k: &str| (k == "VIRTUAL_ENV").then(|| dir.clone().into_os_string());
    assert_eq!(find(None, venv).map(|p| p.source), Some(Source::Virtualenv));
    let nothing = |k: &str| (k == "PATH").then(|| OsString::from("/nonexistent"));
    assert_eq!(find(None, nothing), None);
    std::fs::remove_dir_all(dir).unwrap();
}
