//! The quiz's words in Korean (split from `ko.rs` to keep files small).

use crate::text::*;

pub const KO_QUIZ: QuizText = QuizText {
    title: "퀴즈",
    title_review: "복습",
    question_of: |n, total| format!("문제 {n} / {total}"),
    topic_names: ["연쇄 법칙", "베이즈 정리", "합성곱", "RNN과 BPTT", "최대우도 추정", "경사 하강법"],
    how_choice: "1-4 또는 a-d로 고르고 Enter.",
    how_numeric: |tol| format!("숫자를 입력하고 Enter(0.25, .25, 1/4, 25% 모두 가능; ±{tol} 이내면 정답)."),
    how_numeric_exact: "정확한 수를 입력하고 Enter.",
    how_truefalse: "1 또는 t: 참, 2 또는 f: 거짓. 그다음 Enter.",
    how_order: "항을 순서대로 번호로 고르고(Backspace는 하나 되돌리기) Enter.",
    true_label: "참",
    false_label: "거짓",
    your_answer: "내 답",
    picked: "지금까지 고른 항",
    right_mark: "   <- 정답",
    right: "맞았습니다!",
    wrong: "아쉽네요.",
    skipped: "건너뜀.",
    the_answer: |a| format!("정답: {a}"),
    you_gave: |a| format!("내 답: {a}"),
    why_not: "그 답이 그럴듯해 보이지만 틀린 이유:",
    slip: |g, m| {
        use crate::math::slip::Mistake as M;
        match m {
            M::ConvSize(c) => {
                format!("{g}은(는) 공식을 이렇게 틀리면 나오는 값입니다: {}", super::ko_diagnose::conv_size(c).0)
            }
            M::BiasLeftOut => format!("{g}은(는) 가중치만 센 값입니다. 출력 채널마다 편향이 하나씩 더 있습니다."),
            M::BothSidesPadding => format!("{g}은(는) 양쪽 패딩을 합친 D(K − 1)입니다. 한쪽에는 그 절반이 들어갑니다."),
            M::PowerOffByOne => format!(
                "{g}은(는) w를 한 번 더 또는 덜 곱한 값입니다. 한 단계 거슬러 갈 때마다 w를 한 번 곱하니 단계 수를 세어 보세요."
            ),
            M::JointForConditional => {
                format!("{g}은(는) 두 사건의 결합확률입니다. 조건부확률은 이것을 조건 쪽 사건의 확률로 나눈 값입니다.")
            }
            M::Inverted => {
                format!("{g}은(는) 가능도 P(E | H)입니다. 묻는 것은 베이즈 정리로 이것을 뒤집은 P(H | E)입니다.")
            }
            M::NotNormalised => format!("{g}은(는) 분자 P(E | H) P(H)입니다. 증거 P(E)로 나누어야 사후확률이 됩니다."),
            M::VarianceForSigma => format!("{g}은(는) 분산 σ̂²입니다. σ̂는 그 제곱근입니다."),
            M::NMinusOne => format!("{g}은(는) n − 1로 나눈 값(표본표준편차)입니다. 최대가능도 σ̂는 n으로 나눕니다."),
        }
    },
    explanation: "설명",
    factors: "인수로 풀어 쓰기",
    hint: "힌트",
    no_hint: "이 문제에는 힌트가 없습니다. 문제를 항 하나씩 다시 읽어 보세요.",
    not_a_number: "0.25, .25, 1/4, 25% 같은 숫자를 입력하세요.",
    pick_every_term: "Enter 전에 모든 항을 고르세요.",
    choose_first: "먼저 답을 고르세요.",
    summary: "라운드 요약",
    summary_row: |topic, right, answered, skipped| {
        if skipped == 0 {
            format!("{topic}: {answered}문제 중 {right}개 정답")
        } else {
            format!("{topic}: {answered}문제 중 {right}개 정답, {skipped}개 건너뜀")
        }
    },
    summary_total: |right, answered| format!("전체: {answered}문제 중 {right}개 정답."),
    review_topics: |topics| format!("복습할 주제: {topics}."),
    review_questions: |due_in| match due_in {
        Some(w) => format!("다시 볼 문제(틀렸으므로 {} 복습할 차례가 됩니다. 그때부터 복습에서 나옵니다):", when(w)),
        None => "다시 볼 문제(이번 실행은 진도를 저장하지 않아 복습이 잡히지 않습니다):".to_string(),
    },
    stats_practice: "실습(`deepstep practice`): 통과 여부, 쓴 시간, 본 힌트:",
    stats_practice_row: |e, passed, minutes, hints| {
        let state = if passed { "통과" } else { "아직 통과 못 함" };
        format!("  {e}: {state}, {minutes}분, 힌트 {hints}개")
    },
    stats_due_now: |now, later| {
        format!("지금 복습할 문제: {now}개(복습이 지금 묻는 문제, 홈 화면의 개수). 오늘 이따가: {later}개")
    },
    all_right: "모두 맞았습니다. 잘 기억하는지 며칠 뒤에 다시 나옵니다.",
    due_now: |n| format!("지금 복습할 문제가 {n}개 있습니다: `deepstep quiz --review`."),
    nothing_due: "지금 복습할 문제가 없습니다.",
    next_due_in: |wait| match wait {
        Wait::UnderAMinute => "다음 문제는 1분 안에 나옵니다.".to_string(),
        w => format!("다음 문제는 {} 나옵니다.", when(w)),
    },
    never_answered: "아직 푼 문제가 없습니다. `deepstep quiz`로 시작하세요.",
    progress_at: |p| format!("진도 저장 위치: {p}"),
    not_saved: "이번 실행에서는 진도를 저장하지 않습니다",
    moved_aside: |p, b| format!("{p}이(가) 손상되어 {b} 이름으로 보관했고, 새 진도 파일을 시작합니다."),
    not_saving: |why| format!("이번 실행에서는 진도를 저장하지 않습니다. {why}"),
    save_failed: |why| format!("이 답은 저장하지 못했습니다. {why}"),
    stats_title: "통계",
    stats_empty: "아직 답이 없습니다. `deepstep quiz`로 시작하세요.",
    stats_topic: |t, r, a, p| format!("{t}: {a}문제 중 {r}문제 정답 ({p})"),
    stats_retention: |r, n, p| {
        format!("기억 유지율: 복습 {n}번 중 {r}번 정답 ({p}). 복습은 전에 답한 문제에 다시 답한 것입니다")
    },
    stats_per_day: |m| {
        if m > 0 {
            format!("최근 30일 하루 답 수 (UTC 기준 날짜, 오늘이 마지막, _ = 0, @ = {m}):")
        } else {
            "최근 30일 하루 답 수 (UTC 기준 날짜, 오늘이 마지막, _ = 0):".to_string()
        }
    },
    stats_total: |n| format!("모두 {n}개"),
    stats_forecast: |m| {
        if m > 0 {
            format!("앞으로 14일 동안 날마다 복습할 문제 (+0은 오늘, 밀린 것 포함, _ = 0, @ = {m}):")
        } else {
            "앞으로 14일 동안 날마다 복습할 문제 (+0은 오늘, 밀린 것 포함, _ = 0):".to_string()
        }
    },
    stats_streak: |d| format!("연속: 답한 날이 {d}일 이어짐"),
    exported: |n, p| format!("문제 {n}개를 {p}에 썼습니다(Anki: 파일 > 가져오기, 탭으로 구분)"),
    imported: |f, n| format!("{f}에서 문제 {n}개의 진도를 가져왔습니다(progress.json.imported로 이름을 바꿈)."),
    refused_not_regular: |p, k| {
        format!("{p}은(는) 진도 파일이 아니라 {k}이므로 그대로 두었습니다. `--progress`에 파일 경로를 주세요.")
    },
    file_kind: |k| match k {
        "directory" => "디렉터리",
        "pipe" => "파이프",
        "device" => "장치",
        _ => "특수 파일",
    },
    refused_not_ours: |p| {
        format!(
            "{p}은(는) deepstep 진도 파일이 아니므로 그대로 두었습니다. `--progress`로 다른 경로를 주세요(그 경로에 새 파일을 만듭니다)."
        )
    },
    refused_foreign_wal: |p| {
        format!(
            "{p} 옆의 {p}-wal 파일은 다른 데이터베이스의 것이므로 두 파일 모두 그대로 두었습니다. 필요 없는 파일이면 {p}-wal을(를) 다른 곳으로 옮기거나, `--progress`로 다른 경로를 주세요."
        )
    },
    refused_newer: |p| {
        format!(
            "{p}은(는) 더 새로운 버전의 deepstep이 저장한 파일이므로 그대로 두었습니다. deepstep을 업데이트하거나 `--progress`로 다른 경로를 주세요."
        )
    },
    trouble_read_only: |p| {
        format!(
            "{p}에 쓸 수 없습니다. 파일이나 폴더가 읽기 전용입니다. 쓰기 권한을 주거나(chmod u+w) `--progress`로 다른 경로를 주세요."
        )
    },
    trouble_full: |p| format!("{p}에 쓸 수 없습니다. 디스크가 가득 찼습니다. 공간을 비운 뒤 다시 해 보세요."),
    trouble_permission: |p| {
        format!(
            "{p}을(를) 열 수 없습니다. 권한이 없습니다. 본인 소유의 파일을 쓰거나 `--progress`로 다른 경로를 주세요."
        )
    },
    trouble_not_a_directory: |p| {
        format!(
            "{p}을(를) 쓸 수 없습니다. 폴더 경로 중간에 폴더가 아닌 파일이 있습니다. `--progress`로 다른 경로를 주세요."
        )
    },
    trouble_cannot_open: |p| {
        format!(
            "{p}을(를) 열거나 만들 수 없습니다. 폴더가 있고 쓸 수 있는지 확인하거나 `--progress`로 다른 경로를 주세요."
        )
    },
    trouble_busy: |p| {
        format!("다른 deepstep이 {p}을(를) 너무 오래 쓰고 있습니다. 끝날 때까지 기다린 뒤 다시 해 보세요.")
    },
    trouble_damaged: |p| {
        format!(
            "{p}이(가) 손상되어 읽을 수 없으므로 그대로 두었습니다. 터미널에서 `deepstep quiz`를 열면 새 이름으로 따로 보관하고 새 파일을 시작합니다."
        )
    },
    trouble_io: |p| format!("{p}을(를) 읽거나 쓰지 못했습니다(디스크 오류). 디스크를 확인한 뒤 다시 해 보세요."),
    trouble_other: |p, r| format!("{p}을(를) 쓸 수 없습니다({r}). `--progress`로 다른 경로를 주세요."),
    gen_table: |names| format!("결합확률표 P({names}). 각 항목은 상태, 그다음 확률입니다:"),
    gen_what_is: |e| format!("{e}의 값은?"),
    gen_posterior: |e| format!("A를 가설로 두고 베이즈 정리로 구하세요: {e}의 값은?"),
    gen_product: |names, prod| format!("참 또는 거짓: 이 표에서 P({names}) = {prod}인가?"),
    gen_hint_conditional: "사건과 조건을 모두 만족하는 항목을 더하고, 조건을 만족하는 항목의 합으로 나누세요.",
    gen_hint_marginal: "그 변수가 그 값인 항목을 모두 더하세요.",
    gen_hint_posterior: "사후확률 = 우도 × 사전확률 / 증거. 증거는 A의 모든 값에 대해 우도 × 사전확률을 더한 것입니다.",
    gen_hint_product: "한 항목에서 인수들의 값을 곱해 표와 비교해 보세요. 한 항목이라도 다르면 거짓이지만, 참이려면 모든 항목이 일치해야 합니다.",
    gen_why_conditional: "조건부확률의 정의 P(X | Y) = P(X, Y) / P(Y)에 따라:",
    gen_why_marginal: |e| format!("{e}인 모든 항목에 대해 결합확률을 더합니다(나머지 변수는 주변화):"),
    gen_why_posterior: "베이즈 정리는 조건을 뒤집으므로 증거로 나누어야 합니다:",
    prior: "사전확률",
    likelihood: "우도",
    evidence: "증거",
    posterior: "사후확률",
    gen_why_product: |holds| {
        if holds {
            "같습니다: 각 인수가 앞의 모든 변수를 조건으로 가지므로(연쇄 법칙) 모든 항목이 일치합니다.".to_string()
        } else {
            "다릅니다: 어떤 인수가 의존하는 변수를 빠뜨려서, 이 표에는 없는 독립을 가정합니다.".to_string()
        }
    },
    gen_dropped: |factor, left, var, given| {
        let known = if given.is_empty() { String::new() } else { format!("{given}를 알아도 ") };
        format!(
            "{factor}에는 연쇄 법칙이 여기서 조건으로 두는 {left}가 빠져 있습니다. 이 표에서는 {known}{var}가 {left}에 따라 달라집니다."
        )
    },
    gen_sample: |xs| format!("정규분포에서 나온 표본: {xs}."),
    gen_ask_mean: "최대우도 추정값 μ̂는?",
    gen_ask_sigma: "최대우도 추정값 σ̂(표준편차)는?",
    gen_hint_mean: "∂ℓ/∂μ = Σ (x_i − μ)/σ²를 0으로 두세요.",
    gen_hint_sigma: "먼저 x̄, 다음에 x̄에서의 편차 제곱의 합을 구하고 ∂ℓ/∂σ = −n/σ + Σ (x_i − x̄)²/σ³를 0으로 두세요.",
    gen_why_mean: |sum, n, mean| format!("표본평균 μ̂ = x̄ = {sum}/{n} = {mean}"),
    gen_why_sigma: |sq, eq, ss, n, var, sigma| {
        format!("편차 제곱의 합 Σ (x_i − x̄)² = {sq} {eq} {ss};  σ̂² = {ss}/{n} = {var};  σ̂ = √σ̂² = {sigma}")
    },
    gen_why_unbiased: |ss, n1, s2, s| {
        format!("(n − 1로 나누면 s² = {ss}/{n1} = {s2}, s = {s}: 비편향 분산이며 최대우도 추정값은 아닙니다.)")
    },
    gen_largest_gap: |g| format!("모든 항목에서 |곱 − 결합확률|의 최댓값: {g}"),
    bank_invalid: |n| format!("오류 {n}개를 찾았습니다. 문제은행을 불러오지 않았습니다."),
    bank_valid: |f, n| format!("{f}: 문제 {n}개, 오류 없음."),
    bank_longest_keyed: |f, lang, k, n, ids| {
        let lang = if lang == "ko" { "한국어" } else { "영어" };
        format!(
            "{f}: {lang} 보기에서 선택형 문제 {n}개 중 {k}개({ids})는 정답 보기가 가장 깁니다. \
             길이만 보고 정답을 고를 수 있으니 세 문제에 하나까지만 허용됩니다. \
             정답 보기를 줄이거나 오답 보기도 같은 정성으로 써 주세요."
        )
    },
};

/// A wait as "1분 안에", "3분 뒤에", "2일 1시간 뒤에".
fn when(wait: Wait) -> String {
    match wait {
        Wait::UnderAMinute => "1분 안에".to_string(),
        Wait::Minutes(m) => format!("{m}분 뒤에"),
        Wait::Hours(h) => format!("{h}시간 뒤에"),
        Wait::DaysHours(d, 0) => format!("{d}일 뒤에"),
        Wait::DaysHours(d, h) => format!("{d}일 {h}시간 뒤에"),
    }
}
