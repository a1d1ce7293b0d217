import numpy as np


def gradient_descent(f, df, init, lr, eps, max_steps=10000):
    x = init
    g = df(x)
    steps = 0
    while abs(g) > eps and steps < max_steps:
        x = x - lr * g
        steps += 1
    return x, steps


def gradient_descent_2d(f, grad, init, lr, eps, max_steps=10000):
    p = np.array(init, dtype=float)
    g = grad(p)
    steps = 0
    while np.linalg.norm(g) > eps and steps < max_steps:
        p = p - lr * g
        steps += 1
    return p, steps
