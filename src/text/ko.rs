//! 한국어. Written for a Korean learner with the field's usual terms
//! (합성곱, 패딩, 스트라이드, 역전파, 기울기 소실, 연쇄 법칙, 사전확률,
//! 사후확률, 증거), not word for word. Math notation stays as it is.

use super::ko_particle::eun_neun;
use super::*;

pub static KO: Text = Text {
    lang: Lang::Ko,
    lang_name: "한국어",
    app_name: "deepstep",
    home_title: "deepstep: 딥러닝 첫 주의 수학을 한 프레임씩",
    home_due: |n| format!("(복습할 문제 {n}개)"),
    home_intro: "위/아래(j/k)로 단원을 고르고 Enter로 여세요. 모든 키는 ?로 볼 수 있습니다.",
    lessons: LessonTexts {
        conv: LessonText {
            name: "합성곱", blurb: "커널이 입력 위를 미끄러지는 과정을 순전파와 역전파로 한 프레임씩."
        },
        rnn: LessonText { name: "RNN과 BPTT", blurb: "펼친 시간축, BPTT, 기울기 소실과 폭주." },
        quiz: LessonText {
            name: "퀴즈",
            blurb: "연쇄 법칙과 베이즈 정리, 합성곱, RNN, 최대우도. 틀린 문제는 복습으로.",
        },
        review: LessonText { name: "복습", blurb: "지금 복습할 때가 된 퀴즈 문제만 (FSRS 일정)." },
        stats: LessonText {
            name: "통계", blurb: "주제별 정답률, 기억 유지율, 최근 30일, 앞으로 복습할 문제."
        },
        count_rnn: LessonText {
            name: "실습: 1의 개수 세기 RNN",
            blurb: "dL/dw_x, dL/dw_rec를 구하는 BPTT 반복문, 손실 곡면, Rprop.",
        },
        practice: LessonText {
            name: "코드 연습: 직접 쓰기",
            blurb: "이번 주의 코드를 Python으로 쓰면 저장할 때마다 확인하고, 틀린 숫자의 실수를 짚어 줍니다.",
        },
        mle: LessonText {
            name: "실습: 최대우도 추정",
            blurb: "정규분포의 μ̂와 σ̂를 내 숫자로 유도, σ̂²의 편향, 범주형 분포의 최대우도.",
        },
        gd: LessonText {
            name: "실습: 경사 하강법",
            blurb: "f(x)나 f(x, y)를 입력하고 반복문을 숫자와 함께 한 걸음씩, 학습률의 한계, 흔한 실수.",
        },
        linreg: LessonText {
            name: "실습: 선형 회귀", blurb: "경사 하강법, 학습률의 한계, SSE와 MSE와 ||e||."
        },
    },
    lr_diverged: |n| format!("발산: 값이 넘치기 전에 {n}번 갱신 후 멈췄습니다(학습률이 안정 한계보다 큽니다)"),
    gd_diverged: |n| {
        format!("발산: 손실이 넘치기 전에 {n}번 갱신 후 멈췄습니다(|w_rec| > 1은 절벽입니다. 더 작은 --lr을 써 보세요)")
    },
    too_small: |need_w, need_h, w, h| {
        format!(
            "터미널이 너무 작습니다: 최소 {need_w}×{need_h} 크기가 필요합니다(지금 {w}×{h}). 창을 키우거나 q로 끝내세요."
        )
    },
    not_a_terminal: |command| {
        format!("deepstep: 표준 출력이 터미널이 아닙니다. 일반 텍스트는 `deepstep {command} --print`를 쓰세요")
    },
    help_title: "키",
    help_close: "? 또는 Esc로 닫기",
    keys: KeyText {
        quit: "끝내기",
        back: "뒤로",
        help: "도움말",
        suspend: "일시 중지 (fg로 재개)",
        up_down: "이동",
        next_view: "다음 패널",
        review_now: "지금 복습할 문제 풀기",
        next_line: "유도의 다음 줄",
        prev_line: "이전 줄",
        first_last_line: "첫 줄 / 마지막 줄",
        move_surface: "곡면 위에서 이동 (위아래 σ, 좌우 μ)",
        ascend: "경사 상승 5스텝",
        reset_path: "커서에서 경로 다시 시작",
        open_linreg: "선형 회귀 실습 열기 (최소제곱은 가우시안 MLE)",
        open: "열기",
        open_number: "그 번호의 단원 열기",
        next_frame: "다음 프레임",
        prev_frame: "이전 프레임",
        first_last: "처음 / 마지막 프레임",
        fine: "탭 하나 더하기 (창은 표시된 채, >x<가 그 탭)",
        play: "재생 / 멈춤",
        speed: "느리게 / 빠르게",
        mode: "순전파 / dW / dX",
        knob_select: "조절값 고르기",
        knob_dec: "조절값 내리기",
        knob_inc: "조절값 올리기",
        link_axes: "높이와 너비 묶기",
        preset: "커널 프리셋",
        sample: "입력 예시",
        random_dy: "무작위 dY",
        predict: "예측 모드",
        click: "출력 칸으로 이동",
        submit: "예측 제출",
        cancel: "예측 건너뛰기",
        delete: "한 글자 지우기",
        caret: "커서 옮기기",
        ctrl_c: "바로 끝내기",
        next_step: "다음 단계(순전파, 그다음 BPTT 역방향)",
        prev_step: "이전 단계",
        first_last_step: "순전파 첫 단계 / 역방향 마지막 단계",
        chart: "다음 그래프",
        zoom: "(1, 1) 근처 확대",
        gd_step: "경사 하강 한 스텝",
        rprop_step: "Rprop 한 스텝",
        lr: "학습률 ÷10 / ×10",
        data: "튜토리얼 / 무작위 데이터",
        move_cursor: "곡면 위에서 이동(w/s: w_rec 위/아래, a/d: w_x 왼쪽/오른쪽)",
        rprop_run: "Rprop 50스텝",
        next_iteration: "BPTT 반복문의 다음 반복",
        prev_iteration: "이전 반복",
        first_last_iteration: "반복 없음 / 전부",
        step_once: "한 번 갱신",
        run_50: "50번 갱신",
        reset: "β를 0으로",
        sgd: "경사 하강법 / 미니배치 SGD",
        measure: "다음 오차 척도(보는 값과 따라가는 기울기 모두, 처음부터)",
        gradient_used: "사용할 기울기 바꾸기(혼동 실험)",
        features: "특성 1개 / 3개",
        submit_entry: "입력한 것 쓰기",
        cancel_entry: "취소하고 그대로 두기",
        lr_down: "학습률 내리기",
        lr_up: "학습률 올리기",
        choose: "답 고르기",
        pick_term: "다음 항 고르기",
        undo_term: "마지막 항 되돌리기",
        answer: "답 제출",
        hint: "힌트",
        skip: "건너뛰기",
        next_question: "다음 문제",
        new_round: "새 라운드",
        type_number: "숫자 입력",
        scroll: "설명 스크롤",
        scroll_page: "스크롤",
        lang: "English / 한국어",
        export: "학습 노트 쓰기(Markdown)",
    },
    conv: ConvText {
        title: "합성곱 실습",
        input: "입력 x",
        kernel: "커널 w",
        kernel_of: |co| format!("출력 채널 {co}의 커널 w"),
        flipped_kernel: "180° 뒤집은 커널",
        output: "출력 y",
        dy: "다음 층에서 전해진 기울기 dY (upstream)",
        spread_dy: "스트라이드만큼 펼치고 dX 크기에 맞춰 패딩(또는 잘라낸) dY",
        forward_formula: "y = x ⋆ w + b",
        grad_w: "dW = x ⋆ dY",
        grad_x: "dX = dY ⋆ flip(w)",
        knobs: "조절값",
        mode_forward: "순전파",
        mode_grad_w: "역전파: dW",
        mode_grad_x: "역전파: dX",
        mode_explain_forward: "출력 하나는 커널 아래 창의 값들을 칸마다 곱해 모두 더한 것입니다.",
        mode_explain_grad_w: "dW는 입력과 dY의 상호상관이고, dY가 커널 자리에 있습니다. 다만 역할이 바뀌어 dY의 탭은 S칸(스트라이드) 간격, 위치는 D칸(팽창) 간격입니다. S = D = 1이면 커널이 움직였던 그대로 미끄러집니다.",
        mode_explain_grad_x: "dX는 스트라이드만큼 펼친 dY(원소 사이에 0이 S − 1개) 위에서 180° 뒤집은 커널(탭 간격은 그대로 D)을 미끄러뜨립니다. dY는 D(K−1) − P만큼 패딩하고(P가 더 크면 잘라내고), 어떤 창도 닿지 않은 입력 행에 해당하는 0을 끝에 더합니다. 이것도 상호상관입니다.",
        knob_names: [
            "입력",
            "입력 높이",
            "입력 너비",
            "커널 높이",
            "커널 너비",
            "커널 프리셋",
            "스트라이드 높이",
            "스트라이드 너비",
            "패딩 높이",
            "패딩 너비",
            "팽창(dilation) 높이",
            "팽창(dilation) 너비",
            "입력 채널",
            "출력 채널",
        ],
        on: "켜짐",
        off: "꺼짐",
        linked: "축 묶음",
        presets: ["항등", "박스 블러", "소벨 x", "소벨 y", "선명하게", "라플라시안", "무작위 정수"],
        sample_names: ["램프", "체커보드", "무작위 정수", "직접 입력"],
        custom_kernel: "직접 입력한 커널",
        frame_label: "프레임",
        predict_label: "예측",
        running_sum: "누적 합",
        digit: |label| format!("손글씨 {label}"),
        frame_of: |n, total| format!("프레임 {n}/{total}"),
        frame_of_hidden: |n| format!("프레임 {n}/?"),
        more_sideways: "◂▸",
        more_above: "▴",
        more_below: "▾",
        arithmetic_hidden: "창과 그 창이 채울 출력 칸이 표시되어 있습니다. 계산은 답한 뒤에 나옵니다.",
        size_hidden: "창, 출력 격자와 계산은 답한 뒤에 나옵니다.",
        tap_of: |n, total| format!("탭 {n}/{total}"),
        playing: "재생 중",
        paused: "멈춤",
        speed_ms: |ms| format!("프레임당 {ms} ms"),
        channel: |c| format!("채널 {c}"),
        padding_legend: ". 패딩(0)",
        dx_frame: |axis, before, after, r| {
            let end = |n: isize| match n {
                0 => "없음".to_string(),
                n if n > 0 => format!("0 {n}칸"),
                n => format!("{}칸 잘라 냄 (P > D(K−1): 그 부분은 입력의 패딩)", -n),
            };
            let why = if r > 0 {
                format!(" (끝이 시작보다 {r}칸 더: 순전파에서 내림이 버린 위치)")
            } else {
                String::new()
            };
            format!("{axis}: 펼친 dY 앞에 {}, 뒤에 {}{why}", end(before), end(after))
        },
        unread_legend: "(x) 창이 닿지 않는 칸",
        floor_drops: |axis, n, s, q, r| format!("{axis}: ⌊{n}/{s}⌋ = {q}, 나머지 {r}칸은 버려짐"),
        gap_legend: "_ 스트라이드 틈(0)",
        invalid: "적용하지 않음",
        fixed_size: "이 입력은 크기가 고정되어 있습니다. 크기를 바꾸려면 생성된 입력(램프, 체커보드, 무작위)을 고르세요",
        preset_is_3x3: |p| format!("{p} 커널은 3×3뿐입니다. 크기를 바꾸려면 다른 프리셋(p)을 고르세요"),
        resized_for: |p| format!("커널을 3×3으로 바꿨습니다: {p} 커널은 3×3뿐입니다."),
        second_preset: |p| format!("출력 채널 1은 다음 프리셋을 씁니다: {p}"),
        switch_panel: "격자 / 조절값 먼저",
        selected_knob: |name, value| format!("고른 조절값: {name}: {value}   (Tab: 조절값 패널 보기)"),
        predict_value: "이 값을 예측해서 Enter(Esc는 건너뛰기):",
        predict_size: "구조가 바뀌었습니다. 출력 크기를 OH×OW 꼴로 예측해서 Enter(Esc는 건너뛰기):",
        right: "맞았습니다!",
        wrong: |answer| format!("아쉽네요: 답은 {answer}입니다."),
        // Each slip is a "~한 경우" noun phrase, so that two or three read
        // joined by 또는 ("~면 또는 ~면" does not).
        wrong_slip: |answer, guess, slips| {
            format!("아쉽네요: 답은 {answer}입니다. {slips}에 나오는 값이 {guess}입니다.")
        },
        size_slips: [
            "+ 1을 빠뜨린 경우",
            "패딩을 한쪽에만 더한 경우(H + 2P 대신 H + P)",
            "팽창을 무시한 경우(D(K − 1) 대신 K − 1)",
        ],
        slip_flipped: "커널을 180° 뒤집은 경우(이 층은 PyTorch처럼 뒤집지 않습니다)",
        slip_one_channel: |c| format!("채널 {c}만 더한 경우(모든 입력 채널의 곱을 더합니다)"),
        slip_or: " 또는 ",
        not_a_number: "숫자를 입력하세요(예: 12, -3.5, 1/4).",
        score: |right, total| format!("맞힌 예측: {right}/{total}"),
        digits_credit: "숫자 이미지: UCI optical digits (Alpaydin & Kaynak 1998), CC BY 4.0",
        axis_names: ["높이", "너비"],
        err_zero: |setting, axis| format!("{setting}({axis}) 값은 1 이상이어야 합니다. 지금은 0입니다"),
        err_kernel_too_large: |axis, letter, span, padded| {
            format!(
                "커널이 {axis} 방향으로 너무 큽니다: 커널 범위 D·(K−1)+1 = {span}, 패딩한 입력 {letter}+2P = {padded}. 범위가 입력보다 커서 출력이 비게 됩니다"
            )
        },
        err_too_large: |axis| format!("{axis} 설정이 너무 커서 계산할 수 없습니다"),
        err_channels: |k, i| format!("커널은 입력 채널 {k}개를 기대하지만 입력의 채널은 {i}개입니다"),
        err_bias: |e, g| format!("편향 값은 {g}개인데 출력 채널은 {e}개입니다"),
        err_dy_shape: |e, g| format!("dY는 출력과 같은 모양이어야 합니다: 출력 {e}, dY {g}"),
        setting_names: ["스트라이드", "팽창(dilation)", "커널 크기", "입력 크기"],
    },
    rnn: RnnText {
        switch_panel: "시간축 / 차트",
        switch_panel_matrices: "시간축 / 차트 / dL/dW",
        loss_formula: "마지막 단계의 손실 L = Σ_i h_T,i: BPTT는 dL/dh_T = (1, …, 1)에서 시작",
        split: |t, p, f, g, w| format!("{t} → {p}단계: ×{f} = ×{g} (tanh′ ⊙ dL/dh_{t}: 게이트) × {w} (W_recᵀ)"),
        split_linear: |t, p, f| format!("{t} → {p}단계: ×{f}, 모두 W_recᵀ에서 (선형 셀에는 게이트가 없음)"),
        rate_not_yet: "측정: 아직 없음 (BPTT가 충분히 거슬러 가지 않았습니다)",
        after_bptt: "BPTT가 1단계까지 가면 보입니다",
        computing: "계산 중…",
        title: "RNN 실습",
        phase_forward: "순전파: h_t 채우기",
        phase_backward: "역방향: 마지막 단계에서 첫 단계로 BPTT",
        step_of: |t, total| format!("단계 t = {t} / {total}"),
        timeline: "펼친 시간축 (h_{t-1} -> h_t)",
        row_t: "t",
        row_h: "||h_t||",
        row_x: "||x_t||",
        row_dh: "||dL/dh_t||",
        cut: "잘림",
        knobs: "조절값",
        knob_names: [
            "셀",
            "스펙트럼 반경 ρ",
            "길이 T",
            "은닉 크기 H",
            "입력 배율",
            "LSTM 망각 편향",
            "잘린 BPTT k",
            "클리핑 임계값",
            "시드",
        ],
        cell_names: ["선형", "tanh RNN", "LSTM", "GRU"],
        off: "꺼짐",
        chart_distance: "손실로부터의 거리 T − t에 따른 log10 ||dL/dh_t||",
        chart_cells: "같은 입력에서 tanh RNN, LSTM, GRU",
        chart_length: "시퀀스 길이 T가 늘 때 log10 ||dL/dh_1||",
        axis_distance: "T − t",
        axis_length: "T",
        axis_norm: "||dL/dh||",
        measured: "측정값",
        reference_linear: "∝ ρ^(T−t)",
        reference_tanh: "상한 ∝ ||W_rec||^(T−t)",
        rate: |f| format!("측정: 한 단계 거슬러 갈 때마다 ×{f}"),
        no_rate: "측정: 아직 비율이 없습니다(비율은 손실에서 먼 절반의 단계들로 맞추며, 그 절반에 0이 아닌 기울기가 두 개 있어야 합니다)",
        running: |wx, wrec| format!("누적 ||dL/dW_x|| = {wx}   ||dL/dW_rec|| = {wrec}"),
        running_before_clip: |wx, wrec| format!("누적 ||dL/dW_x|| = {wx}   ||dL/dW_rec|| = {wrec} (클리핑 전)"),
        running_matrices: "누적 dL/dW_rec",
        running_wx: "누적 dL/dW_x",
        matrices_panel: "누적 가중치 기울기",
        matrices_on_tab: "▾ dL/dW는 Tab",
        vector_more: |n| format!("…\u{a0}모두\u{a0}{n}개"),
        click_step: "누른 단계로 이동",
        no_rate_short: |t| {
            format!("측정: 비율 없음: 비율은 손실에서 먼 단계들로 맞추는데, T = {t}에는 그런 단계가 두 개보다 적습니다")
        },
        slip_gate_only: |g, w| {
            format!(
                "{} 게이트 diag(tanh′)만의 배율입니다. 이 단계는 W_recᵀ의 ×{w}도 곱합니다.",
                eun_neun(&["×", g].concat())
            )
        },
        slip_recurrent_only: |g, w| {
            format!(
                "{} W_recᵀ만의 배율입니다. 이 단계는 게이트 diag(tanh′)의 ×{g}도 거칩니다.",
                eun_neun(&["×", w].concat())
            )
        },
        bound_gate_most: |g, w| {
            format!("재어 보면 주로 게이트 탓입니다: 한 단계마다 아래 비율 = diag(tanh′) ×{g} · W_recᵀ ×{w}.")
        },
        bound_w_most: |g, w| {
            format!("재어 보면 주로 W_recᵀ 탓입니다: 한 단계마다 아래 비율 = W_recᵀ ×{w} · diag(tanh′) ×{g}.")
        },
        not_applicable: "없음",
        explanation_rest: "… (설명 전체: e를 누르면 학습 노트에 씁니다)",
        clip: |th, before, after| format!("{th}에서 클리핑: ||기울기|| {before} -> {after}"),
        why_linear: |rho, trend| {
            format!(
                "한 단계 거슬러 갈 때마다 기울기에 W_recᵀ가 곱해집니다(선형 셀에는 f′가 없습니다). 그래서 손실에서 먼 곳에서는 단계마다 W_rec의 스펙트럼 반경 ρ의 배율로 변하고(ρ = {rho}), 기울기는 {trend}. 여기서 W_rec는 대칭이라 ρ는 가장 큰 특이값 σ_max와도 같습니다."
            )
        },
        trend_shrinks: "기하급수적으로 줄어듭니다(기울기 소실)",
        trend_grows: "기하급수적으로 커집니다(기울기 폭주)",
        trend_holds: "크기를 유지합니다",
        why_linear_not_yet: |rho, long| {
            format!(
                "한 단계 거슬러 갈 때마다 기울기에 W_recᵀ가 곱해집니다(선형 셀에는 f′가 없습니다). 손실에서 멀어져 W_rec의 가장 큰 방향이 지배하게 되면 단계마다 W_rec의 스펙트럼 반경 ρ의 배율로 변하므로(ρ = {rho}), 충분히 많은 단계를 거치면 기울기는 {long}. 하지만 여기서 측정한 단계들에서는 W_rec의 다른 방향들이 아직 섞여 있어 그 경향이 아직 드러나지 않았습니다. 여기서 W_rec는 대칭이라 ρ는 가장 큰 특이값 σ_max와도 같습니다."
            )
        },
        trend_long_shrinks: "줄어듭니다",
        trend_long_grows: "커집니다",
        why_tanh_bound: |sigma| {
            format!(
                "한 단계 거슬러 갈 때마다 기울기에 diag(tanh′)·W_recᵀ가 곱해지고 tanh′ ≤ 1이므로, 한 단계에 늘어나는 배율은 W_rec의 가장 큰 특이값 σ_max 이하입니다(σ_max = {sigma}, 여기서는 W_rec가 대칭이라 ρ와 같음). σ_max < 1이면 기울기 소실이 확실합니다(Pascanu 외)."
            )
        },
        why_tanh_saturated: |sigma, slope| {
            format!(
                "σ_max ≥ 1이면 기울기가 커질 수는 있지만 반드시 커지지는 않습니다(σ_max = {sigma}). 유닛이 충분히 포화되어(평균 tanh′ = {slope}) 측정한 단계들에서 평균적으로 diag(tanh′)가 줄이는 몫이 W_recᵀ가 늘리는 몫보다 크므로, 기울기는 결국 소실됩니다."
            )
        },
        why_tanh_both_shrink: |sigma, stretch, slope| {
            format!(
                "σ_max ≥ 1이면(σ_max = {sigma}) 기울기가 커질 수 있지만, 기울기가 향하는 방향에서는 W_recᵀ도 기울기를 줄이고(측정한 비율 중 W_recᵀ 몫: 한 단계에 ×{stretch}) diag(tanh′)(평균 tanh′ = {slope})가 더 줄이므로, 기울기는 소실됩니다."
            )
        },
        why_tanh_grows: |sigma, slope| {
            format!(
                "σ_max ≥ 1이고(σ_max = {sigma}), 측정한 단계들에서 평균적으로 기울기가 향하는 방향에서 diag(tanh′)가 줄이는 몫(평균 tanh′ = {slope})이 W_recᵀ가 늘리는 몫보다 작아 기울기가 거슬러 갈수록 커집니다(기울기 폭주). 흔한 처방은 클리핑입니다."
            )
        },
        why_tanh_open: |sigma, slope| {
            format!(
                "σ_max ≥ 1이면(σ_max = {sigma}) 기울기가 커질 수 있지만, 실제로 커지는지는 유닛이 얼마나 포화되었는지에 달려 있습니다(평균 tanh′ = {slope}). 시퀀스가 더 길면 측정된 비율이 보입니다."
            )
        },
        why_tanh_not_yet: |sigma, slope| {
            format!(
                "σ_max ≥ 1이면(σ_max = {sigma}) 기울기가 커질 수 있지만, 실제로 커지는지는 유닛이 얼마나 포화되었는지에 달려 있습니다(평균 tanh′ = {slope}). BPTT로 몇 단계 거슬러 가면 측정된 비율이 어느 쪽인지 보여 줍니다."
            )
        },
        why_lstm: |f, b| {
            format!(
                "LSTM의 셀 경로 c_t = f ⊙ c_{{t−1}} + i ⊙ g는 덧셈입니다. 이 경로를 따라 곧장 거슬러 가면 기울기에 망각 게이트 f가 곱해지는데, 여기서 f의 평균은 {f}입니다(망각 편향 {b}). 편향을 키우면 f가 1에 가까워져 이 경로를 한 단계 거슬러 갈 때마다 기울기가 더 많이 남습니다. 하지만 |c_t|도 커져 tanh′(c_t)가 작아지면 애초에 이 경로로 들어오는 기울기가 적으므로, 단계 1까지 닿는 기울기가 꼭 커지지는 않습니다. h_{{t−1}}과 게이트를 거치는 다른 경로가 여기에 더해집니다."
            )
        },
        why_gru: |z| {
            format!(
                "GRU의 h_t = (1 − z) ⊙ n + z ⊙ h_{{t−1}}에는 직접 경로가 있습니다. 이 경로를 따라 곧장 거슬러 가면 기울기에 업데이트 게이트 z가 곱해지는데, 여기서 z의 평균은 {z}입니다. z가 1에 가까운 곳에서는 기울기가 거의 그대로 거슬러 흐릅니다."
            )
        },
        measured_per_step: |rate| format!("측정값: 한 단계 거슬러 갈 때마다 {rate}배."),
        explain_truncation: "잘린 BPTT는 k단계 뒤에서 역방향 흐름을 끊습니다. 그보다 앞의 단계는 이 손실에서 정확히 0의 기울기를 받습니다. 이 실습은 손실 항마다 k단계 뒤까지의 창을 따로 둡니다(모든 단계에 손실이 있으면 O(T·k) 계산). 흔히 쓰는 k단계마다 끊는(detach) 방식은 시퀀스를 k개씩 잘라 시간과 메모리가 덜 들지만, 손실이 자기 조각의 시작까지만 거슬러 갑니다.",
        explain_clip: "클리핑은 매개변수 기울기 전체가 임계값보다 크면 그 길이로 줄입니다. 방향은 그대로입니다.",
        predict_growth: |from, to| {
            format!(
                "단계 {from}부터 단계 {to}까지 갈 때 ||dL/dh||는 몇 배가 될까요? (예: 0.8은 줄어듦, 1.5는 커짐; 2배 안쪽이면 맞음; Enter)"
            )
        },
        right: |f| format!("맞았습니다: ×{f}."),
        wrong: |f| format!("아쉽네요: 실제로는 ×{f}만큼 바뀝니다."),
        not_a_factor: "0.8이나 1.5 같은 양수 배율을 입력하세요.",
        score: |right, total| format!("맞힌 배율 예측: {right}/{total}"),
        cell_formulas: CELL_FORMULAS,
        backward_formula: BACKWARD_FORMULA,
        lstm_backward_formula: LSTM_BACKWARD_FORMULA,
        row_column: "스칼라로 쓰면(1의 개수 세기 실습) 한 단계는 S_k = S_{k−1}·w_rec + x_k·w_x입니다. 벡터로는 같은 단계가 h_t = W_rec h_{t−1} + W_x x_t입니다(열 형식, 배치를 행으로 두는 코드는 h_{t−1} W_recᵀ로 씁니다). 역방향에서는 곱하는 수 w_rec가 W_recᵀ가 됩니다.",
        err_radius: |g| format!("스펙트럼 반경은 0.1에서 3 사이여야 합니다. 지금은 {g}입니다"),
        err_len: |g| format!("시퀀스 길이는 1에서 1000 사이여야 합니다. 지금은 {g}입니다"),
        err_hidden: |g| format!("은닉 크기는 1에서 64 사이여야 합니다. 지금은 {g}입니다"),
        err_scale: |g| format!("입력 배율은 유한한 수여야 합니다. 지금은 {g}입니다"),
        err_below_f64: |g, t| {
            format!(
                "입력 배율 {g}: h_{t}에서 기울기가 한 단계 만에 f64로 나타낼 수 있는 범위 아래로 떨어집니다(tanh나 \
                 시그모이드 유닛이 너무 포화되어 기울기와 곱한 값이 0으로 반올림됨). 그러면 0으로 보이게 되니 \
                 입력 배율을 더 작게 하세요"
            )
        },
        err_window: "잘린 BPTT의 창은 1단계 이상이어야 합니다",
        err_threshold: |g| format!("클리핑 임계값은 양수여야 합니다. 지금은 {g}입니다"),
        err_internal: |d| format!("이 설정은 계산할 수 없습니다({d})"),
    },
    count: CountText {
        title: "1의 개수 세기 RNN: S_k = S_{k−1}·w_rec + x_k·w_x, L = mean (S_T − #ones)²",
        weights: |wx, wr, l| format!("w_x = {wx}   w_rec = {wr}   L = {l}"),
        data_tutorial: "데이터: 튜토리얼의 시퀀스 20개",
        data_random: "데이터: 무작위 시퀀스 20개",
        prediction: |y, t| format!("시퀀스 1: y = S_T = {y}, 목표 y* = {t}"),
        table_title: |n| format!("BPTT 반복문, k = T부터 1까지 (시퀀스 {n}개)"),
        table_note: |n| format!("x_k, S_{{k−1}}, dL/dS_k와 항: 시퀀스 1; Δ: {n}개 모두의 합"),
        table_head: ["k", "x_k", "S_{k−1}", "dL/dS_k", "·x_k", "·S_{k−1}", "Δ dL/dw_x", "Δ dL/dw_rec"],
        table_rule: "dL/dS_T = 2(y − y*)/N,  dL/dS_{k−1} = dL/dS_k · w_rec",
        table_totals: |gx, gr| format!("지금까지의 합: dL/dw_x = {gx}, dL/dw_rec = {gr}"),
        loop_hint: "오른쪽 화살표로 반복문을 한 번씩 실행하세요.",
        switch_panel: "표 / 곡면 / 검사",
        surface: "손실 곡면, log10 L",
        surface_zoom: "손실 곡면, log10 L, 확대",
        surface_axes: [
            "w_x는 오른쪽으로, w_rec는 위로 커짐, 둘 다 [-3, 3] 범위",
            "w_x는 오른쪽으로, w_rec는 위로 커짐, 둘 다 (1, 1) 근처 [0.5, 1.5] 범위",
        ],
        surface_legend: "[] 커서   ** 경로   () 완벽한 세기 (1, 1)   밝을수록 손실이 큼 (절벽: |w_rec| > 1)",
        check: "기울기 검사 (중심 차분, h = 1e-6)",
        check_row: |n, a, num, rel| format!("{n}: 해석적 {a}   수치적 {num}   상대 오차 {rel}"),
        mistakes: "흔한 실수: 버그 있는 반복문이 계산하는 값",
        mistake_names: ["g += ... 대신 g = ...", "S_{k−1} 자리에 S_k", "× w_rec 빠뜨림", "인수 2 빠뜨림", "1/N 빠뜨림"],
        mistake_row: |n, gx, gr, off| format!("{n}: ({gx}, {gr})  차이 {off}"),
        right_row: |gx, gr| format!("정답: (dL/dw_x, dL/dw_rec) = ({gx}, {gr})"),
        lr: |lr| format!("학습률 {lr}"),
        predict_prompt: |k| {
            format!("k={k}, 시퀀스 1: dL/dS_k, dL/dS_k·x_k, dL/dS_k·S_{{k−1}}을 쉼표로 구분해 입력하고 Enter")
        },
        graded: |d, x, r| {
            format!(
                "dL/dS_k: 입력 {}, 정답 {} ({})   dL/dS_k·x_k: 입력 {}, 정답 {} ({})   dL/dS_k·S_{{k−1}}: 입력 {}, 정답 {} ({})",
                d[0], d[1], d[2], x[0], x[1], x[2], r[0], r[1], r[2]
            )
        },
        agrees: "정답",
        off_by: |off| format!("차이 {off}"),
        not_numbers: "쉼표로 구분한 숫자 세 개를 입력하세요.",
        overshot: |a, b, dx, dr, lr| {
            format!(
                "이 스텝은 L을 {a}에서 {b}로 키웠습니다: 학습률 {lr} × 기울기가 w를 ({dx}, {dr})만큼 옮겨 기울기 방향의 가장 낮은 점을 지나쳤습니다. 학습률을 낮추거나([) 기울기의 부호만 쓰는 Rprop(r)을 써 보세요."
            )
        },
        path_full: "경로가 담을 수 있는 최대인 10000스텝에 이르렀습니다. 새로 시작하려면 커서를 움직이세요(w a s d).",
        diverged: "이 스텝은 손실을 넘치게 합니다. 학습률을 낮추세요([).",
        left_surface: |x, r| {
            format!(
                "스텝이 그려진 곡면 밖의 (w_x, w_rec) = ({x}, {r})로 갔습니다. 경로는 거기서 그려지지 않은 채 이어집니다."
            )
        },
        message_more: "… (이 메시지의 나머지: Tab, 다른 패널에서)",
        slip: |v, name| format!("{} \"{name}\" 실수가 있는 루프가 내는 값입니다.", eun_neun(v)),
        cursor_off_view: |x, r| format!("[]를 그리지 않음: (w_x, w_rec) = ({x}, {r})는 이 범위 밖에 있습니다."),
        path_summary: |n, a, b| format!("경로: {n}스텝, {a}에서 {b}까지"),
        loop_formulas: LOOP_FORMULAS,
        loop_why: "w_x와 w_rec는 모든 단계에서 쓰이므로 단계마다 같은 기울기에 항을 더합니다(=가 아니라 +=). dL/dS_k는 w_rec를 곱하며 한 단계씩 거슬러 가므로 |w_rec| > 1이면 폭주합니다.",
    },
    mle: super::ko_mle::KO_MLE,
    gd: super::ko_gd::KO_GD,
    linreg: LinregText {
        title_line: |line, noise| format!("경사 하강법으로 선형 회귀: {line} + {noise}·잡음"),
        title_features: "경사 하강법으로 선형 회귀: 특성 3개",
        switch_panel: "차트 / 오차 척도",
        scatter: "데이터와 적합 직선",
        beta_table: "특성별 현재 β와 최소제곱 β",
        data: "데이터",
        fitted: "적합 직선",
        least_squares: "최소제곱",
        loss_curve: "스텝마다 log10 손실",
        loss_name: "손실",
        floor_name: "최소제곱 하한",
        axis_step: "스텝",
        state: |s, b, n, l| format!("스텝 {s}: β = [{b}] {n}   손실 = {l}"),
        // "직선의 기울기" for the slope: a bare 기울기 is the gradient in this lab.
        beta_names: |k| {
            if k <= 1 { "(절편, 직선의 기울기)".to_string() } else { format!("(절편, w_1..w_{k})") }
        },
        lstsq: |b| format!("최소제곱: β = [{b}]"),
        rate: |lr, name, h, lim| format!("학습률 {lr}   {name} 기울기의 안정 한계 2/λ_max({h}) = {lim}"),
        rate_no_limit: |lr, name| {
            format!("학습률 {lr}   {name}에는 고정된 안정 한계가 없습니다(β에 대해 이차식이 아님). 손실을 지켜보세요")
        },
        above_limit: "쓰는 기울기의 한계보다 큼: 경사 하강법이 발산합니다",
        rate_sgd: |lr, name, b, lim| {
            format!(
                "학습률 {lr}   크기 {b}인 미니배치에서 {name} 기울기의 안정 한계 {lim}(이보다 작으면 어떤 미니배치 스텝도 지나치지 않음)"
            )
        },
        above_limit_sgd: "미니배치의 한계보다 큼: 일부 스텝이 지나쳐 SGD가 발산할 수 있습니다",
        loss_rose: "마지막 스텝에서 손실이 커졌습니다. 여기서는 학습률이 너무 큽니다",
        history_full: "실습이 담을 수 있는 최대인 10000스텝에 이르렀습니다. 다시 하려면 초기화(0)하세요",
        diverged: "발산: 다음 스텝이 넘칩니다. 학습률을 낮추고(-) 초기화하세요(0)",
        mode_gd: "전체 배치 경사 하강법",
        mode_sgd: |b| format!("미니배치 SGD, 배치 {b}"),
        errors: "오차 척도와 그 기울기 (e = y − Xβ)",
        measure_names: MEASURE_NAMES,
        formulas: LINREG_FORMULAS,
        watched: "관찰 중",
        used: "사용 중인 기울기",
        mismatch: |u, w, r| format!("혼동: 관찰은 {w}, 스텝은 {u}의 기울기로 하면 스텝이 올바른 스텝의 {r}배입니다"),
        matched: "기울기가 관찰 중인 오차와 일치합니다",
        gradient_values: |w, gw, u, gu| format!("이 β에서: ∇{w} = [{gw}]   ∇{u}(사용) = [{gu}]"),
    },
    quiz: super::ko_quiz::KO_QUIZ,
    practice: super::ko_practice::KO_PRACTICE,
    note: NoteText {
        written: |p| format!("노트를 {p}에 썼습니다"),
        frames_omitted: |n| format!("... 앞의 프레임 {n}개 생략 (`deepstep conv --print`는 모두 씁니다)"),
        failed: |r| format!("노트를 쓰지 못했습니다: {r}"),
        created: |d| format!("deepstep이 {d}에 작성."),
        settings: "설정",
        formulas: "공식",
        steps: "지금까지의 단계",
        explanation: "왜 그런가",
        none_yet: "(아직 없음: 먼저 앞으로 진행하세요)",
        matrices: "행렬 (? = 아직 계산하지 않음)",
        measured: "지금까지 잰 값",
        matrix_too_large: |n, r, c| {
            format!("{n}: {r}×{c}, 여기에 쓰기에는 너무 큽니다(`deepstep conv --print`는 모든 프레임을 씁니다)")
        },
    },
    cli: CliText {
        whole_or_pair: |o, g| format!("--{o} 값은 정수 하나 또는 \"높이,너비\" 꼴이어야 합니다. 입력: `{g}`"),
        at_most: |o, l, g| format!("--{o} 값은 {l} 이하여야 합니다. 입력: {g}"),
        between: |o, lo, hi, g| format!("--{o} 값은 {lo}에서 {hi} 사이여야 합니다. 입력: {g}"),
        channels: |o, c, side, g| format!("--{o}에는 {side}×{side} 크기 채널이 최대 {c}개까지 됩니다. 입력: {g}"),
        kernel_side: |side, g| format!("--kernel은 최대 {side}×{side}까지 됩니다. 입력: {g}"),
        dy_shape: |e, g| format!("--dy는 출력과 같은 모양(채널×행×열) {e}이어야 합니다. 입력: {g}"),
        matrix_empty: "행렬이 비어 있습니다",
        matrix_not_numeric: |ch, r, c, t| format!("채널 {ch}, {r}행 {c}열: `{t}`은(는) 숫자가 아닙니다"),
        matrix_ragged: |ch, r, g, e| {
            format!("채널 {ch}, {r}행의 값은 {g}개인데 1행은 {e}개입니다(행의 길이가 같아야 합니다)")
        },
        matrix_channel_shape: |c, g, e| format!("채널 {c}의 크기는 {g}인데 채널 1은 {e}입니다"),
        cannot_read: |f, r| format!("{f} 파일을 읽을 수 없습니다: {r}"),
        progress_not_used: |why| format!("{why} 이번 문제는 아직 아무것도 답하지 않은 것으로 보고 골랐습니다."),
        not_finite: |o, g| format!("--{o} 값은 유한한 수여야 합니다. 입력: {g}"),
        write_failed: |r| format!("출력을 쓸 수 없습니다: {r}"),
        not_regular: |f| format!("{f}은(는) 일반 파일이 아닙니다(디렉터리, 장치, 파이프는 여기서 읽을 수 없습니다)"),
        export_exists: |f| format!("{f}이(가) 이미 있습니다. 그대로 두었습니다(새 파일 이름을 정하세요)"),
        export_format: |g| format!("`{g}` 형식으로는 내보낼 수 없습니다. 내보내기 형식은 `anki` 하나입니다"),
        json_stats_only: "--format json은 --stats와 함께만 쓸 수 있습니다",
        too_large: |f, m| format!("{f} 파일이 {m} MB보다 커서 문제은행으로 볼 수 없습니다"),
        topic_empty: |t| format!("문제은행에 주제 {t}의 문제가 없습니다"),
        too_many_updates: |u, m| {
            format!("--steps와 --batch로는 갱신이 {u}번(스텝 × 에포크당 갱신)이 됩니다. 최대 {m}번까지입니다")
        },
        too_much_work: |w, m| {
            format!(
                "이 --n과 갱신 횟수로는 점-갱신을 {w}번 계산하게 됩니다(갱신마다 모든 점에서 오차를 잽니다). 최대 {m}번까지이니 --n이나 --steps를 줄이세요"
            )
        },
        not_utf8: |f, l| format!("{f}:{l}: 이 줄은 올바른 UTF-8 텍스트가 아닙니다"),
        home_not_a_terminal: "deepstep: 표준 출력이 터미널이 아닌데 홈 화면은 터미널이 있어야 합니다. `deepstep --help`에 수업 목록이 있고, 수업마다 일반 텍스트로 보는 `--print` 형식이 있으며(예: `deepstep conv --print`), `deepstep quiz --stats`는 진도를 보여 줍니다",
        home_dumb_terminal: "이 터미널(TERM=dumb)은 홈 화면을 보여 줄 수 없습니다. `deepstep --help`에 수업 목록이 있고, 수업마다 일반 텍스트로 보는 `--print` 형식이 있으며(예: `deepstep conv --print`), `deepstep quiz --stats`는 진도를 보여 줍니다",
        dumb_terminal: |c| {
            format!("이 터미널(TERM=dumb)은 전체 화면 실습을 보여 줄 수 없습니다. 대신 `deepstep {c} --print`를 쓰세요")
        },
    },
    bank: BankText {
        question: |id| format!("문제 `{id}`"),
        no_questions: "문제은행에 [[question]] 표가 없습니다",
        empty_id: "`id`가 비어 있습니다",
        duplicate_id: "이 id가 파일에 두 번 쓰였습니다",
        stray: |f| format!("`{f}` 필드는 이 종류의 문제에 쓰지 않습니다"),
        toml: |m| format!("TOML을 읽지 못했습니다(읽기 도구의 영어 설명: {m})"),
        unknown_variant: |field, got, allowed| match field {
            Some(f) => format!("`{f}`의 값 `{got}`은(는) 쓸 수 없습니다. 쓸 수 있는 값: {allowed}"),
            None => format!("`{got}`은(는) 쓸 수 없는 값입니다. 쓸 수 있는 값: {allowed}"),
        },
        missing_field: |f| format!("`{f}` 필드가 없습니다"),
        unknown_field: |f, allowed| format!("`{f}`라는 필드는 없습니다. 쓸 수 있는 필드: {allowed}"),
        option_count: |m, n| format!("객관식 문제에는 보기가 2개에서 {m}개 필요합니다. 지금은 {n}개입니다"),
        correct_range: |n, c| format!("`correct`는 1에서 {n} 사이(보기 번호)여야 합니다. 지금은 {c}입니다"),
        correct_missing: "객관식 문제에는 `correct`(정답 보기 번호, 1부터)가 필요합니다",
        wrong_without_why: |i| format!("보기 {i}번은 오답인데 `why`(그 오해에 대한 설명)가 없습니다"),
        tolerance: |g| format!("`tolerance`는 0 이상의 유한한 수여야 합니다. 지금은 {g}입니다"),
        value_not_finite: |g| format!("`value`는 유한한 수여야 합니다. 지금은 {g}입니다"),
        value_missing: "숫자 문제에는 `value`가 필요합니다",
        truefalse_why: "참/거짓 문제에는 `why`(틀린 답 뒤의 오해에 대한 설명)가 필요합니다",
        truth_missing: "참/거짓 문제에는 `truth = true` 또는 `truth = false`가 필요합니다",
        term_count: |m, n| format!("순서 문제에는 항이 2개에서 {m}개 필요합니다. 지금은 {n}개입니다"),
        terms_repeat: "항은 모두 달라야 합니다",
        integer_too_large: |f| format!("`{f}` 값은 읽을 수 없을 만큼 큰 정수입니다"),
        before_range: |m, a, b| {
            format!(
                "`before`의 쌍은 서로 다른 두 항을 1부터 최대 {m}까지의 번호로 가리켜야 합니다. 지금은 [{a}, {b}]입니다"
            )
        },
        before_empty: "`before`가 비어 있어 어떤 순서든 정답이 됩니다(쓴 순서만 정답으로 하려면 `before`를 빼세요)",
        key_breaks_before: |a, b| format!("쓴 순서가 `before`를 어깁니다. {a}번 항이 {b}번 항보다 앞에 와야 합니다"),
        template_unknown: |n, k| format!("`{n}`라는 템플릿은 없습니다(템플릿: {k})"),
        template_param_missing: |n| format!("템플릿에 필요한 `{n}`의 범위가 `params`에 없습니다"),
        template_param_unknown: |n| format!("`params`의 `{n}`은(는) 템플릿의 매개변수가 아닙니다"),
        template_range: |n| format!("`{n}`의 범위는 [최솟값, 최댓값]이고 최솟값 ≤ 최댓값이어야 합니다"),
        too_deep: |n| format!("여기서 배열과 테이블이 {n}단계보다 깊게 겹칩니다. 문제 하나에는 두세 단계면 됩니다"),
        too_long: |f, n, c| {
            format!(
                "`{f}`이(가) 문제의 글로는 너무 깁니다. {n}줄, {c}자까지 쓸 수 있습니다(긴 줄은 화면이 알아서 줄을 바꿉니다)"
            )
        },
        template_bounds: |n, lo, hi| format!("이 템플릿에서 `{n}`의 범위는 [{lo}, {hi}] 안에 있어야 합니다"),
        template_no_draw: "범위에서 뽑은 어떤 수도 계산이 받아들이지 않습니다(출력이 생기기는 하나요?)",
        placeholder: |n| format!("`{{{{{n}}}}}`은(는) 템플릿의 어떤 수도 가리키지 않습니다"),
    },
    help: super::ko_help::KO_HELP,
};
