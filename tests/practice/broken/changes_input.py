import numpy as np


def backward_gradient(X, S, grad_out, wRec):
    # `grad = grad_out` is the caller's array, not a copy: `*=` changes it.
    grad_over_time = np.zeros((X.shape[0], X.shape[1] + 1))
    grad = grad_out
    wx_grad = 0
    wRec_grad = 0
    for k in range(X.shape[1], 0, -1):
        grad_over_time[:, k] = grad
        wx_grad += np.sum(grad * X[:, k - 1])
        wRec_grad += np.sum(grad * S[:, k - 1])
        grad *= wRec
    grad_over_time[:, 0] = grad
    return (wx_grad, wRec_grad), grad_over_time
