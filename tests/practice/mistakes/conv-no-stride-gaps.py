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
    dw = np.zeros_like(w)
    for i in range(dy.shape[0]):
        for j in range(dy.shape[1]):
            dw += dy[i, j] * xp[i * stride:i * stride + kh, j * stride:j * stride + kw]
    # dx as a full correlation of dy with the rotated kernel, but dy is not
    # spread out by the stride.
    full = np.pad(dy, ((kh - 1, kh - 1), (kw - 1, kw - 1)))
    rot = w[::-1, ::-1]
    dxp = np.zeros((dy.shape[0] + kh - 1, dy.shape[1] + kw - 1))
    for i in range(dxp.shape[0]):
        for j in range(dxp.shape[1]):
            dxp[i, j] = np.sum(full[i:i + kh, j:j + kw] * rot)
    return dxp[padding:dxp.shape[0] - padding, padding:dxp.shape[1] - padding], dw
