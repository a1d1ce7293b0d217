//! Korean particles after a value substituted into a sentence: 이/가 and
//! 은/는 depend on how the word before them ends when read aloud, and a
//! number is read in Sino-Korean (1.495 ends in 오, a vowel: "1.495가";
//! 0.677 ends in 칠: "0.677은").

/// Whether `word`, read aloud, ends in a consonant (받침). `None` when the
/// end cannot be told (a Latin letter or a symbol).
fn ending(word: &str) -> Option<bool> {
    let last = word.trim_end().chars().last()?;
    match last {
        // 영 일 이 삼 사 오 육 칠 팔 구; a whole number ending in 0 is read
        // 십, 백, 천 or 만, all ending in a consonant.
        '0' | '1' | '3' | '6' | '7' | '8' => Some(true),
        '2' | '4' | '5' | '9' => Some(false),
        '가'..='힣' => Some(!(last as u32 - '가' as u32).is_multiple_of(28)),
        _ => None,
    }
}

/// `word` and 이 or 가 after it (both, "이(가)", where its end cannot be told).
pub fn i_ga(word: &str) -> String {
    pick(word, "이", "가", "이(가)")
}

/// `word` and 은 or 는 after it.
pub fn eun_neun(word: &str) -> String {
    pick(word, "은", "는", "은(는)")
}

fn pick(word: &str, after_consonant: &str, after_vowel: &str, either: &str) -> String {
    match ending(word) {
        Some(true) => format!("{word}{after_consonant}"),
        Some(false) => format!("{word}{after_vowel}"),
        None => format!("{word}{either}"),
    }
}
