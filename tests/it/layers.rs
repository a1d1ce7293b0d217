//! The source tree's layers: every `crate::…` and `super::…` path in
//! `src/` names a module on its own floor or a floor below, and no two
//! files import each other, directly or around a circle. The floors are
//! written once, here; `src/lib.rs` and docs/DESIGN.md describe the same.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Bottom up. A module belongs to the floor of the longest prefix that
/// names it; it may use its own floor and every floor below.
const FLOORS: &[&[&str]] = &[
    &["math"],
    // The practice checker: exercises, cases, running Python, verdicts.
    &["practice"],
    // Every user-facing string (it names the exercises and mistakes).
    &["text"],
    &["ui", "assets"],
    // The progress store, which the quiz, statistics and practice use.
    &["progress"],
    // What every lesson shares: the interface and its parts.
    &["lessons::lesson", "lessons::input", "lessons::cycle", "lessons::notes", "lessons::predict", "lessons::wake"],
    // Each lesson's folder.
    &["lessons"],
    // The list of lessons opens them; the home screen lists it.
    &["lessons::registry"],
    &["lessons::home"],
    &["app", "cli"],
    &["lib", "main"],
];

fn floor_of(module: &str) -> usize {
    let mut best = (0, usize::MAX);
    for (floor, prefixes) in FLOORS.iter().enumerate() {
        for p in *prefixes {
            let matches = module == *p || module.starts_with(&format!("{p}::"));
            if matches && p.len() >= best.0 {
                best = (p.len(), floor);
            }
        }
    }
    assert_ne!(best.1, usize::MAX, "{module} is on no floor: add it to FLOORS");
    best.1
}

/// Every source file as (module path, text).
fn modules() -> BTreeMap<String, String> {
    fn walk(dir: &Path, root: &Path, out: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, root, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(root).unwrap().with_extension("");
                let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
                if parts.last().is_some_and(|p| p == "mod") {
                    parts.pop();
                }
                out.insert(parts.join("::"), std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = BTreeMap::new();
    walk(&root, &root, &mut out);
    out
}

/// The code of a file without its comments (a path in a doc comment is no import).
fn code(text: &str) -> String {
    text.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

/// The modules a file's paths name: `crate::a::b::Item` and `super::x::Item`
/// (with `use super::{x, y}` groups), each resolved to the longest prefix
/// that is a module. A path into the file's own module or its parent (a
/// folder's `mod.rs`, which only declares and re-exports) is not counted.
fn imports(module: &str, text: &str, all: &BTreeSet<String>) -> BTreeSet<String> {
    let code = code(text);
    let mut paths: Vec<String> = vec![];
    let word = |c: char| c.is_alphanumeric() || c == '_' || c == ':';
    for start in ["crate::", "super::"] {
        let mut rest = code.as_str();
        while let Some(i) = rest.find(start) {
            let before = rest[..i].chars().last();
            let tail = &rest[i..];
            let path: String = tail.chars().take_while(|c| word(*c)).collect();
            if before.is_none_or(|c| !word(c)) {
                paths.push(path.trim_end_matches(':').to_string());
                // `use super::{a, b::C}`: each item of the group.
                if let Some(group) = tail[path.len()..].strip_prefix('{') {
                    let group = &group[..group.find('}').unwrap_or(0)];
                    for item in group.split(',') {
                        let item: String = item.trim().chars().take_while(|c| word(*c)).collect();
                        if !item.is_empty() && item != "self" {
                            paths.push(format!("{}{item}", path.trim_end_matches(':').to_string() + "::"));
                        }
                    }
                }
            }
            rest = &tail[start.len()..];
        }
    }
    let mut out = BTreeSet::new();
    for path in paths {
        let mut parts: Vec<&str> = path.split("::").collect();
        let mut base: Vec<&str> = module.split("::").collect();
        match parts.first() {
            Some(&"crate") => {
                base.clear();
                parts.remove(0);
            }
            Some(&"super") => {
                while parts.first() == Some(&"super") {
                    parts.remove(0);
                    base.pop();
                }
            }
            _ => continue,
        }
        base.extend(parts);
        let target = (1..=base.len()).rev().map(|n| base[..n].join("::")).find(|m| all.contains(m));
        if let Some(t) = target
            && t != module
            && !module.starts_with(&format!("{t}::"))
        {
            out.insert(t);
        }
    }
    out
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let files = modules();
    let all: BTreeSet<String> = files.keys().cloned().collect();
    files.iter().map(|(m, text)| (m.clone(), imports(m, text, &all))).collect()
}

#[test]
fn no_module_imports_a_floor_above_its_own() {
    let graph = graph();
    assert!(graph.len() > 100, "{} files read", graph.len());
    let mut up = vec![];
    for (m, targets) in &graph {
        for t in targets {
            if floor_of(t) > floor_of(m) {
                up.push(format!("{m} (floor {}) uses {t} (floor {})", floor_of(m), floor_of(t)));
            }
        }
    }
    assert!(up.is_empty(), "imports that point up a floor:\n{}", up.join("\n"));
}

#[test]
fn no_two_files_import_each_other_even_around_a_circle() {
    let graph = graph();
    // Tarjan's strongly connected components: any with two or more files is a circle.
    struct State<'a> {
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        circles: Vec<Vec<&'a str>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        for w in s.graph.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let lw = s.low[w];
                s.low.entry(v).and_modify(|l| *l = (*l).min(lw));
            } else if s.stack.contains(&w) {
                let iw = s.index[w];
                s.low.entry(v).and_modify(|l| *l = (*l).min(iw));
            }
        }
        if s.low[v] == s.index[v] {
            let at = s.stack.iter().rposition(|x| *x == v).unwrap();
            let circle: Vec<&str> = s.stack.split_off(at);
            if circle.len() > 1 {
                s.circles.push(circle);
            }
        }
    }
    let mut s = State { graph: &graph, index: BTreeMap::new(), low: BTreeMap::new(), stack: vec![], circles: vec![] };
    for m in graph.keys() {
        if !s.index.contains_key(m.as_str()) {
            visit(&mut s, m);
        }
    }
    let circles: Vec<String> = s.circles.iter().map(|c| c.join(" ↔ ")).collect();
    assert!(circles.is_empty(), "files that import each other:\n{}", circles.join("\n"));
}

#[test]
fn the_floors_see_a_path_that_points_up() {
    // The checker itself: a made-up file on the math floor naming the app.
    let all: BTreeSet<String> = ["math::x", "app"].map(String::from).into();
    let found = imports("math::x", "use crate::app::App; // crate::cli in a comment\n", &all);
    assert_eq!(found, ["app".to_string()].into());
    assert!(floor_of("app") > floor_of("math::x"));
}
