import numpy as np


def conv2d(x, w, stride=1, padding=0):
    xp = np.pad(x, padding)
    kh, kw = w.shape
    oh = (xp.shape[0] - kh) // stride + 1
    ow = (xp.shape[1] - kw) // stride + 1
    y = np.zeros((oh, ow))
    for i in range(oh):
        for j in range(ow):
            y[i, j] = np.sum(xp[i * stride:i * stride + kh, j * stride:j * stride + kw] * w)
    return y


def conv2d_backward(x, w, dy, stride=1, padding=0):
    # TODO: your code here
    raise NotImplementedError("conv2d_backward")
