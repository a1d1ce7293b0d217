def conv_output_size(H, W, KH, KW, stride=1, padding=0, dilation=1):
    oh = (H + 2 * padding - dilation * (KH - 1) - 1) // stride + 1
    ow = (W + 2 * padding - dilation * (KW - 1) - 1) // stride + 1
    return ow, oh
