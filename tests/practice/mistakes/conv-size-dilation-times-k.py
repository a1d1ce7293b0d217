def conv_output_size(H, W, KH, KW, stride=1, padding=0, dilation=1):
    span_h = dilation * KH
    span_w = dilation * KW
    oh = (H + 2 * padding - span_h) // stride + 1
    ow = (W + 2 * padding - span_w) // stride + 1
    return oh, ow
