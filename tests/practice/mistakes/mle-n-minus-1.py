import numpy as np


def mle_normal(x):
    mu = np.mean(x)
    sigma = np.std(x, ddof=1) if len(x) > 1 else 0.0
    return mu, sigma


def mle_categorical(counts):
    return counts / counts.sum()
