# Calling a practice exercise's functions on deepstep's cases, and writing
# what they return as the JSON deepstep judges. One copy serves both ways of
# checking: the binary runs it (with harness.py after it) in the learner's
# Python for a file, and the `deepstep` package imports it to check
# functions in a notebook's own kernel. It uses only the standard library
# and the numpy it is handed.
import signal
import threading
import traceback


def decode(v, np):
    """A case's argument as the learner's function gets it: a fresh array
    for every call, so one call cannot change the next one's input."""
    if isinstance(v, dict) and "nd" in v:
        return np.array(v["nd"], dtype=float)
    if isinstance(v, dict) and "ndi" in v:
        return np.array(v["ndi"], dtype=int)
    if isinstance(v, dict) and "py" in v:
        # A function the case passes (f and its derivative): the text of a
        # lambda that deepstep wrote, over numpy's functions.
        names = {"__builtins__": {}, "np": np, "sin": np.sin, "cos": np.cos, "tan": np.tan, "exp": np.exp, "log": np.log,
                 "ln": np.log, "sqrt": np.sqrt, "tanh": np.tanh, "pi": np.pi, "e": np.e, "PI": np.pi, "E": np.e}
        return eval(v["py"], names)
    return v


def number(x):
    x = float(x)
    if x != x:
        return "nan"
    if x in (float("inf"), float("-inf")):
        return "inf" if x > 0 else "-inf"
    return x


def encode(v, np, depth=0):
    if depth > 4:
        return {"other": "nested too deeply"}
    if isinstance(v, (bool, np.bool_)):
        return {"other": "a bool (" + str(v) + ")"}
    if isinstance(v, (int, float, np.integer, np.floating)):
        return {"num": number(v)}
    if isinstance(v, list):
        try:
            v = np.asarray(v, dtype=float)
        except (TypeError, ValueError):
            # Ragged or mixed (`[(wx, wrec), grad_over_time]`): a sequence,
            # as a tuple would be.
            v = tuple(v)
    if isinstance(v, np.ndarray):
        if v.size > 100000:
            return {"other": "an array of " + str(v.size) + " numbers"}
        try:
            data = [number(e) for e in v.astype(float).ravel()]
        except (TypeError, ValueError):
            return {"other": "an array of " + str(v.dtype)}
        return {"arr": {"shape": list(v.shape), "data": data}}
    if isinstance(v, (list, tuple)):
        if len(v) > 16:
            return {"other": "a sequence of " + str(len(v)) + " items"}
        return {"seq": [encode(e, np, depth + 1) for e in v]}
    if v is None:
        return {"other": "None"}
    return {"other": type(v).__name__ + " " + repr(v)[:80]}


def error(exc, is_learners, code_at):
    """An exception as deepstep reports it: its type, message, and the
    traceback's frames in the learner's code as (line, code)."""
    frames = [
        [f.lineno, code_at(f.filename, f.lineno)]
        for f in traceback.extract_tb(exc.__traceback__)
        if is_learners(f.filename)
    ]
    return {"type": type(exc).__name__, "message": str(exc)[:500], "frames": frames}


def changed(before, after, np):
    """Whether an input array was modified in place by the call."""
    if not isinstance(before, np.ndarray):
        return False
    if not isinstance(after, np.ndarray) or after.shape != before.shape:
        return True
    return not np.array_equal(before, after, equal_nan=True)


class TimeLimit(BaseException):
    """Raised in the learner's function when its time is up (a
    BaseException, so their `except Exception` does not swallow it)."""


def can_interrupt():
    """Whether a running function can be stopped at a time limit here: a
    timer signal reaches only the main thread, and only on POSIX."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def run_cases(lookup, cases, np, is_learners, code_at, seconds=None):
    """Each case's result: {"ok": value}, {"error": …}, {"missing": name} or
    {"mutated": {"function": …, "input": …}}. `lookup(name)` finds a
    function. With `seconds` (and a way to interrupt), the whole run stops
    at the limit: the reply is then {"fatal": "timeout", "seconds": …}."""
    armed = seconds is not None and can_interrupt()
    if armed:
        def expire(signum, frame):
            raise TimeLimit()

        previous = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        results = []
        for case in cases:
            results.append(run_case(lookup, case, np, is_learners, code_at))
        return {"results": results}
    except TimeLimit:
        return {"fatal": "timeout", "seconds": seconds}
    finally:
        if armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def run_case(lookup, case, np, is_learners, code_at):
    name = case["fn"]
    fn = lookup(name)
    if not callable(fn):
        return {"missing": name}
    args = [decode(a, np) for a in case["args"]]
    kwargs = {k: decode(v, np) for k, v in case.get("kwargs", {}).items()}
    kept = [decode(a, np) for a in case["args"]]
    kept_kwargs = {k: decode(v, np) for k, v in case.get("kwargs", {}).items()}
    try:
        value = fn(*args, **kwargs)
    except TimeLimit:
        raise
    except BaseException as exc:
        return {"error": error(exc, is_learners, code_at)}
    names = case.get("names", [])
    inputs = [(names[i] if i < len(names) else str(i + 1), b, a) for i, (b, a) in enumerate(zip(kept, args))]
    inputs += [(k, kept_kwargs[k], kwargs[k]) for k in kwargs]
    for input_name, before, after in inputs:
        if changed(before, after, np):
            return {"mutated": {"function": name, "input": input_name}}
    return {"ok": encode(value, np)}
