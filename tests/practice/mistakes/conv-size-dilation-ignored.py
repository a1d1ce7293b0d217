def conv_output_size(H, W, KH, KW, stride=1, padding=0, dilation=1):
    oh = (H + 2 * padding - KH) // stride + 1
    ow = (W + 2 * padding - KW) // stride + 1
    return oh, ow
