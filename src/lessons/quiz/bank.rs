//! Quiz banks: TOML files of questions (the shipped ones are embedded from
//! `assets/quiz/`), parsed and checked. `check` reports every problem with its
//! file, line and question id, so a teacher can fix a custom bank in one pass.

use super::generate::{Drawn, GenKind, Generated};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

/// The shipped banks, one file per topic.
pub const SHIPPED: [(&str, &str); 6] = [
    ("assets/quiz/chain_rule.toml", include_str!("../../../assets/quiz/chain_rule.toml")),
    ("assets/quiz/bayes.toml", include_str!("../../../assets/quiz/bayes.toml")),
    ("assets/quiz/convolution.toml", include_str!("../../../assets/quiz/convolution.toml")),
    ("assets/quiz/rnn.toml", include_str!("../../../assets/quiz/rnn.toml")),
    ("assets/quiz/mle.toml", include_str!("../../../assets/quiz/mle.toml")),
    ("assets/quiz/gradient_descent.toml", include_str!("../../../assets/quiz/gradient_descent.toml")),
];

pub(super) use super::question::nfc;
pub use super::question::{Answer, Choice, Loc, Slip, Topic};
pub use crate::text::visible::visible;

/// Where a question's words come from: a bank file, or a joint table drawn
/// for this round (`generate`), whose words are written in the current
/// language when shown.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Bank {
        prompt: Loc,
        hint: Option<Loc>,
        explanation: Loc,
        factors: Vec<String>,
        /// What the question tests, when another question tests it too (or
        /// gives its answer away): a round asks one question per skill.
        skill: Option<String>,
        /// A templated question's template and texts as written.
        template: Option<Box<Templated>>,
    },
    Generated(Box<Generated>),
    /// A sample drawn for this round (`generate_sample`).
    Sample(Box<super::generate_sample::SampleQuestion>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: String,
    pub topic: Topic,
    pub body: Body,
    pub answer: Answer,
    /// Known wrong numbers and their mistakes (numeric questions).
    pub slips: Vec<Slip>,
}

impl Question {
    /// A templated question with new numbers drawn from `seed` (any other
    /// question as it is). The error is a text naming a number the template
    /// does not have, or a draw the math refused every time.
    pub fn redrawn(&self, seed: u64) -> Result<Question, Issue> {
        let Body::Bank { template: Some(t), factors, skill, .. } = &self.body else { return Ok(self.clone()) };
        let drawn = t.template.draw(seed).ok_or(Issue::TemplateNoDraw)?;
        let fill = |l: &Loc| -> Result<Loc, Issue> {
            let f = |s: &str| super::template::fill(s, &drawn.values).map_err(Issue::Placeholder);
            Ok(Loc { en: f(&l.en)?, ko: l.ko.as_deref().map(f).transpose()? })
        };
        Ok(Question {
            id: self.id.clone(),
            topic: self.topic,
            body: Body::Bank {
                prompt: fill(&t.prompt)?,
                hint: t.hint.as_ref().map(fill).transpose()?,
                explanation: fill(&t.explanation)?,
                factors: factors.clone(),
                skill: skill.clone(),
                template: Some(t.clone()),
            },
            answer: Answer::Numeric { value: drawn.answer, tolerance: drawn.tolerance.unwrap_or(t.tolerance) },
            slips: drawn.slips,
        })
    }

    /// The known mistake behind `given`, a wrong number, if it is one the
    /// question's numbers give (within the answer's tolerance).
    pub fn slip_for(&self, given: f64) -> Option<Slip> {
        let Answer::Numeric { tolerance, .. } = self.answer else { return None };
        self.slips.iter().find(|s| (s.value - given).abs() <= tolerance + 1e-9 * s.value.abs().max(1.0)).copied()
    }

    /// The skill it tests, if its bank names one.
    pub fn skill(&self) -> Option<&str> {
        match &self.body {
            Body::Bank { skill, .. } => skill.as_deref(),
            _ => None,
        }
    }
}

pub use super::bank_problem::{Issue, Problem};

/// A generated question of `kind` drawn from `seed` (a table or a sample),
/// under its kind's progress id.
pub fn generated(kind: GenKind, seed: u64) -> Option<Question> {
    let (drawn, answer, topic, slips) = super::generate::generate(kind, seed)?;
    let body = match drawn {
        Drawn::Table(g) => Body::Generated(g),
        Drawn::Sample(s) => Body::Sample(s),
    };
    Some(Question { id: kind.id().to_string(), topic, body, answer, slips })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBank {
    #[serde(default)]
    question: Vec<toml::Spanned<toml::Table>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOption {
    text: Loc,
    #[serde(default)]
    why: Option<Loc>,
}

#[derive(Deserialize, PartialEq, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum Kind {
    Choice,
    Numeric,
    Truefalse,
    Order,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: String,
    topic: Topic,
    kind: Kind,
    prompt: Loc,
    #[serde(default)]
    hint: Option<Loc>,
    explanation: Loc,
    /// A factorization written out, shown with the feedback.
    #[serde(default)]
    factors: Vec<String>,
    #[serde(default)]
    skill: Option<String>,
    /// numeric: a template's name; its parameters' ranges are in `params`.
    #[serde(default)]
    template: Option<String>,
    #[serde(default)]
    params: BTreeMap<String, [i64; 2]>,
    // choice
    #[serde(default)]
    options: Vec<RawOption>,
    /// choice: the right option, counting from 1 (as the keys do).
    #[serde(default)]
    correct: Option<i64>,
    // numeric
    #[serde(default)]
    value: Option<f64>,
    #[serde(default)]
    tolerance: Option<f64>,
    // truefalse
    #[serde(default)]
    truth: Option<bool>,
    #[serde(default)]
    why: Option<Loc>,
    // order
    #[serde(default)]
    terms: Vec<String>,
    /// order: pairs [a, b] (counting from 1): term a must come before term b.
    #[serde(default)]
    before: Option<Vec<[i64; 2]>>,
}

pub use super::bank_problem::{MAX_OPTIONS, MAX_TERMS};
pub use super::template::DEFAULT_TOLERANCE;

/// Line numbers by offset: the newlines' offsets found once, then a binary
/// search per question (counting from the start each time made reading a
/// bank quadratic in its length).
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Lines {
        Lines(text.match_indices('\n').map(|(i, _)| i).collect())
    }

    fn of(&self, offset: usize) -> usize {
        self.0.partition_point(|&nl| nl < offset) + 1
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    Lines::new(text).of(offset)
}

/// The largest bank file read (more would be no question bank but a mistake).
pub const MAX_BANK_BYTES: u64 = 2 * 1024 * 1024;

/// A bank file's text: only a regular file of at most `MAX_BANK_BYTES`
/// (a FIFO would block and /dev/zero never end), valid UTF-8 (the line of the
/// first invalid byte is named).
pub fn read_file(path: &std::path::Path) -> Result<String, ReadError> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| ReadError::Io(e.to_string()))?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    if meta.len() > MAX_BANK_BYTES {
        return Err(ReadError::TooLarge);
    }
    let mut bytes = vec![];
    let f = std::fs::File::open(path).map_err(|e| ReadError::Io(e.to_string()))?;
    // The file may grow after the check: read one byte past the limit at most.
    f.take(MAX_BANK_BYTES + 1).read_to_end(&mut bytes).map_err(|e| ReadError::Io(e.to_string()))?;
    if bytes.len() as u64 > MAX_BANK_BYTES {
        return Err(ReadError::TooLarge);
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        ReadError::NotUtf8 { line: e.as_bytes()[..valid].iter().filter(|b| **b == b'\n').count() + 1 }
    })
}

/// Why a bank file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    Io(String),
    NotRegular,
    TooLarge,
    NotUtf8 { line: usize },
}

/// The answer of a parsed question, or what is wrong with it.
fn answer_of(q: &RawQuestion) -> Result<Answer, Vec<Issue>> {
    let mut errs = vec![];
    let kind = q.kind;
    let stray = |present: bool, field: &'static str, errs: &mut Vec<Issue>| {
        if present {
            errs.push(Issue::Stray(field));
        }
    };
    stray(kind != Kind::Choice && !q.options.is_empty(), "options", &mut errs);
    stray(kind != Kind::Choice && q.correct.is_some(), "correct", &mut errs);
    stray(kind != Kind::Numeric && (q.value.is_some() || q.tolerance.is_some()), "value/tolerance", &mut errs);
    stray(kind != Kind::Truefalse && (q.truth.is_some() || q.why.is_some()), "truth/why", &mut errs);
    stray(kind != Kind::Order && !q.terms.is_empty(), "terms", &mut errs);
    stray(kind != Kind::Order && q.before.is_some(), "before", &mut errs);
    stray(kind != Kind::Numeric && (q.template.is_some() || !q.params.is_empty()), "template/params", &mut errs);
    // The template computes the answer: a `value` beside it would be a second, unchecked one.
    stray(q.template.is_some() && q.value.is_some(), "value", &mut errs);
    stray(q.template.is_none() && !q.params.is_empty(), "params", &mut errs);
    let answer = match kind {
        Kind::Choice => {
            let n = q.options.len();
            if !(2..=MAX_OPTIONS).contains(&n) {
                errs.push(Issue::OptionCount(n));
            }
            let correct = match q.correct {
                Some(c) if c >= 1 && (c as usize) <= n => Some(c as usize - 1),
                // With no options, `correct` has no range to be in: the count is the problem.
                Some(_) if n == 0 => None,
                Some(c) => {
                    errs.push(Issue::CorrectRange { options: n, got: c });
                    None
                }
                None => {
                    errs.push(Issue::CorrectMissing);
                    None
                }
            };
            for (i, o) in q.options.iter().enumerate() {
                if Some(i) != correct && o.why.is_none() {
                    errs.push(Issue::WrongWithoutWhy(i + 1));
                }
            }
            correct.map(|correct| Answer::Choice {
                options: q
                    .options
                    .iter()
                    .map(|o| Choice { text: o.text.normalised(), why: o.why.as_ref().map(Loc::normalised) })
                    .collect(),
                correct,
            })
        }
        Kind::Numeric => {
            let tolerance = q.tolerance.unwrap_or(DEFAULT_TOLERANCE);
            if !(tolerance.is_finite() && tolerance >= 0.0) {
                errs.push(Issue::Tolerance(tolerance));
            }
            match q.value {
                // A template's answer comes from its draw (`templated`).
                None if q.template.is_some() => Some(Answer::Numeric { value: 0.0, tolerance }),
                Some(v) if v.is_finite() => Some(Answer::Numeric { value: v, tolerance }),
                Some(v) => {
                    errs.push(Issue::ValueNotFinite(v));
                    None
                }
                None => {
                    errs.push(Issue::ValueMissing);
                    None
                }
            }
        }
        Kind::Truefalse => {
            if q.why.is_none() {
                errs.push(Issue::TrueFalseWhy);
            }
            match q.truth {
                Some(truth) => Some(Answer::TrueFalse { truth, why: q.why.as_ref().map(Loc::normalised) }),
                None => {
                    errs.push(Issue::TruthMissing);
                    None
                }
            }
        }
        Kind::Order => {
            let n = q.terms.len();
            if !(2..=MAX_TERMS).contains(&n) {
                errs.push(Issue::TermCount(n));
            }
            if q.terms.iter().collect::<BTreeSet<_>>().len() != n {
                errs.push(Issue::TermsRepeat);
            }
            let before: Vec<(usize, usize)> = match &q.before {
                // Only the order written: each term after the one before it.
                None => (1..n).map(|i| (i - 1, i)).collect(),
                Some(pairs) => {
                    if pairs.is_empty() {
                        errs.push(Issue::BeforeEmpty);
                    }
                    let term = |v: i64| (1..=n as i64).contains(&v).then(|| v as usize - 1);
                    pairs
                        .iter()
                        .filter_map(|&[a, b]| match (term(a), term(b)) {
                            (Some(x), Some(y)) if x != y => Some((x, y)),
                            _ => {
                                errs.push(Issue::BeforeRange { a, b });
                                None
                            }
                        })
                        .collect()
                }
            };
            // The terms as written must be one of the right orders.
            for &(a, b) in &before {
                if a > b {
                    errs.push(Issue::KeyBreaksBefore { a: a + 1, b: b + 1 });
                }
            }
            Some(Answer::Order { terms: q.terms.iter().map(|t| nfc(t)).collect(), before })
        }
    };
    match answer {
        Some(a) if errs.is_empty() => Ok(a),
        _ => Err(errs),
    }
}

/// The deepest arrays and inline tables may nest in a bank (a question
/// needs two or three). The TOML reader refuses deeper ones itself, but only
/// after building what it read: 2 MB of `[` took 200 MB on the way.
pub const MAX_DEPTH: usize = 32;

/// The line where `[` and `{` outside strings and comments first nest more
/// than `max` deep, if they do.
fn too_deep(text: &str, max: usize) -> Option<usize> {
    let b = text.as_bytes();
    let (mut depth, mut line, mut i) = (0usize, 1usize, 0usize);
    while i < b.len() {
        match b[i] {
            b'\n' => line += 1,
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            q @ (b'"' | b'\'') => {
                let triple: &[u8] = if q == b'"' { b"\"\"\"" } else { b"'''" };
                let delim = if b[i..].starts_with(triple) { triple } else { &b[i..i + 1] };
                i += delim.len();
                while i < b.len() && !b[i..].starts_with(delim) {
                    // In a basic string a backslash escapes the next byte (a quote too).
                    if b[i] == b'\\' && q == b'"' {
                        i += 1;
                    } else if b[i] == b'\n' {
                        line += 1;
                    }
                    i += 1;
                }
                i += delim.len();
                continue;
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Some(line);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}

/// Parse one bank file. Every problem is reported, not only the first.
pub fn parse(file: &str, text: &str) -> Result<Vec<Question>, Vec<Problem>> {
    let problem = |line, id: Option<String>, issue: Issue| Problem { file: file.to_string(), line, id, issue };
    // An integer too large for TOML stops the whole document: name its field,
    // put 0 in its place and read on, so the other problems are reported too.
    if let Some(line) = too_deep(text, MAX_DEPTH) {
        return Err(vec![problem(line, None, Issue::TooDeep(MAX_DEPTH))]);
    }
    let mut text = std::borrow::Cow::Borrowed(text);
    let mut early = vec![];
    let raw: RawBank = loop {
        match toml::from_str(&text) {
            Ok(raw) => break raw,
            Err(e) => {
                let line = e.span().map_or(1, |s| line_of(&text, s.start));
                match e.span().filter(|_| e.message().contains("integer") && early.len() < 100) {
                    Some(span) => {
                        let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
                        let field = text[start..span.start].split('=').next().unwrap_or("").trim().to_string();
                        early.push(problem(line, None, Issue::IntegerTooLarge(field)));
                        let mut fixed = text.into_owned();
                        fixed.replace_range(span, "0");
                        text = std::borrow::Cow::Owned(fixed);
                    }
                    None => {
                        early.push(problem(line, None, Issue::Toml(e.message().to_string())));
                        return Err(early);
                    }
                }
            }
        }
    };
    let text: &str = &text;
    let lines = Lines::new(text);
    if raw.question.is_empty() {
        return Err(vec![problem(1, None, Issue::NoQuestions)]);
    }
    let mut problems = early;
    let mut questions = vec![];
    let mut seen = BTreeSet::new();
    for spanned in raw.question {
        let line = lines.of(spanned.span().start);
        let table = spanned.into_inner();
        let id = table.get("id").and_then(|v| v.as_str()).map(str::to_string);
        let q = match RawQuestion::deserialize(toml::Value::Table(table)) {
            Ok(q) => q,
            Err(e) => {
                problems.push(problem(line, id, super::bank_problem::serde_issue(&e.to_string())));
                continue;
            }
        };
        if q.id.trim().is_empty() {
            problems.push(problem(line, None, Issue::EmptyId));
        }
        if !seen.insert(q.id.clone()) {
            problems.push(problem(line, Some(q.id.clone()), Issue::DuplicateId));
        }
        if let Some(field) = long_field(&q) {
            problems.push(problem(
                line,
                Some(q.id.clone()),
                Issue::TooLong { field, lines: MAX_FIELD_LINES, chars: MAX_FIELD_CHARS },
            ));
            continue;
        }
        let question = answer_of(&q).and_then(|answer| {
            let question = Question {
                id: visible(&q.id),
                topic: q.topic,
                body: Body::Bank {
                    prompt: q.prompt.normalised(),
                    hint: q.hint.as_ref().map(Loc::normalised),
                    explanation: q.explanation.normalised(),
                    factors: q.factors.iter().map(|f| nfc(f)).collect(),
                    skill: q.skill.as_deref().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()),
                    template: None,
                },
                answer,
                slips: vec![],
            };
            match &q.template {
                Some(name) => templated(question, name, &q.params),
                None => Ok(question),
            }
        });
        match question {
            Ok(question) => questions.push(question),
            Err(errs) => problems.extend(errs.into_iter().map(|m| problem(line, Some(q.id.clone()), m))),
        }
    }
    problems.sort_by_key(|p| p.line);
    if problems.is_empty() { Ok(questions) } else { Err(problems) }
}

/// The most lines, and characters, one text of a question may have. Every
/// screen wraps a text on each redraw: a million-line prompt made the quiz
/// take seconds and hundreds of MB a frame, and 2 MB in one prompt a second
/// a frame. The shipped texts are one line of at most a few hundred
/// characters each; a screen of 120×40 holds 4,800.
pub const MAX_FIELD_LINES: usize = 100;
pub const MAX_FIELD_CHARS: usize = 10_000;

/// The first text field of `q` longer than `MAX_FIELD_LINES` lines or
/// `MAX_FIELD_CHARS` characters.
fn long_field(q: &RawQuestion) -> Option<&'static str> {
    let long = |s: &str| s.chars().nth(MAX_FIELD_CHARS).is_some() || s.lines().nth(MAX_FIELD_LINES).is_some();
    let loc = |l: &Loc| long(&l.en) || l.ko.as_deref().is_some_and(long);
    if loc(&q.prompt) {
        Some("prompt")
    } else if q.hint.as_ref().is_some_and(loc) {
        Some("hint")
    } else if loc(&q.explanation) {
        Some("explanation")
    } else if q.why.as_ref().is_some_and(loc) {
        Some("why")
    } else if q.options.iter().any(|o| loc(&o.text) || o.why.as_ref().is_some_and(loc)) {
        Some("options")
    } else if q.terms.iter().any(|t| long(t)) {
        Some("terms")
    } else if q.factors.iter().any(|f| long(f)) {
        Some("factors")
    } else {
        None
    }
}

/// A numeric question made from a template: the ranges checked against what
/// the template needs, the texts kept as written for later draws, and the
/// question itself as the first draw (seed 0) shows it, so a bank question
/// is complete even where no round redraws it (`--check`, the export).
fn templated(mut q: Question, name: &str, params: &BTreeMap<String, [i64; 2]>) -> Result<Question, Vec<Issue>> {
    use super::template::{Kind, Template};
    let Some(kind) = Kind::from_name(name.trim()) else { return Err(vec![Issue::TemplateUnknown(name.to_string())]) };
    let mut errs: Vec<Issue> = kind
        .params()
        .iter()
        .filter(|p| !params.contains_key(**p))
        .map(|p| Issue::TemplateParamMissing(p.to_string()))
        .collect();
    for (p, [lo, hi]) in params {
        if !kind.params().contains(&p.as_str()) {
            errs.push(Issue::TemplateParamUnknown(p.clone()));
        } else if lo > hi {
            errs.push(Issue::TemplateRange(p.clone()));
        } else if let (min, max) = kind.bounds(p)
            && (*lo < min || *hi > max)
        {
            errs.push(Issue::TemplateBounds { name: p.clone(), min, max });
        }
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    let Body::Bank { prompt, hint, explanation, template, .. } = &mut q.body else { return Ok(q) };
    let Answer::Numeric { tolerance, .. } = q.answer else { return Ok(q) };
    *template = Some(Box::new(Templated {
        template: Template { kind, ranges: params.iter().map(|(k, [lo, hi])| (k.clone(), (*lo, *hi))).collect() },
        prompt: prompt.clone(),
        hint: hint.clone(),
        explanation: explanation.clone(),
        tolerance,
    }));
    // Every text of a few draws must fill: a name the template lacks is an error now, not on screen later.
    for seed in 0..4 {
        q = q.redrawn(seed).map_err(|e| vec![e])?;
    }
    q.redrawn(0).map_err(|e| vec![e])
}

/// What a templated question keeps to draw again: the template and the texts as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Templated {
    pub template: super::template::Template,
    pub prompt: Loc,
    pub hint: Option<Loc>,
    pub explanation: Loc,
    /// The bank's tolerance (a template may set its own, relative one).
    pub tolerance: f64,
}

/// Every shipped question. The shipped files are checked by the tests, so a
/// problem here is a build mistake; it is reported, not hidden. The files
/// are part of the binary, so they are parsed once per run: opening the quiz
/// or the review again copies the questions instead of parsing the TOML and
/// normalising its text again.
pub fn shipped() -> Result<Vec<Question>, Vec<Problem>> {
    static PARSED: std::sync::OnceLock<Result<Vec<Question>, Vec<Problem>>> = std::sync::OnceLock::new();
    PARSED
        .get_or_init(|| {
            let mut all = vec![];
            let mut problems = vec![];
            for (file, text) in SHIPPED {
                match parse(file, text) {
                    Ok(q) => all.extend(q),
                    Err(p) => problems.extend(p),
                }
            }
            if problems.is_empty() { Ok(all) } else { Err(problems) }
        })
        .clone()
}
