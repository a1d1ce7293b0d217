//! What can be wrong with a question bank, and how each problem is told
//! (file, line, question id, in the learner's language).

use crate::text::visible::visible;

/// The most options a choice question has, and terms an ordering question.
pub const MAX_OPTIONS: usize = 4;
pub const MAX_TERMS: usize = 6;

/// What is wrong with a bank (typed, so it is described in the learner's language).
#[derive(Debug, Clone, PartialEq)]
pub enum Issue {
    /// The TOML reader's own message (English, from the `toml` crate), for
    /// what is not one of the typed issues below.
    Toml(String),
    /// A value that is none of the allowed words: (the field, when told;
    /// the value; the words allowed, as serde lists them).
    UnknownVariant {
        field: Option<String>,
        got: String,
        allowed: String,
    },
    /// A field the question needs is missing.
    MissingField(String),
    /// A field no question has: (the field, the fields allowed).
    UnknownField {
        field: String,
        allowed: String,
    },
    NoQuestions,
    EmptyId,
    DuplicateId,
    /// A field that belongs to another kind of question.
    Stray(&'static str),
    OptionCount(usize),
    CorrectRange {
        options: usize,
        got: i64,
    },
    CorrectMissing,
    WrongWithoutWhy(usize),
    Tolerance(f64),
    ValueNotFinite(f64),
    ValueMissing,
    TrueFalseWhy,
    TruthMissing,
    TermCount(usize),
    TermsRepeat,
    /// A whole number too large to read, in this field.
    IntegerTooLarge(String),
    /// A `before` pair names a term that is not there (1-based, as written).
    BeforeRange {
        a: i64,
        b: i64,
    },
    /// `before = []`: every order would be right.
    BeforeEmpty,
    /// The terms as written break a `before` pair: the key is not a right order.
    KeyBreaksBefore {
        a: usize,
        b: usize,
    },
    /// `template` names no template deepstep has.
    TemplateUnknown(String),
    /// A parameter the template needs has no range.
    TemplateParamMissing(String),
    /// A range for a parameter the template does not have.
    TemplateParamUnknown(String),
    /// A range whose low end is above its high end.
    TemplateRange(String),
    /// Arrays or inline tables nested deeper than a bank may nest them.
    TooDeep(usize),
    /// A text with more lines or characters than a question's text may have.
    TooLong {
        field: &'static str,
        lines: usize,
        chars: usize,
    },
    /// A range reaching beyond what the template allows for that parameter.
    TemplateBounds {
        name: String,
        min: i64,
        max: i64,
    },
    /// No draw from the ranges gives numbers the math accepts.
    TemplateNoDraw,
    /// `{{NAME}}` in the text names no number of the template.
    Placeholder(String),
}

/// One problem in a bank file.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub id: Option<String>,
    pub issue: Issue,
}

impl Problem {
    /// `file:line: question `id`: what is wrong`, in this language.
    pub fn describe(&self, t: &crate::text::Text) -> String {
        let b = &t.bank;
        let what = match &self.issue {
            Issue::Toml(m) => (b.toml)(m),
            Issue::UnknownVariant { field, got, allowed } => (b.unknown_variant)(field.as_deref(), got, allowed),
            Issue::MissingField(field) => (b.missing_field)(field),
            Issue::UnknownField { field, allowed } => (b.unknown_field)(field, allowed),
            Issue::NoQuestions => b.no_questions.to_string(),
            Issue::EmptyId => b.empty_id.to_string(),
            Issue::DuplicateId => b.duplicate_id.to_string(),
            Issue::Stray(field) => (b.stray)(field),
            Issue::OptionCount(n) => (b.option_count)(MAX_OPTIONS, *n),
            Issue::CorrectRange { options, got } => (b.correct_range)(*options, *got),
            Issue::CorrectMissing => b.correct_missing.to_string(),
            Issue::WrongWithoutWhy(i) => (b.wrong_without_why)(*i),
            Issue::Tolerance(v) => (b.tolerance)(&v.to_string()),
            Issue::ValueNotFinite(v) => (b.value_not_finite)(&v.to_string()),
            Issue::ValueMissing => b.value_missing.to_string(),
            Issue::TrueFalseWhy => b.truefalse_why.to_string(),
            Issue::TruthMissing => b.truth_missing.to_string(),
            Issue::TermCount(n) => (b.term_count)(MAX_TERMS, *n),
            Issue::TermsRepeat => b.terms_repeat.to_string(),
            Issue::IntegerTooLarge(field) => (b.integer_too_large)(field),
            Issue::BeforeRange { a, b: second } => (b.before_range)(MAX_TERMS, *a, *second),
            Issue::BeforeEmpty => b.before_empty.to_string(),
            Issue::KeyBreaksBefore { a, b: second } => (b.key_breaks_before)(*a, *second),
            Issue::TemplateUnknown(name) => {
                let known: Vec<&str> = super::template::Kind::ALL.iter().map(|k| k.name()).collect();
                (b.template_unknown)(name, &known.join(", "))
            }
            Issue::TemplateParamMissing(name) => (b.template_param_missing)(name),
            Issue::TemplateParamUnknown(name) => (b.template_param_unknown)(name),
            Issue::TemplateRange(name) => (b.template_range)(name),
            Issue::TooDeep(max) => (b.too_deep)(*max),
            Issue::TooLong { field, lines, chars } => (b.too_long)(field, *lines, *chars),
            Issue::TemplateBounds { name, min, max } => (b.template_bounds)(name, *min, *max),
            Issue::TemplateNoDraw => b.template_no_draw.to_string(),
            Issue::Placeholder(name) => (b.placeholder)(name),
        };
        // The whole line is made visible: TOML's messages quote the file's text.
        visible(&match &self.id {
            Some(id) => format!("{}:{}: {}: {what}", self.file, self.line, (b.question)(id)),
            None => format!("{}:{}: {what}", self.file, self.line),
        })
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(&crate::text::EN))
    }
}

/// serde's message about a question's table, as a typed issue where it is
/// one of the common kinds (so it is told in the learner's language), else
/// as it is. The forms read are serde's own: ``unknown variant `x`, expected
/// one of `a`, `b` `` (with ``in `field` `` on the next line, as `toml`
/// adds it), ``missing field `x` ``, ``unknown field `x`, expected …``.
pub fn serde_issue(message: &str) -> Issue {
    let (head, field) = match message.trim().rsplit_once("\nin `") {
        Some((head, rest)) => (head.trim(), rest.strip_suffix('`').map(str::to_string)),
        None => (message.trim(), None),
    };
    let quoted = |s: &str| {
        s.strip_prefix('`').and_then(|s| s.split_once('`')).map(|(q, rest)| (q.to_string(), rest.to_string()))
    };
    if let Some(rest) = head.strip_prefix("unknown variant ")
        && let Some((got, rest)) = quoted(rest)
        && let Some(allowed) = rest.strip_prefix(", expected one of ").or(rest.strip_prefix(", expected "))
    {
        return Issue::UnknownVariant { field, got, allowed: allowed.to_string() };
    }
    if let Some(rest) = head.strip_prefix("missing field ")
        && let Some((name, tail)) = quoted(rest)
        && tail.trim().is_empty()
    {
        return Issue::MissingField(name);
    }
    if let Some(rest) = head.strip_prefix("unknown field ")
        && let Some((name, rest)) = quoted(rest)
        && let Some(allowed) = rest.strip_prefix(", expected one of ").or(rest.strip_prefix(", expected "))
    {
        return Issue::UnknownField { field: name, allowed: allowed.to_string() };
    }
    Issue::Toml(message.trim().to_string())
}
