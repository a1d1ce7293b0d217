def backward_gradient(X, S, grad_out, wRec):
    # Plain lists throughout: a list of two gradients and a nested list.
    n, t = len(X), len(X[0])
    g = [[0.0] * (t + 1) for _ in range(n)]
    for i in range(n):
        g[i][t] = float(grad_out[i])
        for k in range(t, 0, -1):
            g[i][k - 1] = g[i][k] * wRec
    wx = sum(g[i][k] * X[i][k - 1] for i in range(n) for k in range(1, t + 1))
    wr = sum(g[i][k] * S[i][k - 1] for i in range(n) for k in range(1, t + 1))
    return [[wx, wr], g]
