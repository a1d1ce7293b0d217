//! 실수 유형과 함께 더한 실수들의 한국어 문구: 합성곱 출력 크기 공식, 반복을 하나
//! 빠뜨린 루프와 잘못 자른 dx, 모든 연습 문제에서 알아보는 실수 유형. 각각
//! 학습자의 코드가 무엇을 계산하는지와 한 줄짜리 고치는 법을 말합니다.

use super::practice_code as code;
use crate::math::practice::{BpttMistake, ConvMistake};
use crate::math::practice_conv_size::ConvSizeMistake;
use crate::practice::family::{Factor, Family, Kind, Part};

pub fn conv_size(m: ConvSizeMistake) -> (&'static str, &'static str) {
    match m {
        ConvSizeMistake::NoPlusOne => (
            "(H + 2*padding - dilation*(KH - 1) - 1) // stride는 창이 놓이는 위치의 수가 아니라 창이 움직이는 횟수입니다: 하나 모자랍니다.",
            "첫 위치를 더하세요: (H + 2*padding - dilation*(KH - 1) - 1) // stride + 1.",
        ),
        ConvSizeMistake::Ceil => (
            "나눗셈을 올림(ceil)했습니다: 나머지가 있으면 창이 덧댄 입력 밖으로 삐져나오는 마지막 위치까지 셉니다.",
            "내림하세요: (H + 2*padding - dilation*(KH - 1) - 1) // stride + 1.",
        ),
        ConvSizeMistake::Round => (
            "나눗셈을 반올림(round)했습니다: 나머지가 stride의 절반보다 크면 창이 들어가지 않는 위치까지 셉니다.",
            "내림하세요: (H + 2*padding - dilation*(KH - 1) - 1) // stride + 1.",
        ),
        ConvSizeMistake::FloatDivision => (
            "Python 3에서 /는 실수 나눗셈입니다: stride로 나누어떨어지지 않으면 크기가 분수로 나옵니다.",
            "//로 나누세요: (H + 2*padding - dilation*(KH - 1) - 1) // stride + 1.",
        ),
        ConvSizeMistake::DilationIgnored => (
            "dilation이 1인 것처럼 창의 너비를 KH칸으로 잡았습니다: 탭 사이에 dilation - 1칸씩 간격이 있으면 창은 dilation*(KH - 1) + 1칸에 걸칩니다.",
            "팽창된 너비를 빼세요: H + 2*padding - dilation*(KH - 1) - 1.",
        ),
        ConvSizeMistake::DilationTimesK => (
            "창의 너비를 dilation*KH칸으로 잡았습니다: 탭 KH개 사이의 간격은 KH - 1개라서 창은 dilation*(KH - 1) + 1칸에 걸칩니다.",
            "dilation*(KH - 1) + 1을 빼세요: H + 2*padding - dilation*(KH - 1) - 1.",
        ),
        ConvSizeMistake::NoMinusOne => (
            "H + 2*padding - dilation*(KH - 1)에 - 1이 빠졌습니다: 실제보다 위치 하나만큼 자리가 더 남습니다 (창은 dilation*(KH - 1) + 1칸에 걸침).",
            "1도 빼세요: (H + 2*padding - dilation*(KH - 1) - 1) // stride + 1.",
        ),
        ConvSizeMistake::PaddingOnce => (
            "덧댄 길이를 H + padding으로 잡았습니다: 0은 양쪽에 덧대므로 H + 2*padding입니다.",
            "패딩을 두 번 세세요: H + 2*padding.",
        ),
        ConvSizeMistake::KernelSwapped => (
            "OH를 KW로, OW를 KH로 계산했습니다: 커널의 높이는 입력의 높이와 짝입니다.",
            "짝을 맞추세요: OH는 H와 KH로, OW는 W와 KW로.",
        ),
    }
}

/// 실수 유형과 함께 더한 BPTT 루프와 합성곱 자르기의 실수.
pub fn loop_or_crop(m: Result<BpttMistake, ConvMistake>) -> (&'static str, &'static str) {
    match m {
        Ok(BpttMistake::SkipsK1) => (
            "루프가 k = 1 전에 멈춥니다: k = 1의 항을 더하고 dL/dS_1을 0번 열로 넘기는 스텝이 돌지 않아, grad_over_time[:, 0]은 0으로 남고 두 기울기에 k = 1의 항이 빠집니다.",
            "루프가 k = 1까지 돌게 하세요: for k in range(T, 0, -1)은 k = T, ..., 1을 돕니다.",
        ),
        Ok(_) => (
            "루프가 k = T보다 아래에서 시작합니다: T번째 스텝이 돌지 않아 dL/dS_{T-1}이 계산되지 않고, T 아래의 모든 열과 두 기울기가 0으로 남습니다.",
            "루프가 k = T에서 시작하게 하세요: for k in range(T, 0, -1)은 k = T, ..., 1을 돕니다.",
        ),
        Err(ConvMistake::NoGapsLoop) => (
            "dx가 dy[i, j] * w를 (i, j)에 더합니다: 창이 1칸씩 떨어져 놓이지만 순전파에서는 stride칸씩 움직였으므로, stride > 1이면 기울기가 엉뚱한 칸에 쌓입니다 (dx의 모양은 맞음).",
            "창이 있던 자리에 더하세요: dxp[i*stride:i*stride+KH, j*stride:j*stride+KW] += dy[i, j] * w.",
        ),
        Err(ConvMistake::CropEndOnly) => (
            "dx가 dxp[:H, :W]입니다: 패딩을 아래와 오른쪽에서만 잘라, 위와 왼쪽의 패딩은 남고 아래와 오른쪽의 실제 칸은 잘려 나갑니다.",
            "양쪽을 자르세요: dxp[P:P+H, P:P+W].",
        ),
        Err(ConvMistake::CropStartOnly) => (
            "dx를 위와 왼쪽에서만 잘랐습니다: 아래와 오른쪽의 패딩이 남아 (H + P) x (W + P)입니다.",
            "끝도 자르세요: dxp[P:P+H, P:P+W].",
        ),
        Err(_) => (
            "dx가 dxp[P:-P, P:-P]입니다: padding > 0이면 맞지만 padding = 0이면 dxp[0:0, 0:0], 빈 배열입니다 (-0은 끝이 아니라 0).",
            "끝에서 세지 말고 크기로 자르세요: dxp[P:P+H, P:P+W].",
        ),
    }
}

fn part(f: &str, p: Part) -> &'static str {
    code::part(f, p).unwrap_or(match f {
        "gradient_descent_step" => "스텝(새 beta - beta)",
        "posterior" => "사후확률",
        _ => "반환값 전체",
    })
}

fn n_is(f: &str) -> &'static str {
    match f {
        "backward_gradient" => "N: 배치 크기",
        "gradient_descent_step" => "n: X의 행 수",
        _ => "n: 표본 수",
    }
}

pub fn family(f: Family) -> (String, String) {
    let fun = f.function;
    let p = part(fun, f.part);
    let rule = code::rule(fun, f.part, f.only);
    let when = if f.only == 0 { String::new() } else { format!("error={}일 때 ", code::errors(f.only)) };
    let rest = if f.only == 0 { "나머지는 모두 맞습니다" } else { "다른 오차의 스텝은 맞습니다" };
    let n = if fun == "backward_gradient" { "N" } else { "n" };
    match f.kind {
        Kind::Scaled(Factor::Two) => (
            format!("{when}모든 사례에서 {p} 값이 정답의 정확히 2배입니다. {rest}."),
            format!("남는 인수 2를 없애세요: {rule}."),
        ),
        Kind::Scaled(Factor::Half) => (
            format!("{when}모든 사례에서 {p} 값이 정답의 정확히 절반입니다 ({rest}): 인수 2가 빠졌습니다."),
            format!("인수 2를 되살리세요: {rule}."),
        ),
        Kind::Scaled(Factor::N) => (
            format!("{when}모든 사례에서 {p} 값이 정답의 정확히 {n}배입니다 ({}). {rest}.", n_is(fun)),
            format!("코드가 빠뜨린 {n}으로 나누기를 하세요 (공식은 평균인데 합을 구함): {rule}."),
        ),
        Kind::Scaled(Factor::OneOverN) => (
            format!("{when}모든 사례에서 {p} 값이 정답의 정확히 1/{n}입니다 ({}). {rest}.", n_is(fun)),
            format!("거기서는 {n}으로 나누지 마세요 (공식은 합인데 평균을 구했거나 1/{n}을 두 번 곱함): {rule}."),
        ),
        Kind::Negated if fun == "gradient_descent_step" && f.only != 0 => (
            format!(
                "error={}일 때 스텝의 크기는 맞지만 오르막으로 갑니다. 다른 오차의 스텝은 맞으므로 갱신과 잔차는 맞고, 그 기울기에서 마이너스가 빠졌습니다.",
                code::errors(f.only)
            ),
            format!("그 기울기에 마이너스를 붙이세요: {rule}."),
        ),
        Kind::Negated if fun == "gradient_descent_step" => (
            "모든 스텝의 크기는 맞지만 오르막으로 갑니다: 새 beta가 beta + lr * 기울기입니다.".to_string(),
            "세 오차가 함께 쓰는 부호 하나를 뒤집으세요: 갱신에서 lr * 기울기를 더하고 있다면 빼고, 이미 빼고 있다면 잔차가 거꾸로입니다: e = y - X @ beta.".to_string(),
        ),
        Kind::Negated => (
            format!("{p}의 크기는 맞지만 모든 사례에서 부호가 반대입니다. 나머지는 모두 맞습니다."),
            format!("거기 붙은 부호를 뒤집으세요: {rule}."),
        ),
        Kind::Swapped(q) => (
            format!("{p}, {} 두 값이 서로 바뀌었습니다: 각자 상대의 정답을 담고 있습니다.", part(fun, q)),
            format!("문제의 순서대로 반환하세요: {}.", code::returns(fun)),
        ),
        Kind::Transposed => (
            format!("{p} 행렬이 정답 행렬의 전치입니다: 행이 정답의 열입니다."),
            format!("{p} {} 모양으로 반환하세요: .T를 빼거나 [행, 열] 순서로 채우세요.", code::shape(fun, f.part)),
        ),
        Kind::Truncated => (
            format!(
                "{p}에 정수만 들어 있습니다: 정수 배열에 저장하면서 정답의 소수 부분이 잘려 나갔습니다 (정수 입력으로 만든 np.zeros_like는 그 dtype을 따름)."
            ),
            format!("실수로 계산하세요. 예를 들어 한 식으로: {rule}."),
        ),
        Kind::OnlyPart => (
            format!("{fun} 함수가 {p}만 반환하며, 그 값은 맞습니다. 빠진 것: {}.", code::others(fun, f.part)),
            format!("전부 반환하세요: {}.", code::returns(fun)),
        ),
        Kind::Restructured => (
            format!("{fun} 함수가 맞는 수를 맞는 순서로 반환하지만, 다른 구조로 묶었습니다."),
            format!("이 구조 그대로 반환하세요: {}.", code::returns(fun)),
        ),
    }
}
