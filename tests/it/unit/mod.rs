//! The library's own tests, one file per source file (`math_rnn` tests
//! `src/math/rnn/mod.rs`): kept out of the library so that `cargo test` and
//! clippy compile the library once, not a second time with its tests.

mod app_terminal;
mod assets;
mod lessons_conv_keys;
mod lessons_cycle;
mod lessons_home_lab;
mod lessons_input;
mod lessons_notes;
mod lessons_quiz_anki;
mod lessons_quiz_bank;
mod lessons_quiz_generate;
mod lessons_quiz_generate_sample;
mod lessons_quiz_template;
mod lessons_rnn_background;
mod lessons_rnn_settings;
mod lessons_wake;
mod math_activation;
mod math_axis;
mod math_conv;
mod math_conv_frame;
mod math_counting_rnn;
mod math_format;
mod math_fresh;
mod math_kernels;
mod math_linreg;
mod math_mle;
mod math_parse;
mod math_practice;
mod math_practice_conv_size;
mod math_prob;
mod math_rng;
mod math_rnn;
mod math_scaled;
mod practice_cases;
mod practice_diagnose;
mod practice_exercise;
mod practice_notebook;
mod practice_python;
mod practice_value;
mod progress;
mod progress_schedule;
mod text_ko_particle;
mod ui_chrome;
mod ui_drawn;
mod ui_grid;
mod ui_keys;
mod ui_log_chart;
mod ui_width;

/// The library has no test target (`[lib] test = false` in Cargo.toml), so a
/// `#[test]` written beside the code would never run: every test of the
/// library belongs in this folder.
#[test]
fn no_test_is_written_inside_the_library() {
    fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = vec![];
    rust_files(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    assert!(files.len() > 40, "found only {} source files", files.len());
    let inside: Vec<_> = files
        .iter()
        .filter(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            text.contains("#[test]") || text.contains("#[cfg(test)]")
        })
        .collect();
    assert!(inside.is_empty(), "tests inside src/, which never run: move them to tests/it/unit/: {inside:?}");
}
