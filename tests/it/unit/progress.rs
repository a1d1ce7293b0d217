//! Tests of `deepstep::progress` (`src/progress/mod.rs`).

use deepstep::progress::*;
use std::path::PathBuf;

#[test]
fn the_data_directory_follows_xdg() {
    let env = |xdg: Option<&str>, home: Option<&str>| {
        let (xdg, home) = (xdg.map(str::to_string), home.map(str::to_string));
        default_path_from(move |v| match v {
            "XDG_DATA_HOME" => xdg.clone().map(Into::into),
            "HOME" => home.clone().map(Into::into),
            _ => None,
        })
    };
    assert_eq!(env(Some("/x"), Some("/h")), Some(PathBuf::from("/x/deepstep/progress.sqlite3")));
    assert_eq!(env(None, Some("/h")), Some(PathBuf::from("/h/.local/share/deepstep/progress.sqlite3")));
    assert_eq!(env(Some("rel"), Some("/h")), Some(PathBuf::from("/h/.local/share/deepstep/progress.sqlite3")));
    assert_eq!(env(Some(""), None), None);
}
