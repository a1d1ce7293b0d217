import numpy as np


def gradient_descent_step(X, y, beta, lr, error="mse"):
    e = y - X @ beta
    n = len(y)
    if error == "mse":
        grad = -1.0 / n * X.T @ e
    elif error == "sse":
        grad = -X.T @ e
    else:
        norm = np.linalg.norm(e)
        # Where the line fits every point, ||e|| = 0 and the gradient is 0.
        grad = -X.T @ e / norm if norm > 0 else np.zeros_like(beta)
    return beta - lr * grad
