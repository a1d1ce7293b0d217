//! Sentences that must be true as written: the practice conv2d statement's
//! "equivalently" recipe, followed literally, gives the right dx (also when
//! the stride leaves a remainder); the generated σ̂ question joins rounded
//! terms to their sum with ≈ where they do not add up; the notation and
//! the Korean terms are one each.

use deepstep::lessons::linreg::lab::Line;
use deepstep::lessons::quiz::bank;
use deepstep::math::practice::conv2d_backward_plain;
use deepstep::math::rng::Rng;
use deepstep::practice::exercise::Exercise;
use deepstep::text::{EN, KO};
use ndarray::Array2;

/// dx as the conv2d task's "Equivalently" sentence says: stride − 1 zeros
/// between dy's entries and r = (H + 2·padding − KH) % stride zero rows
/// (and columns) at its end, fully correlated with w rotated by 180°, the
/// padding cropped off.
fn dx_as_the_task_says(h: usize, w_: usize, w: &Array2<f64>, dy: &Array2<f64>, s: usize, p: usize) -> Array2<f64> {
    let (kh, kw) = w.dim();
    let (oh, ow) = dy.dim();
    let (rh, rw) = ((h + 2 * p - kh) % s, (w_ + 2 * p - kw) % s);
    let mut spread = Array2::zeros(((oh - 1) * s + 1 + rh, (ow - 1) * s + 1 + rw));
    for ((i, j), v) in dy.indexed_iter() {
        spread[[i * s, j * s]] = *v;
    }
    // Full correlation: pad by K − 1 on every side, slide the rotated kernel.
    let (sh, sw) = spread.dim();
    let mut full = Array2::zeros((sh + kh - 1, sw + kw - 1));
    for a in 0..full.nrows() {
        for b in 0..full.ncols() {
            let mut acc = 0.0;
            for u in 0..kh {
                for v in 0..kw {
                    let (i, j) = ((a + u) as isize - (kh as isize - 1), (b + v) as isize - (kw as isize - 1));
                    if i >= 0 && j >= 0 && (i as usize) < sh && (j as usize) < sw {
                        acc += spread[[i as usize, j as usize]] * w[[kh - 1 - u, kw - 1 - v]];
                    }
                }
            }
            full[[a, b]] = acc;
        }
    }
    full.slice(ndarray::s![p..p + h, p..p + w_]).to_owned()
}

#[test]
fn the_conv2d_tasks_equivalent_recipe_gives_dx() {
    for t in [&EN, &KO] {
        let task = (t.practice.task)(Exercise::Conv2d);
        assert!(task.contains("% stride"), "the remainder is in the recipe: {task}");
    }
    let mut rng = Rng::new(11);
    // Shapes with and without a remainder, with and without padding.
    for (h, w_, k, s, p) in [(6, 6, 3, 2, 0), (5, 5, 3, 2, 0), (7, 6, 2, 3, 1), (6, 7, 3, 2, 1), (4, 4, 1, 2, 0)] {
        let x = Array2::from_shape_fn((h, w_), |_| rng.normal());
        let w = Array2::from_shape_fn((k, k), |_| rng.normal());
        let (oh, ow) = ((h + 2 * p - k) / s + 1, (w_ + 2 * p - k) / s + 1);
        let dy = Array2::from_shape_fn((oh, ow), |_| rng.normal());
        let (dx, _) = conv2d_backward_plain(x.view(), w.view(), dy.view(), s, p).unwrap();
        let said = dx_as_the_task_says(h, w_, &w, &dy, s, p);
        assert_eq!(said.dim(), dx.dim(), "{h}×{w_} K {k} S {s} P {p}");
        assert!(said.iter().zip(dx.iter()).all(|(a, b)| (a - b).abs() < 1e-12), "{h}×{w_} K {k} S {s} P {p}");
    }
}

/// The rounded squared deviations shown add up (to the digits shown) to the
/// sum they are joined to with "=", and are joined with "≈" otherwise.
#[test]
fn the_sigma_questions_terms_add_up_where_they_say_so() {
    use deepstep::lessons::quiz::generate_sample::{SampleAsk, generate};
    let (mut approx, mut exact) = (0, 0);
    for seed in 0..300u64 {
        let Some((s, _)) = generate(SampleAsk::Sigma, seed) else { continue };
        let line = s.solution(&EN).into_iter().find(|l| l.starts_with("Σ (x_i − x̄)²")).unwrap();
        let rest = line.strip_prefix("Σ (x_i − x̄)² = ").unwrap();
        let (joined, sep) = if rest.contains(" ≈ ") { ("≈", " ≈ ") } else { ("=", " = ") };
        let (terms, after) = rest.split_once(sep).unwrap();
        let terms: f64 = terms.split(" + ").map(|t| t.parse::<f64>().unwrap()).sum();
        let shown: f64 = after.split(';').next().unwrap().parse().unwrap();
        let adds_up = deepstep::math::format::num(terms) == deepstep::math::format::num(shown);
        assert_eq!(joined == "=", adds_up, "seed {seed}: {line}");
        if adds_up { exact += 1 } else { approx += 1 }
    }
    assert!(approx > 0 && exact > 0, "{approx} ≈, {exact} =");
}

/// Small sentences with a condition or a count in them.
#[test]
fn small_sentences_say_what_is_true() {
    assert!((EN.lr_diverged)(1).contains("after 1 update,") && (EN.lr_diverged)(2).contains("after 2 updates,"));
    assert!((EN.gd_diverged)(1).contains("after 1 update,"));
    // The chain rule's variable-length case names its condition.
    let chain = bank::SHIPPED.iter().find(|(name, _)| name.contains("chain")).unwrap().1;
    assert!(chain.contains("ends every sequence with probability 1"));
    // dX with dilation: the flipped kernel keeps it.
    assert!(EN.conv.mode_explain_grad_x.contains("still D apart"));
    let conv = bank::SHIPPED.iter().find(|(name, _)| name.contains("conv")).unwrap().1;
    assert!(conv.contains("it keeps its dilation"));
    // np.std(x, ddof=1) is a standard deviation, and not unbiased for σ.
    let (what, _) = (EN.practice.mistake)(deepstep::practice::exercise::Mistake::Mle(
        deepstep::math::practice::MleMistake::NMinusOne,
    ));
    assert!(what.contains("square root") && !what.contains("that is the unbiased sample variance"), "{what}");
    // One notation: S_{k−1} with a minus sign, W_rec for the LSTM's recurrent weights too.
    assert!(EN.count.title.contains("S_{k−1}") && KO.count.title.contains("S_{k−1}"));
    assert!(deepstep::text::LSTM_BACKWARD_FORMULA.contains("W_recᵀ"));
    // The running gradient norms beside clipping say they are the unclipped ones.
    let s = deepstep::lessons::rnn::settings::RnnSettings { clip: Some(0.5), len: 10, ..Default::default() };
    let mut lab = deepstep::lessons::rnn::lab::RnnLab::new(s).unwrap();
    lab.update(deepstep::lessons::rnn::lab::Action::Last);
    for t in [&EN, &KO] {
        let note = deepstep::lessons::rnn::note::note(&lab, t);
        let all: String = note.sections.iter().flat_map(|s| s.lines.clone()).collect::<Vec<_>>().join("\n");
        assert!(
            all.contains(if t.lang == deepstep::text::Lang::En { "(before clipping)" } else { "(클리핑 전)" }),
            "{all}"
        );
    }
    // The linear-regression title is the line used (see also linreg_words).
    let line = Line { slope: -3.0, intercept: 1.0, noise: 0.5, ..Default::default() };
    assert!(deepstep::lessons::linreg::view::title(&line, 1, &EN).contains("y = -3x + 1 + 0.5·noise"));
}

/// One Korean term for each thing: the forms the shipped text used to mix
/// in are gone from the Korean tables and banks.
#[test]
fn korean_terms_are_one_each() {
    let mut ko = String::new();
    for src in [
        include_str!("../../src/text/ko.rs"),
        include_str!("../../src/text/ko_quiz.rs"),
        include_str!("../../src/text/ko_help.rs"),
        include_str!("../../src/text/ko_practice.rs"),
        include_str!("../../src/text/ko_mle.rs"),
    ] {
        ko.push_str(src);
    }
    for (_, bank) in bank::SHIPPED {
        ko.extend(bank.lines().filter(|l| l.contains(".ko")).map(|l| format!("{l}\n")));
    }
    for old in [
        "시퀀스을",
        "상호상관(상호상관",
        "전체 상호상관",
        "스펙트럼 반지름",
        "손잡이",
        "수업 열기",
        "실습실",
        "1 세기",
        "시간에 대한 역전파",
        "불편 표본분산",
        "마크다운",
        "조건부확률 뒤바꿈",
        "비정규화 수",
        "모든 스텝에 대해",
    ] {
        assert!(!ko.contains(old), "{old} is still in the Korean text");
    }
}

/// One notation: the printed size formula is the screen's, and the tanh
/// cell answers to the name the lessons give it as well as to `rnn`.
#[test]
fn printed_notation_is_the_screens() {
    let bin = env!("CARGO_BIN_EXE_deepstep");
    let out = std::process::Command::new(bin)
        .args(["conv", "--print", "--input", "1,2,3;4,5,6", "--kernel", "1,1"])
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.starts_with("OH = ⌊(2 + 2·0 − 1·(1−1) − 1)/1⌋ + 1 = 2\nOW = ⌊(3 + 2·0 − 1·(2−1) − 1)/1⌋ + 1 = 2\n"),
        "{s}"
    );
    let run = |cell: &str| {
        std::process::Command::new(bin).args(["rnn", "--print", "--len", "4", "--cell", cell]).output().unwrap().stdout
    };
    assert_eq!(run("tanh"), run("rnn"));
}
