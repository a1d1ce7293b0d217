//! Tests of `deepstep::text::ko_particle` (`src/text/ko_particle.rs`).

use deepstep::text::ko_particle::{eun_neun, i_ga};

/// Numbers as read aloud: the last digit's Sino-Korean name (영 일 이 삼 사
/// 오 육 칠 팔 구), a whole ten, hundred or thousand (십 백 천); Hangul by its
/// final consonant; anything else both forms.
#[test]
fn the_particle_follows_how_the_value_is_read() {
    assert_eq!(i_ga("1.495"), "1.495가");
    assert_eq!(i_ga("2.234"), "2.234가");
    assert_eq!(i_ga("0.5"), "0.5가");
    assert_eq!(i_ga("3"), "3이");
    assert_eq!(i_ga("10"), "10이");
    assert_eq!(eun_neun("×0.677"), "×0.677은");
    assert_eq!(eun_neun("×0.4963"), "×0.4963은");
    assert_eq!(eun_neun("×0.49"), "×0.49는");
    assert_eq!(i_ga("게이트"), "게이트가");
    assert_eq!(i_ga("배율"), "배율이");
    assert_eq!(eun_neun("100"), "100은");
    assert_eq!(eun_neun("값"), "값은");
    assert_eq!(i_ga("W_rec"), "W_rec이(가)");
    assert_eq!(i_ga(""), "이(가)");
}

/// The sentences that put a number before a particle use it.
#[test]
fn sentences_with_a_number_before_a_particle_read_right() {
    let ko = &deepstep::text::KO;
    assert!((ko.rnn.slip_gate_only)("0.677", "0.733").starts_with("×0.677은 "));
    assert!((ko.rnn.slip_recurrent_only)("0.677", "0.735").starts_with("×0.735는 "));
    assert!((ko.mle.m_sigma)("1.495", "0.1").starts_with("σ = 1.495가 "));
    assert!((ko.mle.m_sigma)("2.3", "0.1").starts_with("σ = 2.3이 "));
}
