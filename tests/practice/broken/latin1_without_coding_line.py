import numpy as np


def posterior(prior, likelihood):
    # Right, but saved in Latin-1 without a coding line: café
    joint = prior * likelihood
    return joint / joint.sum()
