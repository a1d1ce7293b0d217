import numpy as np


def posterior(prior, likelihood):
    joint = prior * likelihood
    return (joint / joint.sum()).reshape(1, -1)
