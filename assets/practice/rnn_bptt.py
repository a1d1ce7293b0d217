"""{{TASK}}"""
import numpy as np


def backward_gradient(X, S, grad_out, wRec):
    # TODO: your code here
    raise NotImplementedError("backward_gradient")
