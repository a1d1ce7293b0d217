"""{{TASK}}"""
import numpy as np


def gradient_descent_step(X, y, beta, lr, error="mse"):
    # TODO: your code here
    raise NotImplementedError("gradient_descent_step")
