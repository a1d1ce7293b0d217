//! Tests of `deepstep::lessons::quiz::bank` (`src/lessons/quiz/bank.rs`).

use deepstep::lessons::quiz::bank::*;

#[test]
fn problems_name_line_and_id() {
    let text = r#"
[[question]]
id = "ok"
topic = "chain"
kind = "numeric"
prompt.en = "p"
explanation.en = "e"
value = 0.5

[[question]]
id = "bad-choice"
topic = "bayes"
kind = "choice"
prompt.en = "p"
explanation.en = "e"
correct = 3
options = [{ text.en = "a" }, { text.en = "b", why.en = "w" }]

[[question]]
id = "bad-type"
topic = "conv"
kind = "numeric"
prompt.en = "p"
explanation.en = "e"
value = "x"
"#;
    let p = parse("b.toml", text).unwrap_err();
    let shown: Vec<String> = p.iter().map(|p| p.to_string()).collect();
    assert!(shown.iter().any(|s| s.starts_with("b.toml:10: question `bad-choice`: `correct` must be")), "{shown:?}");
    assert!(shown.iter().any(|s| s.contains("option 1 is wrong but has no `why`")), "{shown:?}");
    assert!(shown.iter().any(|s| s.starts_with("b.toml:19: question `bad-type`:")), "{shown:?}");
    assert_eq!(p.len(), 3);
}

#[test]
fn decomposed_hangul_is_composed() {
    // "합" written as its three jamo (NFD).
    let nfd = "\u{1112}\u{1161}\u{11B8}";
    let text = format!(
        "[[question]]\nid = \"n\"\ntopic = \"conv\"\nkind = \"numeric\"\nprompt.en = \"p\"\nprompt.ko = \"{nfd}\"\nexplanation.en = \"e\"\nvalue = 1\n"
    );
    let q = parse("n.toml", &text).unwrap().remove(0);
    let Body::Bank { prompt, .. } = q.body else { panic!() };
    assert_eq!(prompt.ko.as_deref(), Some("합"));
}

#[test]
fn syntax_errors_give_the_line() {
    let p = parse("s.toml", "[[question]]\nid = \"a\"\ntopic = \n").unwrap_err();
    assert_eq!(p[0].line, 3, "{p:?}");
}

/// serde's common messages become typed issues (told in either language);
/// anything else stays as serde wrote it.
#[test]
fn serde_messages_become_typed_issues() {
    use deepstep::lessons::quiz::bank_problem::{Issue, serde_issue};
    assert_eq!(
        serde_issue("unknown variant `nope`, expected one of `a`, `b`\nin `kind`\n"),
        Issue::UnknownVariant { field: Some("kind".into()), got: "nope".into(), allowed: "`a`, `b`".into() }
    );
    assert_eq!(serde_issue("missing field `id`"), Issue::MissingField("id".into()));
    assert_eq!(
        serde_issue("unknown field `ansewr`, expected `id` or `kind`"),
        Issue::UnknownField { field: "ansewr".into(), allowed: "`id` or `kind`".into() }
    );
    assert_eq!(
        serde_issue("invalid type: string \"a\", expected i64"),
        Issue::Toml("invalid type: string \"a\", expected i64".into())
    );
}
