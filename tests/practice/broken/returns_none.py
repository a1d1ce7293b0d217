def posterior(prior, likelihood):
    joint = prior * likelihood
    joint / joint.sum()
