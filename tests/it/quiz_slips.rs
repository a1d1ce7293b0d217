//! A wrong number a known mistake gives is named: the quiz's templated and
//! generated numeric questions carry the values their classic mistakes give
//! on the numbers drawn (`math::slip`), and the feedback says which it was.

use crate::common::draw;
use deepstep::app::App;
use deepstep::lessons::lesson::mount;
use deepstep::lessons::quiz::bank::{self, Answer, Question, generated};
use deepstep::lessons::quiz::generate::GenKind;
use deepstep::lessons::quiz::lab::{Action, QuizLab};
use deepstep::lessons::quiz::round::RoundOptions;
use deepstep::math::format::num;
use deepstep::math::practice_conv_size::{ConvSizeMistake, conv_size};
use deepstep::math::slip::{Mistake, Slip, unambiguous};
use deepstep::text::{EN, KO, Text};
use deepstep::ui::theme::Theme;

const NOW: u64 = 1_800_000_000;

fn value(q: &Question) -> f64 {
    match q.answer {
        Answer::Numeric { value, .. } => value,
        _ => panic!("{} is not numeric", q.id),
    }
}

/// `q` answered with what `typed` makes of the question as the round asks
/// it (a templated question is drawn anew), as the feedback screen shows
/// it at 120×40; and what was typed.
fn feedback(q: Question, typed: impl Fn(&Question) -> String, text: &'static Text) -> (String, String) {
    let options = RoundOptions { count: 1, seed: 1, generated: 0, ..Default::default() };
    let mut app = App::new(mount(QuizLab::new(vec![q], options, None, NOW)), text, Theme::MONO);
    let typed = typed(app.front_lesson::<QuizLab>().and_then(|l| l.current()).unwrap());
    for c in typed.chars() {
        app.act::<QuizLab>(Action::Prompt(deepstep::lessons::input::Edit::Type(c)));
    }
    app.act::<QuizLab>(Action::Submit);
    (draw(&mut app, 120, 40).0, typed)
}

fn shipped(id: &str) -> Question {
    bank::shipped().unwrap().into_iter().find(|q| q.id == id).unwrap_or_else(|| panic!("no {id}"))
}

#[test]
fn the_size_questions_know_what_each_wrong_formula_gives() {
    let mut named = std::collections::BTreeSet::new();
    for id in ["conv-size-basic", "conv-size-stride", "conv-size-dilation"] {
        for seed in 0..200 {
            let q = shipped(id).redrawn(seed).unwrap();
            for s in &q.slips {
                let Mistake::ConvSize(m) = s.mistake else { panic!("{s:?}") };
                assert_ne!(s.value, value(&q), "{id}: a slip is never the answer");
                // The same value the practice checker's formula gives, and
                // no other mistake gives it on these numbers.
                assert_eq!(q.slip_for(s.value), Some(*s));
                named.insert(format!("{m:?}"));
            }
            // Forgetting the + 1 is one less, unless another slip gives it too.
            if let Some(s) = q.slip_for(value(&q) - 1.0) {
                assert_eq!(s.mistake, Mistake::ConvSize(ConvSizeMistake::NoPlusOne), "{id}");
            }
        }
    }
    // Padding counted once is never told apart on these ranges (with a
    // stride of 2 or 3 it gives the answer or another slip's number).
    for m in ["NoPlusOne", "NoMinusOne", "DilationIgnored", "Ceil"] {
        assert!(named.contains(m), "{m} never named: {named:?}");
    }
    // The formula the slips come from, on one setting by hand:
    // H = 7, K = 3, S = 1, P = 1, D = 2: ⌊(7 + 2 − 4 − 1)/1⌋ + 1 = 5.
    assert_eq!(conv_size([7, 7, 3, 3, 1, 1, 2], None), Some([5.0, 5.0]));
    assert_eq!(conv_size([7, 7, 3, 3, 1, 1, 2], Some(ConvSizeMistake::PaddingOnce)), Some([4.0, 4.0]));
}

#[test]
fn a_value_two_mistakes_give_names_neither() {
    let a = Slip { value: 3.0, mistake: Mistake::BiasLeftOut };
    let b = Slip { value: 3.0, mistake: Mistake::PowerOffByOne };
    let c = Slip { value: 4.0, mistake: Mistake::NMinusOne };
    let right = Slip { value: 5.0, mistake: Mistake::Inverted };
    assert_eq!(unambiguous(5.0, vec![a, b, c, right]), vec![c]);
}

#[test]
fn the_feedback_names_the_mistake_with_its_number_in_both_languages() {
    let q = shipped("conv-size-basic");
    let one_less = |q: &Question| num(value(q) - 1.0);
    let (en, off) = feedback(q.clone(), one_less, &EN);
    assert!(en.contains(&format!("{off} is what this slip in the formula gives")), "{en}");
    assert!(en.contains("counts the steps the"), "{en}");
    let (ko, off) = feedback(q.clone(), one_less, &KO);
    assert!(ko.contains(&format!("{off}은(는) 공식을 이렇게 틀리면")), "{ko}");
    // A wrong number no known mistake gives gets no such line.
    let (far, _) = feedback(q, |q| num(value(q) + 100.0), &EN);
    assert!(far.contains("Not quite") && !far.contains("is what this slip"), "{far}");
}

#[test]
fn generated_questions_name_the_joint_the_likelihood_and_the_variance() {
    let find = |kind: GenKind, m: Mistake| {
        (0..200)
            .filter_map(|seed| generated(kind, seed))
            .find_map(|q| q.slips.iter().find(|s| s.mistake == m).map(|s| (q.clone(), s.value)))
            .unwrap_or_else(|| panic!("{kind:?} never offers {m:?}"))
    };
    for (kind, m, words) in [
        (GenKind::Conditional, Mistake::JointForConditional, "is the joint probability of both events"),
        (GenKind::Posterior, Mistake::Inverted, "is P(E | H), the likelihood"),
        (GenKind::Posterior, Mistake::NotNormalised, "is P(E | H) P(H), the numerator"),
        (GenKind::NormalSigma, Mistake::VarianceForSigma, "is σ̂², the variance"),
        (GenKind::NormalSigma, Mistake::NMinusOne, "divides by n − 1"),
    ] {
        let (q, wrong) = find(kind, m);
        let (screen, typed) = feedback(q.clone(), |_| format!("{wrong:.6}"), &EN);
        assert!(screen.contains(words), "{kind:?} {m:?} typed {typed}:\n{screen}");
        assert_ne!(q.slip_for(wrong), None);
        assert!((wrong - value(&q)).abs() > 1e-9);
    }
}

/// Review section 2, point 3: the worked solutions name what they use. A
/// conditional's two probabilities are written as the sums of the table
/// entries they take, each entry named; a false product names the factor
/// that leaves out a variable, and which.
#[test]
fn worked_solutions_name_the_entries_summed_and_the_variable_left_out() {
    use deepstep::lessons::quiz::bank::Body;
    use deepstep::lessons::quiz::generate::Ask;
    let (mut conditionals, mut false_products) = (0, 0);
    for seed in 0..60 {
        for kind in [GenKind::Conditional, GenKind::Product] {
            let Some(q) = generated(kind, seed) else { continue };
            let Body::Generated(g) = &q.body else { panic!("{kind:?} is a table question") };
            for text in [&EN, &KO] {
                let lines = g.solution(text);
                match &g.ask {
                    Ask::Conditional { event, given, both, p_given, .. } => {
                        let all: Vec<(usize, usize)> = std::iter::once(*event).chain(given.iter().cloned()).collect();
                        for (e, total) in [(all, *both), (given.clone(), *p_given)] {
                            let rows = g.joint.matching(&e).unwrap();
                            let sum: f64 = rows.iter().map(|(_, p)| p).sum();
                            assert!((sum - total).abs() < 1e-12);
                            let terms: Vec<String> = rows.iter().map(|(_, p)| num(*p)).collect();
                            let sum = format!("= {} = {}", terms.join(" + "), num(total));
                            assert!(lines.iter().any(|l| l.contains(&sum)), "{sum}\n{lines:#?}");
                        }
                        conditionals += 1;
                    }
                    Ask::Product { factorization, holds: false, .. } => {
                        let dropped = factorization.dropped();
                        let (k, left) =
                            dropped.iter().enumerate().find(|(_, d)| !d.is_empty()).expect("one factor drops");
                        let factor = &factorization.factors[k];
                        assert!(!factor.given.contains(&left[0]));
                        let name = &g.joint.vars[left[0]].name;
                        let said = (text.quiz.gen_dropped)(
                            &deepstep::lessons::quiz::generate::factor_name(&g.joint, factor),
                            name,
                            &g.joint.vars[factor.var].name,
                            &factor.given.iter().map(|v| g.joint.vars[*v].name.as_str()).collect::<Vec<_>>().join(", "),
                        );
                        assert!(lines.contains(&said), "{said}\n{lines:#?}");
                        false_products += 1;
                    }
                    Ask::Product { factorization, .. } => {
                        assert!(factorization.dropped().iter().all(Vec::is_empty), "a true product is the chain rule");
                    }
                    _ => {}
                }
            }
        }
    }
    assert!(conditionals > 10 && false_products > 10, "{conditionals} {false_products}");
}
