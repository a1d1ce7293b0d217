//! A function the learner types, f(x) or f(x, y): read here with Python's
//! precedence, then evaluated and differentiated symbolically by `exmex`.
//!
//! exmex does the arithmetic and the partial derivatives. This file only
//! checks the text first, for two reasons: exmex's errors carry no position
//! (the learner is shown where the problem is), and exmex's precedence is
//! not Python's (`-x^2` is (−x)² to exmex, −(x²) to Python and SymPy;
//! `2^3^2` is (2³)² to exmex, 2^(3²) to them). So the check writes the
//! expression out again with every operation in parentheses, and exmex
//! parses that: what the learner typed means what it means in the course's
//! Python.

use exmex::prelude::*;
use exmex::{Differentiate, FlatEx};
use thiserror::Error;

/// The longest expression read (a typed answer's limit is shorter): bounded
/// text keeps parsing, differentiation and every evaluation bounded.
pub const MAX_EXPR: usize = 120;

/// The functions that may be called; each has a derivative exmex knows.
pub const FUNCTIONS: [&str; 8] = ["sin", "cos", "tan", "exp", "log", "ln", "sqrt", "tanh"];

/// Why a typed function was refused, and where (0-based character index).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{kind} (at character {})", .at + 1)]
pub struct ExprError {
    pub at: usize,
    pub kind: ExprErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ExprErrorKind {
    #[error("the function is empty")]
    Empty,
    #[error("the function is longer than {max} characters")]
    TooLong { max: usize },
    #[error("'{0}' cannot be used here")]
    Character(char),
    #[error("unknown name '{0}': use x, y, pi, e and sin cos tan exp log ln sqrt tanh")]
    UnknownName(String),
    #[error("'{0}' has no derivative everywhere, so gradient descent cannot use it")]
    NoDerivative(String),
    #[error("'{0}' is not a number")]
    Number(String),
    #[error("a number, x, y or '(' is missing here")]
    ExpectedOperand,
    #[error("an operator is missing here (write 2*x, not 2x)")]
    ExpectedOperator,
    #[error("this '(' is never closed")]
    Unclosed,
    #[error("')' closes nothing")]
    UnmatchedClose,
    #[error("'{0}' needs its argument in parentheses: {0}(x)")]
    Call(String),
    #[error("the function does not use x")]
    NoX,
    #[error("the function could not be read: {0}")]
    Exmex(String),
}

fn err(at: usize, kind: ExprErrorKind) -> ExprError {
    ExprError { at, kind }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(f64),
    Name(String),
    Op(char),
}

/// Characters as tokens with their positions; `**` reads as `^`, and the
/// typographic minus and times as `-` and `*`.
fn tokens(text: &str) -> Result<Vec<(usize, Tok)>, ExprError> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = vec![];
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_digit() || c == '.' {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            // An exponent: 1e-5, 2.5E3.
            if i < chars.len() && (chars[i] == 'e' || chars[i] == 'E') {
                let mut j = i + 1;
                if j < chars.len() && (chars[j] == '-' || chars[j] == '+') {
                    j += 1;
                }
                if j < chars.len() && chars[j].is_ascii_digit() {
                    while j < chars.len() && chars[j].is_ascii_digit() {
                        j += 1;
                    }
                    i = j;
                }
            }
            let s: String = chars[start..i].iter().collect();
            let v: f64 = s.parse().map_err(|_| err(start, ExprErrorKind::Number(s.clone())))?;
            if !v.is_finite() {
                return Err(err(start, ExprErrorKind::Number(s)));
            }
            out.push((start, Tok::Num(v)));
        } else if c.is_ascii_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push((start, Tok::Name(chars[start..i].iter().collect())));
        } else {
            let op = match c {
                '*' if chars.get(i + 1) == Some(&'*') => {
                    out.push((i, Tok::Op('^')));
                    i += 2;
                    continue;
                }
                '+' | '-' | '*' | '/' | '^' | '(' | ')' => c,
                '−' => '-',
                '×' | '·' => '*',
                _ => return Err(err(i, ExprErrorKind::Character(c))),
            };
            out.push((i, Tok::Op(op)));
            i += 1;
        }
    }
    Ok(out)
}

/// A recursive-descent reader with Python's precedence that writes the
/// expression out fully parenthesised for exmex.
struct Reader {
    toks: Vec<(usize, Tok)>,
    pos: usize,
    end: usize,
    uses: [bool; 2],
}

impl Reader {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|(_, t)| t)
    }

    fn at(&self) -> usize {
        self.toks.get(self.pos).map_or(self.end, |(p, _)| *p)
    }

    fn eat(&mut self, op: char) -> bool {
        if self.peek() == Some(&Tok::Op(op)) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn sum(&mut self) -> Result<String, ExprError> {
        let mut left = self.product()?;
        while let Some(Tok::Op(op @ ('+' | '-'))) = self.peek().cloned() {
            self.pos += 1;
            let right = self.product()?;
            left = format!("({left}{op}{right})");
        }
        Ok(left)
    }

    fn product(&mut self) -> Result<String, ExprError> {
        let mut left = self.unary()?;
        while let Some(Tok::Op(op @ ('*' | '/'))) = self.peek().cloned() {
            self.pos += 1;
            let right = self.unary()?;
            left = format!("({left}{op}{right})");
        }
        Ok(left)
    }

    /// A sign binds looser than a power, as in Python: -x^2 = -(x^2).
    fn unary(&mut self) -> Result<String, ExprError> {
        if self.eat('-') {
            let inner = self.unary()?;
            return Ok(format!("(-{inner})"));
        }
        if self.eat('+') {
            return self.unary();
        }
        self.power()
    }

    /// Powers group to the right, as in Python: 2^3^2 = 2^(3^2).
    fn power(&mut self) -> Result<String, ExprError> {
        let base = self.atom()?;
        if self.eat('^') {
            let exponent = self.unary()?;
            return Ok(format!("({base}^{exponent})"));
        }
        Ok(base)
    }

    fn atom(&mut self) -> Result<String, ExprError> {
        let at = self.at();
        let Some(tok) = self.peek().cloned() else { return Err(err(at, ExprErrorKind::ExpectedOperand)) };
        self.pos += 1;
        match tok {
            // Written as exmex reads a number: no exponent, full digits.
            Tok::Num(v) => Ok(format!("{v}")),
            Tok::Name(n) => match n.as_str() {
                "x" => {
                    self.uses[0] = true;
                    Ok("x".into())
                }
                "y" => {
                    self.uses[1] = true;
                    Ok("y".into())
                }
                "pi" | "PI" => Ok("PI".into()),
                "e" | "E" => Ok("E".into()),
                "abs" => Err(err(at, ExprErrorKind::NoDerivative(n))),
                f if FUNCTIONS.contains(&f) => {
                    let open = self.at();
                    if !self.eat('(') {
                        return Err(err(open, ExprErrorKind::Call(n)));
                    }
                    let inner = self.sum()?;
                    if !self.eat(')') {
                        return Err(err(open, ExprErrorKind::Unclosed));
                    }
                    Ok(format!("{f}({inner})"))
                }
                _ => Err(err(at, ExprErrorKind::UnknownName(n))),
            },
            Tok::Op('(') => {
                let inner = self.sum()?;
                if !self.eat(')') {
                    return Err(err(at, ExprErrorKind::Unclosed));
                }
                Ok(inner)
            }
            Tok::Op(')') => Err(err(at, ExprErrorKind::UnmatchedClose)),
            Tok::Op(_) => Err(err(at, ExprErrorKind::ExpectedOperand)),
        }
    }
}

/// A typed function with its symbolic derivatives (exmex), one or two variables.
#[derive(Debug, Clone)]
pub struct Function {
    /// What the learner typed, trimmed.
    pub text: String,
    /// 1 for f(x), 2 for f(x, y).
    pub dim: usize,
    f: FlatEx<f64>,
    /// ∂f/∂x (and ∂f/∂y).
    grad: Vec<FlatEx<f64>>,
    /// Second partials, row-major [dim × dim].
    hess: Vec<FlatEx<f64>>,
}

/// The stack exmex differentiates on (reserved, not used, unless needed).
const DIFF_STACK: usize = 256 << 20;

impl PartialEq for Function {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

fn exmex_err(e: exmex::ExError) -> ExprError {
    err(0, ExprErrorKind::Exmex(e.to_string()))
}

/// Each expression's partial by every variable, in order.
fn partials(e: &FlatEx<f64>, dim: usize) -> Result<Vec<FlatEx<f64>>, ExprError> {
    (0..dim).map(|i| e.clone().partial(i).map_err(exmex_err)).collect()
}

impl Function {
    /// Read `text` as f(x) (or f(x, y) when it uses y).
    pub fn parse(text: &str) -> Result<Function, ExprError> {
        let text = text.trim();
        let len = text.chars().count();
        if len == 0 {
            return Err(err(0, ExprErrorKind::Empty));
        }
        if len > MAX_EXPR {
            return Err(err(MAX_EXPR, ExprErrorKind::TooLong { max: MAX_EXPR }));
        }
        let mut r = Reader { toks: tokens(text)?, pos: 0, end: len, uses: [false; 2] };
        let written = r.sum()?;
        if let Some(t) = r.peek() {
            let kind = if *t == Tok::Op(')') { ExprErrorKind::UnmatchedClose } else { ExprErrorKind::ExpectedOperator };
            return Err(err(r.at(), kind));
        }
        if !r.uses[0] {
            return Err(err(0, ExprErrorKind::NoX));
        }
        let dim = if r.uses[1] { 2 } else { 1 };
        // exmex differentiates recursively, deeper for nested calls than a
        // test thread's or a small default stack allows: it runs on a thread
        // of its own with room to spare (the text's length bounds the depth).
        let work = std::thread::Builder::new()
            .stack_size(DIFF_STACK)
            .spawn(move || -> Result<_, ExprError> {
                let f = FlatEx::<f64>::parse(&written).map_err(exmex_err)?;
                // exmex orders the variables alphabetically: x, then y.
                if f.var_names().len() != dim {
                    return Err(err(0, ExprErrorKind::NoX));
                }
                let grad = partials(&f, dim)?;
                let hess = grad.iter().map(|g| partials(g, dim)).collect::<Result<Vec<_>, _>>()?.concat();
                Ok((f, grad, hess))
            })
            .map_err(|e| err(0, ExprErrorKind::Exmex(e.to_string())))?;
        let (f, grad, hess) =
            work.join().map_err(|_| err(0, ExprErrorKind::Exmex("differentiation failed".into())))??;
        Ok(Function { text: text.to_string(), dim, f, grad, hess })
    }

    /// An expression's value at `p`; `None` outside its domain (NaN) or
    /// beyond f64 (±∞).
    fn at(e: &FlatEx<f64>, p: &[f64]) -> Option<f64> {
        Self::eval_raw(e, p).filter(|v| v.is_finite())
    }

    fn eval_raw(e: &FlatEx<f64>, p: &[f64]) -> Option<f64> {
        // A derivative can lose a variable (∂(x²+2y²)/∂x = 2x): exmex
        // keeps the variable list of the expression it came from; should a
        // version drop one, the values are picked by name.
        let v = if e.var_names().len() == p.len() {
            e.eval(p)
        } else {
            let picked: Option<Vec<f64>> =
                e.var_names().iter().map(|n| p.get(usize::from(n == "y")).copied()).collect();
            e.eval(&picked?)
        };
        v.ok()
    }

    /// f and its gradient at `p` as computed, NaN and ±∞ included (NaN
    /// where exmex refuses), to tell overflow from an undefined value.
    pub fn raw(&self, p: &[f64]) -> Vec<f64> {
        std::iter::once(&self.f).chain(&self.grad).map(|e| Self::eval_raw(e, p).unwrap_or(f64::NAN)).collect()
    }

    pub fn value(&self, p: &[f64]) -> Option<f64> {
        Self::at(&self.f, p)
    }

    /// ∇f(p), from the symbolic partials.
    pub fn gradient(&self, p: &[f64]) -> Option<Vec<f64>> {
        self.grad.iter().map(|g| Self::at(g, p)).collect()
    }

    /// The Hessian at `p`, row-major.
    pub fn hessian(&self, p: &[f64]) -> Option<Vec<f64>> {
        self.hess.iter().map(|h| Self::at(h, p)).collect()
    }

    /// The derivative's expression as exmex wrote it, made readable:
    /// `({x}*2.0)+2.0` reads `(x*2)+2`.
    pub fn derivative_text(&self, i: usize) -> String {
        self.grad.get(i).map_or_else(String::new, |g| tidy(g.unparse()))
    }

    /// Whether f is a quadratic (or of lower degree): its Hessian is the
    /// same at every probe point, to the last bit.
    pub fn is_quadratic(&self) -> bool {
        const PROBES: [f64; 4] = [-1.7, 0.3, 1.1, 2.9];
        let at = |a: f64| self.hessian(&(0..self.dim).map(|k| a + 0.37 * k as f64).collect::<Vec<_>>());
        let first = at(PROBES[0]);
        first.is_some() && PROBES.iter().all(|&a| at(a) == first)
    }
}

/// exmex's text without braces around variables and with numbers written
/// shortest (`2.0` as `2`).
pub fn tidy(s: &str) -> String {
    let mut out = String::new();
    let mut number = String::new();
    let flush = |number: &mut String, out: &mut String| {
        if !number.is_empty() {
            match number.parse::<f64>() {
                Ok(v) if v.fract() == 0.0 && v.abs() < 1e15 => out.push_str(&format!("{v:.0}")),
                Ok(v) => out.push_str(&format!("{v}")),
                Err(_) => out.push_str(number),
            }
            number.clear();
        }
    };
    for c in s.chars() {
        // A digit run belongs to a number unless it follows a name (log2).
        let in_name = out.ends_with(|p: char| p.is_ascii_alphabetic()) && number.is_empty();
        if (c.is_ascii_digit() || c == '.') && !in_name {
            number.push(c);
        } else {
            flush(&mut number, &mut out);
            if c != '{' && c != '}' {
                out.push(c);
            }
        }
    }
    flush(&mut number, &mut out);
    out
}

/// The central difference (f(p + h·e_i) − f(p − h·e_i)) / 2h, with h scaled
/// to the coordinate (the cube root of f64's epsilon balances truncation
/// against round-off).
pub fn central_difference(f: &Function, p: &[f64], i: usize) -> Option<f64> {
    let h = f64::EPSILON.cbrt() * p.get(i)?.abs().max(1.0);
    let mut up = p.to_vec();
    let mut down = p.to_vec();
    up[i] += h;
    down[i] -= h;
    let d = (f.value(&up)? - f.value(&down)?) / (up[i] - down[i]);
    d.is_finite().then_some(d)
}

/// Whether a symbolic derivative and its central difference agree: within
/// what the difference's truncation and round-off allow at this scale.
pub fn derivative_agrees(symbolic: f64, difference: f64, f_value: f64) -> bool {
    (symbolic - difference).abs() <= 1e-5 * (1.0 + symbolic.abs() + f_value.abs())
}
