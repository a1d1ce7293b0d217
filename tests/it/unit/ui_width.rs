//! Tests of `deepstep::ui::width` (`src/ui/width.rs`).

use deepstep::ui::width::*;
use ratatui::text::Line;

#[test]
fn hangul_counts_two_columns() {
    assert_eq!(pad_start("잘림", 6), "  잘림");
    assert_eq!(pad_end("ab", 4), "ab  ");
    assert_eq!(width(&pad_end("합성곱", 9)), 9);
}

fn texts(lines: &[Line]) -> Vec<String> {
    lines.iter().map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect()).collect()
}

#[test]
fn wide_glyphs_never_cross_the_edge() {
    let s = "m 순전파 / dW";
    let lines = wrap(s, 7);
    assert_eq!(texts(&lines), vec!["m", "순전파", "/ dW"]);
    for width in 1..20 {
        let text = "Right/l 다음 프레임  Left/h 이전 프레임  f 탭 단위로  Space 재생 / 멈춤  m 순전파 / dW / dX";
        for l in wrap(text, width) {
            assert!(l.width() <= width as usize || l.width() == 2 && width == 1, "{width}: {l:?}");
        }
    }
}

#[test]
fn words_wrap_and_long_words_split() {
    assert_eq!(texts(&wrap("aaa bbb ccc", 7)), vec!["aaa bbb", "ccc"]);
    assert_eq!(texts(&wrap("abcdefgh", 3)), vec!["abc", "def", "gh"]);
    assert_eq!(texts(&wrap("  indented line", 20)), vec!["  indented line"]);
    assert_eq!(texts(&wrap("a\nb", 5)), vec!["a", "b"]);
}

#[test]
fn clip_marks_what_it_cuts_and_counts_wide_glyphs_twice() {
    assert_eq!(clip("random integers", 20), "random integers");
    assert_eq!(clip("random integers", 8), "random …");
    assert_eq!(width(&clip("무작위 정수", 6)), 5);
    assert_eq!(clip("무작위 정수", 6), "무작…");
}
