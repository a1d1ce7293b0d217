//! Tests of `deepstep::lessons::quiz::generate_sample` (`src/lessons/quiz/generate_sample.rs`).

use deepstep::lessons::quiz::bank::Answer;
use deepstep::lessons::quiz::generate_sample::*;
use deepstep::math::format::num;
use deepstep::math::mle::{self};

#[test]
fn answers_are_the_fit_and_the_sample_has_spread() {
    for seed in 0..200 {
        for ask in [SampleAsk::Mean, SampleAsk::Sigma] {
            let (s, answer) = generate(ask, seed).unwrap();
            let Answer::Numeric { value, .. } = answer else { panic!() };
            assert!((3..=6).contains(&s.x.len()) && s.fit.sigma > 0.0, "seed {seed}");
            let f = mle::fit_normal(&s.x).unwrap();
            assert_eq!(value, if ask == SampleAsk::Mean { f.mu } else { f.sigma });
            let why = s.solution(&deepstep::text::EN).join("\n");
            assert!(why.contains(&num(f.mu)), "{why}");
            if ask == SampleAsk::Sigma {
                assert!(why.contains(&num(f.sigma)) && why.contains(&num(f.var_unbiased.unwrap())), "{why}");
            }
        }
    }
}
