"""{{TASK}}"""
import numpy as np


def gradient_descent(f, df, init, lr, eps, max_steps=10000):
    # TODO: your code here
    raise NotImplementedError("gradient_descent")


def gradient_descent_2d(f, grad, init, lr, eps, max_steps=10000):
    # TODO: your code here
    raise NotImplementedError("gradient_descent_2d")
