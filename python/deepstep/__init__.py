"""Check the week's practice functions where you write them.

    import deepstep
    deepstep.check(backward_gradient)   # one function (and its partners)
    deepstep.check()                    # every exercise function defined here

In Jupyter, `%load_ext deepstep` adds `%deepstep check [NAME]`. The cases
and the verdict come from the deepstep program (`deepstep practice cases`
and `deepstep practice judge`), so a notebook and `deepstep practice check`
never disagree; only calling the functions happens here, in your kernel,
with your numpy and your globals.
"""
import inspect
import json
import linecache
import os
import subprocess
import sys

from . import _runner
from ._binary import BinaryNotFound, find as find_binary
from ._result import Result, Results

__all__ = ["check", "set_lang", "Result", "Results", "BinaryNotFound", "find_binary", "load_ipython_extension"]

_lang = None


def set_lang(lang):
    """Verdicts in "en" or "ko" from now on (default: $DEEPSTEP_LANG, else the locale)."""
    global _lang
    if lang not in ("en", "ko"):
        raise ValueError('set_lang takes "en" or "ko", not ' + repr(lang))
    _lang = lang


def _language():
    """The language asked for, or None to let the program follow the locale."""
    lang = _lang or os.environ.get("DEEPSTEP_LANG")
    return lang if lang in ("en", "ko") else None


def _message_language():
    lang = _language()
    if lang:
        return lang
    locale = os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
    return "ko" if locale.startswith("ko") else "en"


def _run(args, stdin=None):
    binary = find_binary(_message_language())
    lang = _language()
    command = [binary] + (["--lang", lang] if lang else []) + args
    done = subprocess.run(command, input=stdin, capture_output=True, text=True, encoding="utf-8")
    if done.returncode not in (0, 1):
        raise RuntimeError(done.stderr.strip() or "deepstep " + " ".join(args) + " failed")
    return json.loads(done.stdout)


def _is_ours(filename):
    """Whether a traceback frame is deepstep's own (not the learner's)."""
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.abspath(filename).startswith(here + os.sep)


def _code_at(filename, line):
    return linecache.getline(filename, line).strip()


def _check_exercise(name, namespace, time_limit=None):
    """The verdict on exercise `name`, its functions looked up in `namespace`."""
    import numpy as np

    asked = _run(["practice", "cases", name])
    labels = asked["labels"]
    seconds = time_limit or asked["time_limit"]
    warning = None if _runner.can_interrupt() else labels["no_time_limit"]
    reply = _runner.run_cases(
        namespace.get,
        asked["cases"],
        np,
        lambda f: not _is_ours(f) and not f.startswith("<frozen"),
        _code_at,
        seconds,
    )
    verdict = _run(["practice", "judge", asked["exercise"]], json.dumps(reply))[0]
    return Result(verdict, labels, warning)


def _exercises():
    return _run(["practice", "cases"])["exercises"]


def check(function=None, namespace=None, time_limit=None):
    """Check `function` (an exercise function, or its name) and return a
    Result; without it, check every exercise whose function is defined in
    the caller's globals and return Results. Functions an exercise needs
    beside the one given (conv2d_backward with conv2d) are looked up where
    it was defined. The cases stop after `time_limit` seconds (default: the
    same as `deepstep practice check`)."""
    if namespace is None:
        if callable(function) and hasattr(function, "__globals__"):
            namespace = function.__globals__
        else:
            namespace = inspect.currentframe().f_back.f_globals
    exercises = _exercises()
    functions = [f for e in exercises for f in e["functions"]]
    if isinstance(function, str):
        return _check_exercise(function, namespace, time_limit)
    if function is not None:
        # Its exercise function's name: its own, or (a lambda, an alias)
        # the name it is bound to where it was defined.
        name = getattr(function, "__name__", "")
        if name not in functions:
            bound = [k for k in functions if namespace.get(k) is function]
            name = bound[0] if bound else name
        if namespace.get(name) is not function:
            namespace = dict(namespace)
            namespace[name] = function
        return _check_exercise(name, namespace, time_limit)
    found = [e for e in exercises if any(callable(namespace.get(f)) for f in e["functions"])]
    return Results([_check_exercise(e["name"], namespace, time_limit) for e in found])


def load_ipython_extension(ipython):
    """`%load_ext deepstep`: the line magic `%deepstep check [NAME]`."""
    from ._magic import register

    register(ipython)
