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
    xp = np.pad(x, padding)
    kh, kw = w.shape
    dxp = np.zeros_like(xp)
    dw = np.zeros_like(w)
    for i in range(dy.shape[0]):
        for j in range(dy.shape[1]):
            window = xp[i * stride:i * stride + kh, j * stride:j * stride + kw]
            dw += dy[i, j] * window
            dxp[i:i + kh, j:j + kw] += dy[i, j] * w
    h, wd = x.shape
    return dxp[padding:padding + h, padding:padding + wd], dw
