import numpy as np


def mle_normal(x):
    mu = np.mean(x)
    sigma = np.sqrt(np.mean((x - mu) ** 2))
    return mu, sigma


def mle_categorical(counts):
    p = np.zeros_like(counts)
    for k in range(len(counts)):
        p[k] = counts[k] / counts.sum()
    return p
