def posterior(prior, likelihood)
    return prior
