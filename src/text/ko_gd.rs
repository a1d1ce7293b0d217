//! The gradient-descent lab's words in Korean.

use super::GdText;
use crate::math::expr::{ExprErrorKind as K, FUNCTIONS};

fn expr_error(k: &K) -> String {
    match k {
        K::Empty => "함수가 비어 있습니다".into(),
        K::TooLong { max } => format!("함수가 {max}자보다 깁니다"),
        K::Character(c) => format!("'{c}' 문자는 함수에 쓸 수 없습니다"),
        K::UnknownName(n) => {
            format!("알 수 없는 이름 '{n}': x, y, pi, e와 {} 중에서 쓰세요", FUNCTIONS.join(" "))
        }
        K::NoDerivative(n) => format!("{n}()는 0에서 미분할 수 없어 경사 하강법에 쓸 수 없습니다"),
        K::Number(s) => format!("'{s}'는 수가 아닙니다"),
        K::ExpectedOperand => "여기에 수, x, y 또는 '('가 빠졌습니다".into(),
        K::ExpectedOperator => "여기에 연산자가 빠졌습니다(2x가 아니라 2*x로 쓰세요)".into(),
        K::Unclosed => "이 '('가 닫히지 않았습니다".into(),
        K::UnmatchedClose => "이 ')'에 맞는 '('가 없습니다".into(),
        K::Call(n) => format!("{n}의 인수는 괄호 안에 써야 합니다: {n}(x)"),
        K::NoX => "함수에 x가 있어야 합니다(변수가 둘이면 x와 y)".into(),
        K::Exmex(m) => format!("함수를 읽을 수 없습니다({m})"),
    }
}

fn rate(case: usize, lr: &str, r: &str, local: bool) -> String {
    let how = if local { "이 x 근처에서는 " } else { "" };
    match case {
        0 => format!(
            "학습률 lr = {lr}: {how}한 걸음마다 최솟값까지의 거리에 곱해지는 수는 r = {r}(0과 1 사이)입니다. x가 한쪽에서 다가갑니다."
        ),
        1 => format!("학습률 lr = {lr}: r = {r}: {how}한 걸음에 최솟값에 도착합니다."),
        2 => format!(
            "학습률 lr = {lr}: r = {r}(−1과 0 사이): {how}걸음마다 최솟값을 지나 반대쪽으로 넘어가지만 넘는 폭이 줄어듭니다. 진동하며 수렴합니다."
        ),
        3 => format!(
            "학습률 lr = {lr}: r = {r}: {how}걸음마다 대칭인 점으로 건너뜁니다. 두 점 사이를 오가며 수렴하지 않습니다."
        ),
        4 => format!(
            "학습률 lr = {lr}: r = {r} < −1: {how}걸음마다 지난번보다 더 멀리 넘어갑니다. 진동하며 발산합니다. lr을 한계보다 작게 하세요."
        ),
        _ => format!("학습률 lr = {lr}: 여기서는 곡률이 양수가 아니라 걸음이 최솟값 쪽으로 모이지 않습니다."),
    }
}

pub const KO_GD: GdText = GdText {
    title: "경사 하강법",
    typed: "직접 입력",
    step_of: |k, last| format!("전체 {last}걸음 중 {k}번째"),
    knob_names: ["함수 f", "시작 x₀", "시작 y₀", "학습률 lr", "허용 오차 eps", "최대 걸음 수", "실수"],
    slip_names: ["없음", "− 대신 +", "abs() 빠뜨림", "기울기를 한 번만 계산"],
    loop_title: "반복문을 한 번씩",
    picture_title: "f, 지나온 점과 x에서의 접선",
    contour_title: "f의 등고선과 경로",
    legend_curve: "f의 곡선",
    legend_iterates: "지나온 점 x₀, x₁, …",
    legend_tangent: "x에서의 접선",
    contour_legend: "0-9: 등고선 구간(0이 가장 낮음)   o 시작   * 경로   @ 현재",
    check_agrees: |s, d| format!("확인: 도함수 값 {s}, 중심 차분 값 {d}: 서로 일치합니다."),
    check_differs: |s, d| format!("확인: 도함수 값 {s}, 중심 차분 값 {d}: 여기서는 서로 다릅니다."),
    test_goes_on: "참이므로 반복을 계속합니다",
    test_stops: "거짓이므로 반복을 멈춥니다",
    test_bound: |max| format!("걸음 수가 최대 걸음 수 {max}에 닿아 상한이 반복을 멈춥니다"),
    stale_note: "(x₀에서 구한 기울기를 다시 계산하지 않음)",
    curvature_quadratic: |name, v, limit| {
        format!("{name} = {v}: 어디서나 같은 값이므로(f는 이차함수) 한계는 lr < 2/{name} = {limit}입니다.")
    },
    curvature_local: |name, v, limit| {
        format!("이 x에서 {name} = {v}: x에 따라 달라지는 값이므로 이 근처의 한계는 lr < 2/{name} = {limit}입니다.")
    },
    curvature_none: |name, v| format!("이 x에서 {name} = {v}: 곡률이 양수가 아니어서 여기에는 한계가 없습니다."),
    rate,
    overshot: "방금 걸음이 최솟값을 지나쳤습니다. 이제 기울기가 반대쪽을 가리킵니다.",
    converged: |steps| format!("수렴했습니다(걸음 수 {steps}). 멈춤 조건이 거짓입니다."),
    max_steps: |steps, test| {
        format!("수렴하지 않았습니다. 허용된 최대 {steps}걸음을 다 썼는데 조건 값이 아직 {test} > eps입니다.")
    },
    stalled: |at, step, spacing, test, eps| {
        format!(
            "끝나지 않습니다. 걸음 {at}부터는 lr × f′ = {step}: x 근처 f64 수 간격({spacing})의 절반 이하라서 x − lr × f′를 반올림하면 다시 x가 됩니다. 조건 값은 매번 {test} > eps = {eps}입니다. eps가 여기서 f64가 구별할 수 있는 크기보다 작아서 최대 걸음 수만이 반복을 끝냅니다."
        )
    },
    diverged: |at| {
        format!("발산했습니다. 걸음 {at} 다음 걸음에서 |x|가 1e100보다 커지므로, 수가 넘치기 전에 여기서 멈춥니다.")
    },
    left_domain: |at| format!("걸음 {at} 다음의 x가 f의 정의역 밖이라(f가 정의되지 않음) 여기서 멈춥니다."),
    plus_climbs: |f0, f| {
        format!("− 대신 +를 쓰면 걸음마다 오르막으로 갑니다(경사 상승법). f가 커졌습니다: {f0} → {f}.")
    },
    no_abs_at_once: |g, eps| {
        format!(
            "abs()가 없으면 조건은 f′(x₀) = {g} > eps = {eps}: 처음부터 거짓이라 |f′|가 eps보다 훨씬 큰데도 한 걸음도 가지 않습니다."
        )
    },
    no_abs_negative: |g| {
        format!(
            "abs()가 없어서 f′ = {g} < 0에서 반복이 멈췄습니다. 도함수가 음수가 되면 최솟값에서 먼 곳에서도 끝납니다."
        )
    },
    no_abs_not_yet: "abs()가 없지만 지금까지 f′가 양수여서 아직 차이가 드러나지 않았습니다.",
    stale: |g, step| {
        format!(
            "기울기를 x₀에서 한 번만 계산했습니다(g = {g}). 매번 x가 같은 거리 lr × g = {step}씩 움직이고 조건도 같은 g를 보므로 최대 걸음 수만이 반복을 끝냅니다."
        )
    },
    ask_next_x: "다음 x는 얼마일까요? (Enter로 답하기, Esc로 건너뛰기)",
    ask_next_xy: "다음 (x, y)는 얼마일까요? x, y로 입력하세요 (Enter로 답하기, Esc로 건너뛰기)",
    ask_overshoot: "다음 걸음이 최솟값을 지나칠까요? y 또는 n (Enter로 답하기, Esc로 건너뛰기)",
    right: "맞습니다.",
    wrong_x: |truth| format!("아쉽습니다. 다음 x는 {truth}입니다."),
    overshoot_truth: |o| {
        if o {
            "지나칩니다. 다음 x에서 기울기가 반대쪽을 가리킵니다.".into()
        } else {
            "지나치지 않습니다. 다음 x에서도 기울기가 같은 쪽을 가리킵니다.".into()
        }
    },
    not_an_answer: "수(변수가 둘이면 x, y) 또는 y / n을 입력하세요.",
    at_end: "이번 실행의 마지막 걸음입니다. Home(g)으로 처음부터 보거나 설정을 바꾸세요.",
    knob_at_end: "이 설정은 범위의 끝에 있습니다. 반대쪽으로 돌려 보세요([ 또는 ]).",
    undefined_start: "그 시작점에서 f나 도함수가 정의되지 않아 이전 설정을 유지합니다.",
    type_prompt: "f(x) 또는 f(x, y)를 입력하세요. 예: x^2 + 2*x + 3 (Enter로 적용, Esc로 취소):",
    refused: |what, at| format!("거부됨(글자 위치 {at}): {what}."),
    expr_error,
    score: |r, n| format!("예측: {n}개 중 {r}개 정답"),
    key_step: "다음 반복",
    key_back: "이전 반복",
    key_first_end: "처음으로 / 끝까지 실행",
    key_type: "함수 입력",
    key_panel: "그림 / 반복문",
    bad_init: |text, want| format!("--init {text}: 쉼표로 구분한 수 {want}개를 주세요"),
    no_abs_one_variable: "--slip no-abs는 f(x)에만 쓸 수 있습니다. ||grad f||에는 빠뜨릴 부호가 없습니다",
    undefined_at_init: |f, init| format!("f = {f} 또는 그 도함수가 --init {init}에서 정의되지 않습니다"),
};
