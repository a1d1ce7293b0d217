import numpy as np


def posterior(prior, likelihood):
    joint = prior * likelihood
    return joint
