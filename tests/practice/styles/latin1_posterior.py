# -*- coding: latin-1 -*-
# Café notes: Bayes' rule, normalised by the evidence.
import numpy as np


def posterior(prior, likelihood):
    joint = np.multiply(prior, likelihood)
    return joint / np.sum(joint)
