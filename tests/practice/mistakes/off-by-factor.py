import numpy as np


def gradient_descent_step(X, y, beta, lr, error="mse"):
    e = y - X @ beta
    n = len(y)
    if error == "mse":
        grad = -2.0 / n * X.T @ e
    elif error == "sse":
        grad = -2.0 / n * X.T @ e
    else:
        grad = -X.T @ e / np.linalg.norm(e)
    return beta - lr * grad
