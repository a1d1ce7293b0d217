//! The maximum-likelihood lab's words in Korean.

use super::MleText;

pub const KO_MLE: MleText = MleText {
    title: "최대우도 추정",
    status_normal: |n| format!("정규분포, 표본 크기 n = {n}"),
    status_categorical: |total, k| format!("범주형 분포, 전체 개수 N = {total}, 범주 수 K = {k}"),
    own_data: "직접 입력한 데이터",
    line_of: |k, total| format!("전체 {total}줄 중 {k}번째 줄"),
    family_names: ["정규분포", "범주형 분포"],
    knob_names: ["분포", "표본 크기 n", "참 μ", "참 σ", "범주 수 K", "시드"],
    view_names: ["유도", "표본", "곡면 ℓ(μ, σ)", "σ̂²의 편향", "흔한 실수"],
    sample_view: "표본 x_1 … x_n",
    sample_wait: "? = μ̂를 예측한 뒤에 보입니다(x̄가 μ̂입니다)",
    histogram_intro: |n, bins, lo, hi| {
        format!(
            "점 {n}개는 다 적기에 너무 많습니다: {lo}부터 {hi}까지 같은 폭의 구간 {bins}개에 각각 몇 개가 들어가는지"
        )
    },
    sample_title: "표본과 적합한 밀도",
    sample_points: "표본",
    fitted: "적합한 N(μ̂, σ̂)",
    at_cursor: "커서의 N(μ, σ)",
    no_density: "σ̂ = 0(퍼짐 없음)이라 그릴 밀도가 없습니다",
    counts_title: "개수와 p̂_k = n_k/N",
    count_row: |k, n, p| format!("범주 {k}: n_k = {n}   p̂_k = {p}"),
    derivation_title: "한 줄씩 보는 유도",
    reveal_hint: "오른쪽 화살표로 다음 줄을 봅니다.",
    place_cursor: "커서",
    place_print: "점 P",
    d_product: |place, mu, sigma, v| {
        format!(
            "1. L(μ, σ) = Π_i N(x_i; μ, σ) = Π_i e^(−(x_i − μ)²/(2σ²)) / (σ√(2π)): 표본 전체의 밀도를 μ와 σ의 함수로 본 것입니다. {place} 위치 (μ, σ) = ({mu}, {sigma})에서 L = {v}."
        )
    },
    d_why_log_over: |n, product, ll, per| {
        format!(
            "2. 로그를 쓰는 이유: 표본이 하나 늘 때마다 곱에 그 밀도가 곱해지는데, 여기서는 밀도의 로그가 평균 {per} > 0이라(σ가 좁으면 밀도가 1보다 큽니다) 곱이 계속 커집니다. 표본 {n}개의 곱은 e^{ll} ≈ {product}로 f64의 가장 큰 수(약 1.8e308)보다 커서 오버플로가 나지만, 로그의 합은 {ll}로 평범한 수입니다. 로그는 증가함수이므로 ℓ = log L의 최댓값은 같은 (μ, σ)에 있습니다."
        )
    },
    d_why_log_under: |n, product, ll, per| {
        format!(
            "2. 로그를 쓰는 이유: 표본이 하나 늘 때마다 곱에 그 밀도가 곱해지는데, 여기서는 밀도의 로그가 평균 {per} < 0이라 곱이 계속 작아집니다. 표본 {n}개의 곱은 e^{ll} ≈ {product}로 f64의 가장 작은 수(약 4.9e-324)보다 작아서 언더플로로 0이 되지만, 로그의 합은 {ll}로 평범한 수입니다. 로그는 증가함수이므로 ℓ = log L의 최댓값은 같은 (μ, σ)에 있습니다."
        )
    },
    d_why_log_inside: |n, product, ll, per| {
        format!(
            "2. 로그를 쓰는 이유: 표본이 하나 늘 때마다 곱에 그 밀도가 곱해지며, 여기서는 평균 약 e^{per}배씩입니다. 표본 {n}개의 곱은 {product}로 아직 f64 범위 안이지만, 표본이 충분히 많아지면 f64 범위를 벗어납니다(약 4.9e-324보다 작으면 0, 약 1.8e308보다 크면 오버플로). 반면 로그의 합(여기서는 {ll})은 평범한 수로 남습니다. 로그는 증가함수이므로 ℓ = log L의 최댓값은 같은 (μ, σ)에 있습니다."
        )
    },
    d_loglik: |place, n, ll| {
        format!(
            "3. ℓ(μ, σ) = Σ_i log N(x_i; μ, σ) = −n log σ − (n/2) log 2π − Σ_i (x_i − μ)²/(2σ²), 여기서 n = {n}이고 {place}에서 ℓ = {ll}."
        )
    },
    d_mu: |sum, n, mu| {
        format!("4. ∂ℓ/∂μ = Σ_i (x_i − μ)/σ² = 0  ⇒  Σ_i x_i = nμ  ⇒  표본평균 μ̂ = x̄ = {sum}/{n} = {mu}.")
    },
    d_sigma: |ss, n, var, sigma| {
        format!(
            "5. ∂ℓ/∂σ = −n/σ + Σ_i (x_i − μ)²/σ³ = 0  ⇒  추정 분산 σ̂² = (1/n) Σ_i (x_i − x̄)² = {ss}/{n} = {var},  추정 표준편차 σ̂ = {sigma}."
        )
    },
    d_sigma_one_point: "5. 점이 하나면 Σ_i (x_i − x̄)² = 0이라 σ̂ = 0입니다. 점 하나에는 퍼짐이 없습니다. σ → 0일 때 ℓ가 한없이 커지므로 σ > 0인 최댓값이 없습니다.",
    d_sigma_all_equal: |n| {
        format!(
            "5. n = {n}개의 점이 모두 같아서 모든 x_i − x̄ = 0, Σ_i (x_i − x̄)² = 0이고 σ̂ = 0입니다. 이 표본에는 퍼짐이 없습니다. σ → 0일 때 ℓ가 한없이 커지므로 σ > 0인 최댓값이 없습니다."
        )
    },
    d_maximum: |place, best, at| {
        format!(
            "6. ℓ(μ̂, σ̂) = {best}: 곡면의 꼭대기입니다({place}에서는 ℓ = {at}). 여기서 두 미분이 모두 0이고 어느 방향으로 가도 ℓ가 줄어듭니다."
        )
    },
    d_no_maximum: "6. σ̂ = 0이면 우도에 최댓값이 없습니다. μ = x̄에서 σ → 0이면 한없이 커집니다.",
    d_bias: |n, var, s2| {
        format!(
            "7. σ̂²는 n(= {n})으로 나눕니다: σ̂² = {var}. 표본분산 s²는 n − 1로 나눕니다: s² = {s2}. 평균적으로 σ̂²는 참 σ²의 (n − 1)/n배라 작게 치우치고(편향 패널에서 측정) s²는 비편향이지만, 최대우도 추정값은 σ̂²입니다."
        )
    },
    d_bias_n1: "7. n = 1이면 s²는 n − 1 = 0으로 나누게 되어 정의되지 않고, σ̂² = 0은 퍼짐에 대해 아무것도 말해 주지 않습니다.",
    d_mse: "8. 가우시안 잡음이 있는 회귀에서 잔차 e_i로 쓰면 −ℓ = Σ_i e_i²/(2σ²) + n log σ + (n/2) log 2π입니다. σ를 고정하면 ℓ를 최대화하는 것은 Σ e_i²(SSE, 따라서 MSE)를 최소화하는 것과 같습니다. 최소제곱은 가우시안 잡음에서의 최대우도 추정입니다(o로 선형 회귀 실습을 엽니다).",
    d_cat_product: |counts, total| {
        format!(
            "1. L(p) = Π_k p_k^(n_k): 범주 k가 한 번 나올 때마다 p_k가 곱해집니다. 여기서 개수는 ({counts}), 전체 N = {total}이고 ℓ(p) = Σ_k n_k log p_k입니다."
        )
    },
    d_lagrange: "2. p_k의 합이 1이어야 하므로, 제약에 라그랑주 승수 λ를 붙인 Λ = Σ_k n_k log p_k + λ(1 − Σ_k p_k)를 최대화합니다.",
    d_solve: |total, p| {
        format!(
            "3. ∂Λ/∂p_k = n_k/p_k − λ = 0  ⇒  p_k = n_k/λ;  Σ_k p_k = 1  ⇒  λ = Σ_k n_k = N = {total}  ⇒  추정값 p̂_k = n_k/N = ({p})."
        )
    },
    d_cat_loglik: |ll| format!("4. 최대 로그우도 ℓ(p̂) = Σ_k n_k log p̂_k = {ll}."),
    d_zero_class: "한 번도 나오지 않은 범주는 p̂_k = 0이 되고 n_k log p̂_k = 0 · log 0 = 0을 더합니다(x → 0일 때 x log x의 극한). 여기서는 손해가 없지만, 0이라고 말하는 모델은 나중에 그 범주가 나오면 설명할 수 없습니다.",
    d_cross_entropy: |ce| {
        format!(
            "5. −ℓ(p̂)/N = −Σ_k (n_k/N) log p̂_k = {ce}: 데이터의 빈도와 p̂ 사이의 교차 엔트로피입니다. 분류기의 교차 엔트로피 손실을 최소화하는 것은 이 우도를 최대화하는 것입니다."
        )
    },
    surface_title: "ℓ(μ, σ): 가로 μ, 세로 σ",
    point_off_surface: "(이 점은 그린 곡면 밖에 있어 []를 그리지 않습니다)",
    surface_legend: "[] 커서 <> 최댓값 ** 상승; 밝을수록 ℓ가 큼",
    cursor_line: |mu, sigma, ll, gm, gs| {
        format!("커서 (μ, σ) = ({mu}, {sigma})에서: 로그우도 ℓ = {ll}   ∂ℓ/∂μ = {gm}   ∂ℓ/∂σ = {gs}")
    },
    closed_form: |mu, sigma, ll| format!("닫힌 형태의 해: μ̂ = {mu}, σ̂ = {sigma}, 로그우도 ℓ = {ll}"),
    path_line: |k| {
        format!("ℓ/n의 경사 상승, 스텝 크기는 σ²(μ)와 σ²/2(σ)로 조정하고 꼭대기에서 멀면 제한: 지금까지 {k}스텝")
    },
    bias_title: "σ̂²는 평균적으로 맞을까?",
    bias_setup: |trials, n, v| format!("참 분산 σ² = {v}인 정규분포에서 크기 n = {n}의 표본을 {trials}번 뽑았습니다:"),
    bias_mle: |m, r| format!("σ̂²(n으로 나눔)의 평균:       {m} = σ²의 {r}배"),
    bias_unbiased: |m, r| format!("s²(n − 1로 나눔)의 평균: {m} = σ²의 {r}배"),
    bias_theory: |r| {
        format!(
            "이론값 E[σ̂²] = σ²의 (n − 1)/n배 = σ²의 {r}배: 최대우도 추정값은 작게 치우치고, s²는 치우치지 않습니다(하지만 s²는 최대우도 추정값이 아닙니다)."
        )
    },
    bias_n1: "n = 1이면 σ̂²는 항상 0이고 s²는 0으로 나누게 되어 정의되지 않습니다. 점 하나는 퍼짐에 대해 아무것도 말해 주지 않습니다.",
    mistakes_title: "흔한 실수: 각각 여기서 무엇을 계산하나",
    mistake_names: [
        "n − 1로 나누고 최대우도라고 부르기",
        "σ 자리에 분산 σ̂²를 돌려주기",
        "곱 L을 그대로 최대화하기",
        "ℓ를 최소화하기(마이너스 부호 빠뜨림)",
        "∂ℓ/∂σ에서 −n/σ 빠뜨리기",
    ],
    m_sigma: |got, off| format!("σ = {} 나오며 {off}만큼 틀립니다", super::ko_particle::i_ga(got)),
    m_product_here_under: |here, ll| {
        format!("이 표본의 L = e^{ll} ≈ {here}: 벌써 f64에서 0이라 최대화할 것이 없습니다")
    },
    m_product_here_over: |here, ll| {
        format!("이 표본의 L = e^{ll} ≈ {here}: 벌써 f64의 가장 큰 수를 넘어 비교할 수 없습니다")
    },
    m_product_over: |here, n, long, ll| {
        format!(
            "여기서는 L = {here}이지만 표본 {n}개에서는 e^{ll} ≈ {long}: f64에서 오버플로가 나서 비교할 수 없습니다"
        )
    },
    m_product_under: |here, n, long, ll| {
        format!("여기서는 L = {here}이지만 표본 {n}개에서는 e^{ll} ≈ {long}: f64에서 0이라 최대화할 것이 없습니다")
    },
    m_product_inside: |here, n, long, per| {
        format!(
            "여기서는 L = {here}, 표본 {n}개에서는 {long}로 아직 f64 범위 안이지만, 표본 하나마다 약 e^{per}배가 되어 표본이 길어지면 f64 범위를 벗어납니다"
        )
    },
    m_no_minimum: |fit, ten| format!("ℓ에는 최솟값이 없습니다: ℓ(μ̂, σ̂) = {fit}, ℓ(μ̂, 10σ̂) = {ten}, 계속 줄어듭니다"),
    m_no_root: |v| format!("σ̂에서 Σ(x − x̄)²/σ³의 값은 {v}(= n/σ̂)로 0이 되지 않아, 이 식을 푸는 σ가 없습니다"),
    m_undefined_n1: "이 표본에서는 정의되지 않습니다(n − 1 = 0)",
    m_undefined_no_spread: "이 표본에서는 정의되지 않습니다(σ̂ = 0)",
    right_row: |mu, sigma| format!("정답: μ̂ = {mu}, σ̂ = {sigma}"),
    after_predictions: "이 화면은 μ̂와 σ̂를 보여 줍니다: 유도에서 둘을 예측한 뒤에(Right) 열립니다.",
    ask_mu: "μ̂를 예측해 입력하고 Enter (Esc로 건너뜀):",
    ask_sigma: "σ̂를 예측해 입력하고 Enter (Esc로 건너뜀):",
    ask_p: |k| format!("범주 {k}의 p̂를 예측해 입력하고 Enter (Esc로 건너뜀):"),
    graded: |what, typed, truth, off| format!("{what}: 입력 {typed}, 정답 {truth} (차이 {off})"),
    right: "정답입니다!",
    matched: |m| format!("흔한 실수입니다: {m}."),
    not_a_number: "숫자를 입력하세요(예: 2.5, -1, 1/4).",
    knob_own_data: "직접 입력한 데이터에는 이 조절값이 적용되지 않습니다.",
    ascent_stopped: "경사 상승이 멈췄습니다: 다음 스텝에서 σ가 (0, ∞)를 벗어납니다.",
    score: |right, total| format!("예측 정답: {total}개 중 {right}개"),
    err_empty: "표본이 비어 있습니다",
    err_not_finite: |p| format!("{p}번째 값이 유한한 수가 아닙니다"),
    err_sum_overflows: "값은 모두 유한하지만 그 합 Σ x_i가 f64의 가장 큰 수(약 1.8e308)를 넘습니다: 값을 줄여서 입력하세요",
    err_spread_overflows: "값은 모두 유한하지만 Σ (x_i − x̄)²가 f64의 가장 큰 수(약 1.8e308)를 넘습니다: 값을 줄여서 입력하세요",
    err_spread_underflows: "값이 서로 다르지만 Σ (x_i − x̄)²가 f64의 가장 작은 정규 수(약 2.2e-308)보다 작아 자릿수를 잃습니다: 값을 키워서 입력하세요",
    err_sigma: |g| format!("σ는 양수여야 합니다. 지금은 {g}입니다"),
    err_all_zero: "개수가 모두 0입니다: 적어도 한 범주는 나와야 합니다",
    list_empty: |flag| format!("--{flag}: 목록이 비어 있습니다"),
    list_not_numeric: |flag, p, t| format!("--{flag}: {p}번째 값(`{t}`)이 유한한 수가 아닙니다"),
    list_not_count: |flag, p, t| format!("--{flag}: {p}번째 값(`{t}`)은 0 이상의 정수여야 합니다"),
    list_too_long: |flag, m| format!("--{flag}: 값은 최대 {m}개까지입니다"),
};
