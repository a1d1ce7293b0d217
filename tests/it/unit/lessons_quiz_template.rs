//! Tests of `deepstep::lessons::quiz::template` (`src/lessons/quiz/template.rs`).

use deepstep::lessons::quiz::template::*;
use std::collections::BTreeMap;

fn template(kind: Kind, ranges: &[(&str, i64, i64)]) -> Template {
    Template { kind, ranges: ranges.iter().map(|(k, lo, hi)| (k.to_string(), (*lo, *hi))).collect() }
}

fn at(t: &Template, p: &[(&str, i64)]) -> Drawn {
    t.compute(&p.iter().map(|(k, v)| (k.to_string(), *v)).collect()).unwrap()
}

#[test]
fn the_bank_questions_numbers_come_out_of_the_math() {
    let conv = template(Kind::ConvOutput, &[]);
    let d = at(&conv, &[("H", 32), ("K", 3), ("P", 1), ("S", 2), ("D", 1)]);
    assert_eq!((d.answer, d.values["NUM"], d.values["FLOOR"]), (16.0, 31.0, 15.0));
    let d = at(&conv, &[("H", 10), ("K", 3), ("P", 0), ("S", 1), ("D", 2)]);
    assert_eq!((d.answer, d.values["SPAN"]), (6.0, 5.0));
    let same = template(Kind::ConvSamePadding, &[]);
    assert_eq!(at(&same, &[("H", 20), ("K", 5), ("D", 1)]).answer, 2.0);
    assert!(same.compute(&[("H", 20), ("K", 4), ("D", 1)].map(|(k, v)| (k.to_string(), v)).into()).is_none());
    let bias = at(&template(Kind::ConvBiasGrad, &[]), &[("Y11", 1), ("Y12", 2), ("Y21", 3), ("Y22", 4)]);
    assert_eq!(bias.answer, 10.0);
    let params = template(Kind::ConvParams, &[]);
    let d = at(&params, &[("CIN", 3), ("COUT", 8), ("K", 3)]);
    assert_eq!((d.answer, d.values["WEIGHTS"]), (224.0, 216.0));
    let power = template(Kind::RnnPower, &[]);
    let d = at(&power, &[("W10", 15), ("N", 20)]);
    assert!((d.answer - 1.5f64.powi(20)).abs() < 1e-9 * d.answer, "{}", d.answer);
    assert_eq!(at(&template(Kind::CountDs, &[]), &[("T", 3), ("W", 2), ("K", 1)]).answer, 4.0);
    let d = at(&template(Kind::CountDwx, &[]), &[("X1", 1), ("X2", 0), ("X3", 1), ("W", 2)]);
    assert_eq!((d.answer, d.values["DS1"], d.values["DS2"], d.values["DS3"]), (5.0, 4.0, 2.0, 1.0));
}

#[test]
fn draws_stay_in_range_and_change_with_the_seed() {
    let t = template(Kind::ConvOutput, &[("H", 8, 40), ("K", 1, 5), ("P", 0, 2), ("S", 1, 3), ("D", 1, 2)]);
    let mut answers = std::collections::BTreeSet::new();
    for seed in 0..40 {
        let d = t.draw(seed).unwrap();
        for (k, (lo, hi)) in &t.ranges {
            assert!((*lo as f64..=*hi as f64).contains(&d.values[k]), "{k}");
        }
        assert!(d.answer >= 1.0);
        answers.insert(d.answer as i64);
    }
    assert!(answers.len() > 5, "{answers:?}");
}

#[test]
fn fill_replaces_names_and_names_the_unknown_one() {
    let v: BTreeMap<String, f64> = [("H".to_string(), 28.0), ("W".to_string(), 1.5)].into();
    assert_eq!(fill("H = {{H}}, h_{t−1}, w = {{W}}", &v).unwrap(), "H = 28, h_{t−1}, w = 1.5");
    assert_eq!(fill("{{Q}}", &v).unwrap_err(), "Q");
    assert!(fill("{{H", &v).is_err());
}
