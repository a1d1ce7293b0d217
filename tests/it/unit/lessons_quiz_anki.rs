//! Tests of `deepstep::lessons::quiz::anki` (`src/lessons/quiz/anki.rs`).

use deepstep::lessons::quiz::anki::*;
use deepstep::lessons::quiz::bank::Answer;

#[test]
fn fields_hold_no_tab_or_line_break_and_escape_html() {
    let f = field(&["a\tb <c> & \"d\"".to_string(), "e\nf".to_string()]);
    assert_eq!(f, "a b &lt;c&gt; &amp; &quot;d&quot;<br>e f");
}

#[test]
fn ordering_cards_never_show_a_right_order() {
    let bank = deepstep::lessons::quiz::bank::shipped().unwrap();
    let mut seen = 0;
    for q in bank.iter().filter(|q| matches!(q.answer, Answer::Order { .. })) {
        assert!(!q.answer.accepts_order(&shown_order(&q.answer)), "{}", q.id);
        seen += 1;
    }
    assert!(seen > 0, "the shipped bank has ordering questions");
}
