import numpy as np


def mle_normal(x):
    # A tuple of a numpy scalar and a 0-D array, as np.mean and tensordot give.
    mu = np.mean(x)
    sigma = np.sqrt(np.tensordot(x - mu, x - mu, axes=1) / len(x))
    return mu, np.asarray(sigma)


def mle_categorical(counts):
    # A list where a tuple or an array would do.
    total = sum(int(c) for c in counts)
    return [int(c) / total for c in counts]
