"""{{TASK}}"""


def conv_output_size(H, W, KH, KW, stride=1, padding=0, dilation=1):
    # TODO: your code here
    raise NotImplementedError("conv_output_size")
