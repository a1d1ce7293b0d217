# deepstep's practice harness: loads the learner's file by path, calls the
# asked functions on each case (python/deepstep/_runner.py, which deepstep
# puts before this text) and prints the results as one JSON line. It is
# embedded in deepstep and run with the learner's own Python.
import json
import sys

MARK = "DEEPSTEP-RESULT "


def replier(out, secret):
    """The one way to answer: signed with the run's secret, which deepstep
    sent on standard input (closed before the learner's code runs)."""
    def reply(obj):
        out.write(MARK + secret + " " + json.dumps(obj) + "\n")
        out.flush()
    return reply


def main():
    out = sys.stdout
    # What the learner prints goes to stderr, so it cannot break the reply.
    sys.stdout = sys.stderr
    request = json.loads(sys.stdin.read())
    reply = replier(out, request.pop("secret", ""))
    import os
    sys.stdin.close()
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
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
        reply({"fatal": "numpy"})
        return
    filename = request["filename"]
    # The file's bytes, decoded as Python decodes a file: a byte-order mark,
    # a PEP 263 coding line, else UTF-8.
    source = request["source_bytes"].encode("latin-1")
    import io
    import tokenize
    try:
        encoding = tokenize.detect_encoding(io.BytesIO(source).readline)[0]
    except SyntaxError:
        encoding = "utf-8"
    lines = source.decode(encoding, errors="replace").splitlines()

    def code_at(_file, line):
        return lines[line - 1].strip() if line and 1 <= line <= len(lines) else ""

    def is_learners(file):
        return file == filename

    # Python refuses to run a file whose bytes are not its encoding (even in
    # a comment), while compile() of the bytes lets a comment pass: refuse it
    # too, at its line.
    try:
        source.decode(encoding)
    except UnicodeDecodeError as exc:
        line = source[:exc.start].count(b"\n") + 1
        reply({"fatal": "load", "error": {"type": "UnicodeDecodeError", "message": str(exc),
                                          "frames": [[line, code_at(filename, line)]]}})
        return
    sys.path.insert(0, os.path.dirname(os.path.abspath(filename)))
    scope = {"__name__": "deepstep_practice", "__file__": filename}
    try:
        code = compile(source, filename, "exec")
        exec(code, scope)
    except SyntaxError as exc:
        reply({"fatal": "load", "error": {"type": "SyntaxError", "message": str(exc.msg),
                                          "frames": [[exc.lineno or 0, code_at(filename, exc.lineno or 0)]]}})
        return
    except BaseException as exc:
        reply({"fatal": "load", "error": error(exc, is_learners, code_at)})
        return
    reply(run_cases(scope.get, request["cases"], np, is_learners, code_at))


main()
