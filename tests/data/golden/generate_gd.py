#!/usr/bin/env python3
"""Generate gd_function.json (FORMAT.md, kind gd_function): gradient descent
on typed functions, with derivatives from SymPy and the loop run in numpy.

Usage: python generate_gd.py OUTDIR
Needs sympy and numpy only. The derivatives are SymPy's (symbolic, then
evaluated in float64); the loop is the course's, run with numpy float64
exactly as FORMAT.md writes it. The script re-reads what it wrote and checks
each case's ending against the loop's own rules before it exits 0.
"""
import json
import os
import sys

import numpy as np
import sympy as sp

DIVERGED = 1e100
HEAD = 60  # iterates kept from the start of each trajectory

X, Y = sp.symbols("x y")

# (name, function in Python syntax, init, lr, eps, max_steps, slip)
CASES = [
    ("course", "x**2 + 2*x + 3", [1.5], 0.1, 1e-5, 10000, None),
    ("course_oscillates", "x**2 + 2*x + 3", [1.5], 0.9, 1e-5, 10000, None),
    ("course_bounces_at_the_limit", "x**2 + 2*x + 3", [1.5], 1.0, 1e-5, 1000, None),
    ("course_diverges", "x**2 + 2*x + 3", [1.5], 1.1, 1e-5, 100000, None),
    ("course_bounded", "x**2 + 2*x + 3", [1.5], 0.001, 1e-5, 200, None),
    ("sine_bowl", "sin(x) + x**2/10", [1.0], 0.1, 1e-5, 10000, None),
    ("sine_bowl_local_minimum", "sin(x) + x**2/10", [4.0], 0.1, 1e-5, 10000, None),
    ("sine_bowl_eps_below_f64", "sin(x) + x**2/10", [1.0], 0.1, 1e-20, 3000, None),
    ("quartic", "x**4 - 3*x**2 + x", [2.0], 0.01, 1e-6, 10000, None),
    ("exp_cos", "exp(-x**2/4)*cos(x) + x**2/8", [0.8], 0.2, 1e-8, 10000, None),
    ("bowl_2d", "x**2 + 2*y**2", [1.0, -1.0], 0.1, 1e-5, 10000, None),
    ("bowl_2d_bounces", "x**2 + 2*y**2", [1.0, -1.0], 0.5, 1e-5, 500, None),
    ("bowl_2d_diverges", "x**2 + 2*y**2", [1.0, -1.0], 0.6, 1e-5, 100000, None),
    ("rosenbrock", "(1 - x)**2 + 100*(y - x**2)**2", [-1.5, 2.0], 0.001, 1e-4, 20000, None),
    ("rosenbrock_diverges", "(1 - x)**2 + 100*(y - x**2)**2", [-1.5, 2.0], 0.01, 1e-4, 20000, None),
    ("slip_plus_climbs", "x**2 + 2*x + 3", [1.5], 0.1, 1e-5, 50, "plus"),
    ("slip_no_abs_stops_at_once", "x**2 + 2*x + 3", [-3.0], 0.1, 1e-5, 1000, "no-abs"),
    ("slip_no_abs_after_overshoot", "x**2 + 2*x + 3", [1.5], 0.9, 1e-5, 1000, "no-abs"),
    ("slip_stale_gradient", "x**2 + 2*x + 3", [1.5], 0.1, 1e-5, 40, "stale"),
    ("slip_stale_gradient_2d", "x**2 + 2*y**2", [1.0, -1.0], 0.1, 1e-5, 30, "stale"),
]

# Points where each case's derivative is also recorded.
PROBES = [0.7, -1.3, 2.2]


def run(f, grad, init, lr, eps, max_steps, slip):
    """The loop of FORMAT.md: the first HEAD iterates, the last one, the
    updates made and how it ended."""
    x = np.array(init, dtype=np.float64)
    stale = grad(x) if slip == "stale" else None
    head = [x.copy()]
    steps = 0
    while True:
        g = stale if stale is not None else grad(x)
        if x.size == 1:
            test = g[0] if slip == "no-abs" else abs(g[0])
        else:
            with np.errstate(over="ignore"):
                test = np.sqrt(np.sum(g * g))
        if not test > eps:
            return head, x, steps, "converged"
        if steps >= max_steps:
            return head, x, steps, "max_steps"
        nx = x + lr * g if slip == "plus" else x - lr * g
        if not np.all(np.isfinite(nx)) or np.any(np.abs(nx) > DIVERGED):
            return head, x, steps, "diverged"
        # f and its gradient at the next x: ±inf is overflow, NaN is outside
        # f's domain; either way the run stops before x moves there.
        with np.errstate(all="ignore"):
            values = np.array([f(nx), *grad(nx)])
        if np.any(np.isnan(values)):
            return head, x, steps, "left_domain"
        if np.any(np.isinf(values)):
            return head, x, steps, "diverged"
        x = nx
        steps += 1
        if len(head) < HEAD:
            head.append(x.copy())


def case(name, text, init, lr, eps, max_steps, slip):
    variables = [X] if len(init) == 1 else [X, Y]
    expr = sp.sympify(text, locals={"x": X, "y": Y})
    derivs = [sp.simplify(sp.diff(expr, v)) for v in variables]
    f_num = sp.lambdify(variables, expr, "numpy")
    g_num = sp.lambdify(variables, derivs, "numpy")

    def f(x):
        return np.float64(f_num(*x))

    def grad(x):
        return np.array(g_num(*x), dtype=np.float64)

    head, final, steps, outcome = run(f, grad, init, lr, eps, max_steps, slip)
    probes = [[p + 0.37 * k for k in range(len(init))] for p in PROBES]
    return {
        "name": name,
        "function": text,
        "variables": [str(v) for v in variables],
        "init": init,
        "lr": lr,
        "eps": eps,
        "max_steps": max_steps,
        "slip": slip,
        "derivatives": [str(d) for d in derivs],
        "grad_init": grad(np.array(init)).tolist(),
        "probes": probes,
        "grad_probes": [grad(np.array(p)).tolist() for p in probes],
        "x_head": {"shape": [len(head), len(init)], "data": [float(v) for row in head for v in row]},
        "x": final.tolist(),
        "f": float(f(final)),
        "steps": steps,
        "converged": outcome == "converged",
        "outcome": outcome,
    }


def check(doc):
    """Each case's ending follows the loop's rules."""
    for c in doc["cases"]:
        assert c["steps"] <= c["max_steps"], c["name"]
        if c["outcome"] == "max_steps":
            assert c["steps"] == c["max_steps"], c["name"]
        if c["outcome"] in ("diverged", "left_domain"):
            assert c["steps"] < c["max_steps"], c["name"]
        head = c["x_head"]
        assert head["shape"][0] == min(c["steps"] + 1, HEAD), c["name"]
        for v in [c["f"], *c["x"], *c["grad_init"], *head["data"]]:
            assert np.isfinite(v), c["name"]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(out, exist_ok=True)
    doc = {
        "kind": "gd_function",
        "generator": f"SymPy {sp.__version__} (derivatives), numpy {np.__version__} float64 (the loop)",
        "cases": [case(*c) for c in CASES],
    }
    path = os.path.join(out, "gd_function.json")
    with open(path, "w") as fh:
        json.dump(doc, fh, indent=1)
        fh.write("\n")
    with open(path) as fh:
        check(json.load(fh))
    print(f"wrote {path}: {len(doc['cases'])} cases")


if __name__ == "__main__":
    main()
