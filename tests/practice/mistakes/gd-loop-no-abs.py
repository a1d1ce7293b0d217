import numpy as np


def gradient_descent(f, df, init, lr, eps, max_steps=10000):
    x = init
    steps = 0
    while df(x) > eps and steps < max_steps:
        x = x - lr * df(x)
        steps += 1
    return x, steps


def gradient_descent_2d(f, grad, init, lr, eps, max_steps=10000):
    p = np.array(init, dtype=float)
    steps = 0
    while np.linalg.norm(grad(p)) > eps and steps < max_steps:
        p = p - lr * grad(p)
        steps += 1
    return p, steps
