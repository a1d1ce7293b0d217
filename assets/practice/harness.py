# deepstep's practice harness: imports the learner's code by path, calls the
# asked function on each case and prints the results as one JSON line.
# It is embedded in deepstep and run with the learner's own Python.
import json
import sys
import traceback

MARK = "DEEPSTEP-RESULT "


def reply(obj, out):
    out.write(MARK + json.dumps(obj) + "\n")
    out.flush()


SOURCE_LINES = []


def code_at(line):
    if 1 <= line <= len(SOURCE_LINES):
        return SOURCE_LINES[line - 1].strip()
    return ""


def frames(tb, filename):
    """The traceback's frames in the learner's file: (line, code)."""
    return [[f.lineno, code_at(f.lineno)] for f in traceback.extract_tb(tb) if f.filename == filename]


def error(exc, filename):
    return {
        "type": type(exc).__name__,
        "message": str(exc)[:500],
        "frames": frames(exc.__traceback__, filename),
    }


def decode(v, np):
    if isinstance(v, dict) and "nd" in v:
        return np.array(v["nd"], dtype=float)
    if isinstance(v, dict) and "ndi" in v:
        return np.array(v["ndi"], dtype=int)
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
            return {"other": "a list that is not an array of numbers"}
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


def main():
    out = sys.stdout
    # What the learner prints goes to stderr, so it cannot break the reply.
    sys.stdout = sys.stderr
    request = json.loads(sys.stdin.read())
    try:
        import resource
        limit = request.get("memory_bytes")
        if limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, resource.RLIM_INFINITY))
    except Exception:
        pass
    try:
        import numpy as np
    except ImportError:
        reply({"fatal": "numpy"}, out)
        return
    filename = request["filename"]
    SOURCE_LINES.extend(request["source"].splitlines())
    import os
    sys.path.insert(0, os.path.dirname(os.path.abspath(filename)))
    scope = {"__name__": "deepstep_practice", "__file__": filename}
    try:
        code = compile(request["source"], filename, "exec")
        exec(code, scope)
    except SyntaxError as exc:
        reply({"fatal": "load", "error": {"type": "SyntaxError", "message": str(exc.msg),
                                          "frames": [[exc.lineno or 0, code_at(exc.lineno or 0)]]}}, out)
        return
    except BaseException as exc:
        reply({"fatal": "load", "error": error(exc, filename)}, out)
        return
    results = []
    for case in request["cases"]:
        fn = scope.get(case["fn"])
        if not callable(fn):
            results.append({"missing": case["fn"]})
            continue
        args = [decode(a, np) for a in case["args"]]
        kwargs = {k: decode(v, np) for k, v in case.get("kwargs", {}).items()}
        try:
            results.append({"ok": encode(fn(*args, **kwargs), np)})
        except BaseException as exc:
            results.append({"error": error(exc, filename)})
    reply({"results": results}, out)


main()
