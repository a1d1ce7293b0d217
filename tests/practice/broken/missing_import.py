import numpy as np
import torchvision_not_installed


def posterior(prior, likelihood):
    return prior
