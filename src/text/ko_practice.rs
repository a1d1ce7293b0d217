//! 실습 모드의 한국어 문구.

use crate::math::gd::Bug;
use crate::math::practice::{BpttMistake, ConvMistake, GdMistake, MleMistake};
use crate::practice::exercise::{Exercise, Mistake};
use crate::text::practice::*;

fn title(e: Exercise) -> &'static str {
    match e {
        Exercise::Bptt => "RNN: 시간에 따른 역전파(BPTT)",
        Exercise::ConvSize => "합성곱: 출력 크기",
        Exercise::Conv2d => "합성곱: 순전파와 역전파",
        Exercise::GdLoop => "경사 하강법: f(x)와 f(x, y)에서의 반복문",
        Exercise::GdStep => "경사 하강법: 한 스텝",
        Exercise::Mle => "최대우도 추정",
        Exercise::Posterior => "베이즈 정리: 사후확률",
    }
}

fn task(e: Exercise) -> &'static str {
    match e {
        Exercise::Bptt => {
            "1의 개수를 세는 RNN의 시간에 따른 역전파(BPTT).

순전파는 S_0 = 0, S_k = S_{k-1} * wRec + X_k * wx 이었고,
손실은 L = (1/N) * sum_n (S_T - y*_n)**2 (y*_n: 1의 개수) 입니다.

인자:
    X        [N, T] 0/1 입력 (X_k는 열 X[:, k-1])
    S        [N, T+1] 상태: S[:, 0] = 0, S[:, k] = S_k
    grad_out [N] dL/dS_T (손실의 2/N이 이미 들어 있음)
    wRec     순환 가중치

반환값 ((wx_grad, wRec_grad), grad_over_time):
    grad_over_time  [N, T+1], k번째 열 = dL/dS_k (T번째 열 = grad_out)
    wx_grad, wRec_grad  dL/dwx와 dL/dwRec. 배치 전체와 k = T부터 1까지의
                        모든 단계에 대해 더한 값:
        dL/dwx   += sum_n dL/dS_k * X_k
        dL/dwRec += sum_n dL/dS_k * S_{k-1}
        dL/dS_{k-1} = dL/dS_k * wRec

확인: deepstep practice check rnn_bptt.py"
        }
        Exercise::ConvSize => {
            "2차원 합성곱의 출력 크기.

(OH, OW)를 반환하세요: H x W 입력의 사방에 `padding`개의 0을 덧대고,
KH x KW 커널 탭 사이에 `dilation` - 1칸의 간격을 둔 채 `stride`칸씩
움직일 때, 창이 높이와 너비 방향으로 놓이는 위치의 수입니다. 인자는 모두
양의 정수이며(padding은 0일 수 있음) 커널은 항상 들어갑니다.

    OH = floor((H + 2*padding - dilation*(KH - 1) - 1) / stride) + 1

확인: deepstep practice check conv_output_size.py"
        }
        Exercise::Conv2d => {
            "numpy로 쓰는 2차원 합성곱의 순전파와 역전파.

conv2d(x, w, stride=1, padding=0)
    x [H, W] 입력, w [KH, KW] 커널. x의 사방에 `padding`개의 0을 덧대고,
    창을 `stride`칸씩 옮기며 각 위치에서 창과 w의 곱을 모두 더합니다
    (상호상관: PyTorch처럼 w를 뒤집지 않음). y [OH, OW]를 반환하세요.

conv2d_backward(x, w, dy, stride=1, padding=0)
    dy [OH, OW]는 dL/dy입니다. (dx, dw)를 반환하세요:
    dw [KH, KW] = dL/dw: 각 창에 해당 dy 값을 곱해 모두 더한 것.
    dx [H, W]   = dL/dx: 각 dy 값이 dy * w를 자신이 온 창(덧댄 입력 위)에
                  되돌려 더한 뒤, 패딩을 잘라 낸 것. 같은 말로: dy의 원소
                  사이에 stride - 1개의 0을 넣고, 끝에 0인 행을
                  r = (H + 2*padding - KH) % stride개 더 붙인 뒤(열은
                  r = (W + 2*padding - KW) % stride개: 어떤 창도 닿지 않은
                  입력 행과 열), 180도 회전한 w와 완전 상호상관을 구하고
                  패딩을 잘라 낸 것.

확인: deepstep practice check conv2d.py"
        }
        Exercise::GdLoop => {
            "도함수가 충분히 작아질 때까지 함수에서 경사 하강법을 반복합니다.

gradient_descent(f, df, init, lr, eps, max_steps=10000)
    f와 df는 수 하나를 받는 파이썬 함수입니다: f(x)와 그 도함수 f'(x).
    x = init에서 시작해
        x = x - lr * df(x)
    를 abs(df(x)) > eps인 동안 반복하되, 갱신은 최대 max_steps번만 합니다.
    (x, steps)를 반환합니다: 마지막 x와 갱신한 횟수.

gradient_descent_2d(f, grad, init, lr, eps, max_steps=10000)
    f(x, y)에 대해 같은 일을 합니다. f와 grad는 numpy 배열 p = [x, y]를
    받고, grad(p)는 기울기 [df/dx, df/dy]를 numpy 배열로 돌려줍니다.
    p = init(수 2개인 배열)에서 시작해 np.linalg.norm(grad(p)) > eps인
    동안 p = p - lr * grad(p)로 갱신하되, 최대 max_steps번만 합니다.
    (p, steps)를 반환하며 p는 수 2개인 배열입니다.

확인: deepstep practice check gd_loop.py"
        }
        Exercise::GdStep => {
            "선형 회귀 y ~ X @ beta의 경사 하강 한 스텝.

인자:
    X      [n, d] 입력. 첫 열은 모두 1 (절편)
    y      [n] 목표값
    beta   [d] 현재 계수
    lr     학습률
    error  내려갈 오차: 'mse', 'sse', 'l2' 중 하나

잔차 e = y - X @ beta 에 대해:
    'mse'  (1/n) * sum(e**2)          기울기  -2/n * X.T @ e
    'sse'  sum(e**2)                  기울기  -2 * X.T @ e
    'l2'   ||e|| = sqrt(sum(e**2))    기울기  -X.T @ e / ||e||
           (직선이 모든 점을 지나면 e = 0이고 ||e|| = 0입니다: 그때
           기울기는 0/0이 아니라 0이고, beta는 그대로입니다)

새 beta = beta - lr * 기울기 (d개의 수로 된 배열)를 반환하세요.

확인: deepstep practice check gradient_descent.py"
        }
        Exercise::Mle => {
            "최대우도 추정.

mle_normal(x)
    x는 정규분포에서 뽑은 n개 표본의 1차원 배열입니다. 로그우도
        l(mu, sigma) = sum_i log N(x_i; mu, sigma)
    를 최대로 만드는 (mu, sigma)를 반환하세요. 직접 유도하세요: l을 풀어
    쓰고, dl/dmu = 0, dl/dsigma = 0 으로 놓고 푸세요.
    n = 1도 들어옵니다 (그때 sigma는 0).

mle_categorical(counts)
    counts [K]는 K개 범주 각각이 나온 횟수입니다 (0인 범주도 있음).
    sum_k p_k = 1 일 때 sum_k counts_k * log p_k 를 최대로 만드는 확률
    p [K]를 반환하세요.

확인: deepstep practice check mle.py"
        }
        Exercise::Posterior => {
            "K개 가설에 대한 베이즈 정리.

인자:
    prior       [K] 각 가설 h의 사전확률 P(h) (합은 1)
    likelihood  [K] P(e | h): 각 가설에서 증거가 나올 확률

사후확률 [K]를 반환하세요: P(h | e) = P(e | h) * P(h) / P(e).
여기서 증거 P(e) = sum_h P(e | h) * P(h). (연쇄 법칙
P(X1..Xt) = P(Xt | X1..Xt-1) P(X1..Xt-1)에는 이런 나눗셈이 없고,
베이즈 정리에는 있습니다.) 여기서 증거는 0이 아닙니다.

확인: deepstep practice check posterior.py"
        }
    }
}

fn hints(e: Exercise) -> [&'static str; 3] {
    match e {
        Exercise::Bptt => [
            "뒤에서부터 가세요: grad_over_time[:, T]는 grad_out이고, k = T, ..., 1의 각 단계가 두 기울기에 자기 몫을 더한 뒤 dL/dS_k를 한 단계 뒤로 넘깁니다.",
            "단계 k에서: wx_grad += np.sum(grad_over_time[:, k] * X[:, k-1]); wRec_grad += np.sum(grad_over_time[:, k] * S[:, k-1]); grad_over_time[:, k-1] = grad_over_time[:, k] * wRec.",
            "1의 개수 세기 RNN 실습이 이 루프를 실제 숫자로 한 행에 k 하나씩 보여 줍니다: l을 누르면 열립니다.",
        ],
        Exercise::ConvSize => [
            "한 축에서 창이 시작할 수 있는 위치를 세세요: 덧댄 길이는 H + 2*padding, 창의 폭은 dilation*(KH - 1) + 1칸입니다.",
            "창은 0, stride, 2*stride, ... 에서 시작하며 들어가는 동안만 놓입니다: (덧댄 길이 - 창 폭) // stride + 1.",
            "합성곱 실습이 여러분의 숫자로 공식과 창이 닿지 않는 행을 보여 줍니다: l을 누르면 열립니다.",
        ],
        Exercise::Conv2d => [
            "순전파: np.pad로 x를 덧대고, 각 출력 (i, j)마다 창 xp[i*s : i*s+KH, j*s : j*s+KW]와 w의 곱을 더하세요.",
            "역전파: 같은 창들을 돌며, dy[i, j] * 창을 dw에, dy[i, j] * w를 덧댄 dx의 그 창 자리에 더하세요. 마지막에 패딩을 잘라 내세요.",
            "합성곱 실습의 dX 화면이 펼친 dY, 회전한 커널, 잘라 내기를 탭 하나씩 보여 줍니다: l을 누르면 열립니다.",
        ],
        Exercise::GdLoop => [
            "갱신 횟수를 세세요: 반복문 앞에서 steps = 0, x = x - lr * df(x) 다음마다 steps += 1.",
            "조건은 abs(df(x)) > eps 그리고 steps < max_steps이고, 새 x마다 기울기를 다시 계산해야 합니다. 2차원에서는 np.linalg.norm(grad(p))를 쓰세요.",
            "경사 하강법 실습에서 이 반복문을 한 번씩 실행하고 흔한 실수를 켜 볼 수 있습니다. l을 눌러 여세요.",
        ],
        Exercise::GdStep => [
            "먼저 잔차 e = y - X @ beta를 구하세요: 모든 오차의 기울기는 X.T @ e의 배수입니다.",
            "mse: -2/n * X.T @ e; sse: -2 * X.T @ e; l2: -X.T @ e / np.linalg.norm(e). 그리고 beta - lr * 기울기를 반환하세요.",
            "선형 회귀 실습이 경사 하강을 한 스텝씩 보여 주고 오차마다 스텝이 얼마나 큰지 보여 줍니다: l을 누르면 열립니다.",
        ],
        Exercise::Mle => [
            "로그우도를 풀어 쓰세요: l(mu, sigma) = -n log sigma - (n/2) log(2 pi) - sum_i (x_i - mu)**2 / (2 sigma**2).",
            "dl/dmu = sum_i (x_i - mu) / sigma**2 = 0 에서 mu가, dl/dsigma = -n/sigma + sum_i (x_i - mu)**2 / sigma**3 = 0 에서 sigma**2가 나옵니다 (n - 1이 아니라 n으로 나눔). 범주형은 p_k가 counts_k에 비례합니다.",
            "최대우도 추정 실습이 로그우도 곡면을 올라가며 두 미분이 0이 되는 곳을 보여 줍니다: l을 누르면 열립니다.",
        ],
        Exercise::Posterior => [
            "사전확률과 우도를 원소별로 곱하세요: 각 h에 대한 P(e, h)입니다.",
            "그 곱들의 합이 증거 P(e)입니다. 그것으로 나누어 사후확률의 합이 1이 되게 하세요.",
            "퀴즈가 표를 풀어 쓴 베이즈 정리와 연쇄 법칙 문제를 냅니다: l을 누르면 열립니다.",
        ],
    }
}

fn mistake(m: Mistake) -> (String, String) {
    let (what, fix) = match m {
        Mistake::Bptt(BpttMistake::Overwrite) => (
            "루프 안에서 wx_grad와 wRec_grad를 누적(+=)하지 않고 대입(=)했습니다: 마지막 반복인 k = 1만 남습니다.",
            "루프 전에 둘 다 0으로 두고, 각 단계의 항을 +=로 더하세요.",
        ),
        Mistake::Bptt(BpttMistake::CurrentState) => (
            "wRec_grad에 단계 k가 만든 상태 S[:, k]를 썼습니다. 단계 k는 S[:, k-1]에서 시작합니다: S_k = S_{k-1} * wRec + ... 이므로 dS_k/dwRec = S_{k-1}.",
            "wRec 기울기에는 S[:, k-1]을 쓰세요.",
        ),
        Mistake::Bptt(BpttMistake::MissingWrec) => (
            "grad_over_time[:, k-1] = grad_over_time[:, k] 에서 연쇄 법칙의 인수 dS_k/dS_{k-1} = wRec가 빠졌습니다.",
            "wRec를 곱하세요: grad_over_time[:, k-1] = grad_over_time[:, k] * wRec.",
        ),
        Mistake::Bptt(BpttMistake::BatchMean) => (
            "기울기를 배치에 대해 평균(np.mean)했지만 grad_out에 손실의 1/N이 이미 들어 있습니다: 정확히 N배 작게 나옵니다.",
            "배치에 대해 합(np.sum)하세요: 1/N은 grad_out에서 한 번만 곱해집니다.",
        ),
        Mistake::Bptt(BpttMistake::Forward) => (
            "루프가 앞으로(k = 1에서 T로) 돕니다. dL/dS_k는 dL/dS_{k+1}을 안 뒤에야 알 수 있어서, 마지막 전의 모든 단계가 아직 0인 열을 읽습니다.",
            "루프를 거꾸로 도세요: for k in range(T, 0, -1).",
        ),
        Mistake::Conv(ConvMistake::NoFlip) => (
            "dx가 펼친 dy를 w 그대로와 상호상관했습니다. 역전파에는 180도 회전한 w가 필요합니다 (입력 칸마다 가중치를 거꾸로 만남).",
            "w[::-1, ::-1]을 쓰거나, 각 창에 dy[i, j] * w를 직접 더하세요.",
        ),
        Mistake::Conv(ConvMistake::NoGaps) => (
            "dy를 stride만큼 벌려 놓지 않았습니다: stride가 s이면 dy 원소는 입력에서 s칸씩(사이에 0이 s - 1개) 떨어져 있어, dx 크기가 틀립니다.",
            "완전 상호상관 전에 dy[i, j]를 (i*stride, j*stride)에 놓거나, 거기서 시작하는 창에 dy[i, j] * w를 더하세요.",
        ),
        Mistake::Conv(ConvMistake::NoCrop) => (
            "dx에 패딩이 남아 있습니다: x가 아니라 덧댄 입력 (H + 2P) x (W + 2P)의 기울기입니다.",
            "잘라 내세요: dx_padded[P:P+H, P:P+W].",
        ),
        Mistake::Gd(GdMistake::SseForMse) => (
            "error='mse'인데 1/n 없이 SSE의 기울기 -2 X.T @ e를 썼습니다: 스텝이 n배 큽니다 (MSE에 맞춘 학습률이면 발산합니다).",
            "n으로 나누세요: 기울기 = -2/n * X.T @ e.",
        ),
        Mistake::Gd(GdMistake::L2WithoutNorm) => (
            "error='l2'에서 기울기가 -X.T @ e입니다: ||e|| = sqrt(sum(e**2))의 미분은 ||e||로도 나눕니다 (제곱근을 지나는 연쇄 법칙).",
            "-X.T @ e / np.linalg.norm(e)를 쓰세요.",
        ),
        Mistake::Gd(GdMistake::L2AsSquared) => (
            "error='l2'에서 -2 X.T @ e를 썼습니다: 노름 ||e|| = sqrt(sum(e**2))가 아니라 제곱 오차 sum(e**2)의 기울기입니다.",
            "d||e||/dbeta = -X.T @ e / ||e||: -X.T @ e / np.linalg.norm(e)를 쓰세요.",
        ),
        // lr * 기울기를 더한 코드와 잔차를 거꾸로 쓴 코드는 같은 수를 냅니다:
        // 고치는 법은 둘 다 말해서, 학습자가 이미 쓴 줄을 되풀이하지 않습니다.
        Mistake::Gd(GdMistake::Sign) => (
            "모든 오차에서 스텝의 크기는 맞지만 오르막으로 갑니다: 새 beta가 beta + lr * 기울기라서 오차가 커집니다.",
            "세 오차가 함께 쓰는 부호 하나를 뒤집으세요: 갱신에서 lr * 기울기를 더하고 있다면 빼고, 이미 빼고 있다면 잔차가 거꾸로입니다: e = y - X @ beta.",
        ),
        Mistake::GdLoop(Bug::Plus) => (
            "갱신에서 lr * df(x)를 더합니다. 걸음마다 오르막으로 가므로(경사 상승법) f가 커지고 반복은 max_steps까지 갑니다.",
            "빼세요: x = x - lr * df(x)는 도함수의 반대 방향, 즉 내리막으로 갑니다.",
        ),
        Mistake::GdLoop(Bug::NoAbs) => (
            "조건이 abs() 없이 df(x) > eps입니다. 도함수가 음수인 곳(최솟값의 왼쪽, 또는 지나친 뒤)에서는 조건이 거짓이라 최솟값에서 먼 곳에서 멈춥니다.",
            "도함수의 크기를 보세요: while abs(df(x)) > eps.",
        ),
        Mistake::GdLoop(Bug::Stale) => (
            "도함수를 반복문 앞에서 한 번만 계산합니다. 매번 x가 같은 lr * df(init)만큼 움직이고 조건도 바뀌지 않아 max_steps만이 반복을 끝냅니다.",
            "새 x마다 반복문 안에서 다시 계산하세요: g = df(x) (또는 갱신과 조건에 df(x)를 바로 쓰세요).",
        ),
        Mistake::Mle(MleMistake::NMinusOne) => (
            "sigma를 n - 1로 나눴습니다: 그것은 np.std(x, ddof=1), 곧 비편향 표본분산 s²의 제곱근(그 자체는 σ에 대해 비편향이 아님)이지 최대우도 추정값이 아닙니다.",
            "dl/dsigma = -n/sigma + sum((x - mu)**2)/sigma**3 = 0 에서 sigma**2 = sum((x - mu)**2) / n: n으로 나누세요 (np.std(x), ddof=0).",
        ),
        Mistake::Mle(MleMistake::VarianceForSigma) => {
            ("두 번째 값이 요청한 표준편차 sigma가 아니라 분산 sigma**2입니다.", "제곱근을 반환하세요.")
        }
        Mistake::Mle(MleMistake::CountsNotNormalised) => (
            "mle_categorical이 확률이 아니라 횟수를 반환합니다: 합이 1이어야 합니다.",
            "전체로 나누세요: counts / counts.sum().",
        ),
        Mistake::Unnormalised => (
            "사후확률이 사전확률 * 우도일 뿐, 증거 P(e)로 나누지 않았습니다: 합이 1이 아닙니다.",
            "증거로 나누세요: joint / joint.sum().",
        ),
        // Added with the families: the conv-size formulas, the loops that miss
        // an iteration, the crops; and the families themselves.
        Mistake::ConvSize(c) => super::ko_diagnose::conv_size(c),
        Mistake::Bptt(b @ (BpttMistake::SkipsK1 | BpttMistake::SkipsKT)) => super::ko_diagnose::loop_or_crop(Ok(b)),
        Mistake::Conv(
            c @ (ConvMistake::NoGapsLoop
            | ConvMistake::CropEndOnly
            | ConvMistake::CropStartOnly
            | ConvMistake::CropNegativeEnd),
        ) => super::ko_diagnose::loop_or_crop(Err(c)),
        Mistake::Family(f) => return super::ko_diagnose::family(f),
    };
    (what.to_string(), fix.to_string())
}

pub const KO_PRACTICE: PracticeText = PracticeText {
    title,
    task,
    hints,
    mistake,
    readme: |list| {
        format!(
            "# deepstep 코드 연습\n\n연습 문제마다 Python 파일이 하나씩 있습니다. 편집기에서 열어 `# TODO` 자리에 함수를 쓰고 확인하세요:\n\n    deepstep practice check 파일     # 파일 하나를 터미널이나 스크립트에서\n    deepstep practice                # 실습 화면: 저장할 때마다 다시 확인\n\n틀린 답은 흔한 실수들과 비교해, 맞아떨어지는 실수의 이름을 알려 줍니다.\n30분 동안 막혔다면 실습의 풀이를 따라가 본 뒤 돌아오세요.\n\n{list}"
        )
    },
    created: |p| format!("{p} 만듦"),
    creating: "연습 문제 파일을 만드는 중…",
    kept: |p| format!("{p} 유지 (이미 있음: 작업한 파일은 덮어쓰지 않습니다)"),
    init_failed: |p, why| format!("{p}에 쓸 수 없습니다: {why}"),
    init_next: |d| format!("다음: 편집기에서 {d}의 파일을 열고 `deepstep practice {d}`를 실행하세요."),
    passed: |run| format!("통과: {run}개 사례가 모두 맞습니다."),
    not_started: "시작 전: 함수가 아직 NotImplementedError를 냅니다. 파일의 # TODO 자리에 쓰세요.",
    cases_pass: |p, r| format!("{r}개 중 {p}개 맞음"),
    named_mistake: "실수",
    fix: "고치는 법",
    first_failure: |case, f| format!("사례 {case}, {f}:"),
    inputs: "입력",
    expected: "정답",
    got: "결과",
    differs_at: |i, g, w| format!("처음 다른 곳 {i}: 결과 {g}, 정답 {w}"),
    shape_differs: |i, g, w| format!("{i}의 모양: 결과 {g}, 정답 {w}"),
    kind_differs: |i, g, w| format!("{i}: 결과 {g}, 정답 {w}"),
    first_k: |k| format!("grad_over_time이 T부터 거꾸로 셀 때 처음 다른 곳: k = {k}"),
    whole: "반환값 전체",
    not_written: |f| format!("{f}를 아직 쓰지 않았습니다: 여전히 NotImplementedError를 냅니다."),
    returned_none: "None을 반환했습니다: `return`이 빠졌나요?",
    raised: |case, f, kind, msg| format!("사례 {case}에서 {f}가 {kind}를 냈습니다: {msg}"),
    at_line: |l| format!("{l}행"),
    at_cell: |c, l| format!("{c}번 셀 {l}행"),
    load_failed: |kind, msg| format!("파일이 실행되지 않습니다: {kind}: {msg}"),
    missing: |f| format!("파일에 함수 {f}가 없습니다."),
    unknown: |fs| format!("파일에 연습 문제의 함수({fs})가 하나도 없습니다. --exercise로 문제를 지정하세요."),
    unreadable: |why| format!("파일을 읽을 수 없습니다: {why}"),
    not_a_folder: |d| {
        format!("{d}는 폴더가 아닙니다: 연습 폴더를 주세요 (`deepstep practice init DIR`로 만들 수 있습니다).")
    },
    not_a_file: "일반 파일이 아닙니다 (폴더, /dev/null 같은 장치, 또는 파이프): .py나 .ipynb 파일의 경로를 주세요",
    too_large: |mib| format!("{mib} MiB보다 큽니다. 어떤 연습 문제의 코드보다도 훨씬 큽니다"),
    no_python: "Python을 찾지 못했습니다. numpy와 함께 Python 3을 설치하거나 (Debian/Ubuntu: sudo apt install python3-numpy), --python 경로 또는 DEEPSTEP_PYTHON으로 지정하세요.",
    no_numpy: |p| {
        format!("{p}에 numpy가 없습니다. 설치하세요: {p} -m pip install numpy (또는 --python으로 다른 Python을 지정).")
    },
    python_failed: |p, why| format!("{p}를 시작할 수 없습니다: {why}"),
    timed_out: |s| format!("{s}초 동안 답이 없어 멈췄습니다: 끝나지 않는 루프가 있나요?"),
    crashed: |status| format!("Python이 답 없이 끝났습니다 ({status})."),
    mutated: |case, f, input| {
        format!("사례 {case}: {f}가 입력 {input}의 값을 제자리에서 바꿉니다: 호출한 쪽의 배열이 바뀝니다.")
    },
    mutated_fix: "입력에 값을 대입하지 말고 복사본(`x = x.copy()`)이나 새 배열로 계산하세요.",
    bad_results: |why| format!("표준 입력의 결과가 deepstep의 JSON이 아닙니다: {why}"),
    magic_usage: "사용법: %deepstep check [이름] (이름: 연습 문제나 그 함수; 없으면 이 노트북에 정의된 모든 연습 함수)",
    no_time_limit: "여기서는 시간 제한이 없습니다 (POSIX Python의 메인 스레드에서만 함수를 제한 시간에 멈출 수 있습니다): 끝나지 않는 함수는 커널을 중단할 때까지 계속 실행됩니다.",
    failing_case: "처음 틀린 사례",
    no_folder: |d| format!("{d}가 없습니다: `deepstep practice init {d}`로 만드세요."),
    no_match: |t| {
        format!(
            "{t}는 파일도 연습 문제 이름도 아닙니다 (gd-loop, gd-step, rnn-bptt, conv-size, conv2d, mle, posterior)."
        )
    },
    screen_title: "코드 연습",
    state_not_started: "시작 전",
    state_failing: "틀림",
    state_passing: "통과",
    state_missing: "파일 없음",
    file: "파일",
    folder: "폴더",
    last_check: "마지막 확인",
    checking: "확인 중...",
    never_checked: "아직 확인 전: 파일을 저장하거나 c를 누르세요",
    watching: |d| format!("{d} 감시 중: 저장할 때마다 확인합니다"),
    watch_failed: |why| format!("폴더를 감시할 수 없습니다 ({why}): c를 눌러 확인하세요"),
    time_spent: |m| format!("이 문제에 {m}분"),
    take_a_break: "30분 동안 통과하지 못했습니다: 실습의 풀이(l)를 따라가 본 뒤 돌아오세요.",
    hint_label: |i, n| format!("힌트 {i}/{n}"),
    no_more_hints: "마지막 힌트였습니다.",
    open_lab: |lab| format!("l: {lab}을 이 계산에서 엽니다"),
    more_above: "위에 더: PgUp",
    more_below: "아래에 더: PgDn",
    folder_missing: |d| format!("{d}에 실습 폴더가 없습니다. i를 누르면 만듭니다 (있는 파일은 덮어쓰지 않습니다)."),
    saved_failed: |why| format!("진행 상황을 저장하지 못했습니다: {why}"),
    keys: PracticeKeys {
        select: "문제 고르기",
        scroll: "문제 창 넘기기",
        hint: "다음 힌트",
        check: "지금 확인",
        lab: "이 계산의 실습 열기",
        init: "연습 문제 파일 만들기",
    },
};
