# A helper module beside the learner's file.
import numpy as np


def backward_gradient(X, S, grad_out, wRec):
    n, t = X.shape
    grad_over_time = np.zeros((n, t + 1))
    grad_over_time[:, t] = grad_out
    for k in reversed(range(1, t + 1)):
        grad_over_time[:, k - 1] = wRec * grad_over_time[:, k]
    wx_grad = np.sum(grad_over_time[:, 1:] * X)
    wRec_grad = np.sum(grad_over_time[:, 1:] * S[:, :-1])
    return (wx_grad, wRec_grad), grad_over_time
