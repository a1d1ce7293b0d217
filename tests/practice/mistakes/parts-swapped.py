import numpy as np


def mle_normal(x):
    mu = np.mean(x)
    sigma = np.sqrt(np.mean((x - mu) ** 2))
    return sigma, mu


def mle_categorical(counts):
    return counts / counts.sum()
