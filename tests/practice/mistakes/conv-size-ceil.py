import math


def conv_output_size(H, W, KH, KW, stride=1, padding=0, dilation=1):
    oh = math.ceil((H + 2 * padding - dilation * (KH - 1) - 1) / stride) + 1
    ow = math.ceil((W + 2 * padding - dilation * (KW - 1) - 1) / stride) + 1
    return oh, ow
