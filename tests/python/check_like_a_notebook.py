"""Run practice files the way a notebook runs one (each code cell in turn,
in one namespace), then check what each defined with the `deepstep`
package. Prints a JSON list, one item per file: its verdicts, or
{"load_error": type} when running the code itself failed (a notebook cell
would show that error before any check)."""
import io
import json
import os
import sys
import tokenize

import deepstep


def cells(path):
    if not path.endswith(".ipynb"):
        # Decoded as Python decodes a file it runs (a BOM, a coding line, else
        # strict UTF-8: bytes that are not raise here, as they would there).
        data = open(path, "rb").read()
        encoding = tokenize.detect_encoding(io.BytesIO(data).readline)[0]
        return [data.decode(encoding)]
    notebook = json.loads(open(path, encoding="utf-8-sig").read())
    sources = ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
               for c in notebook["cells"] if c.get("cell_type") == "code"]
    # IPython runs its magics (`%matplotlib inline`) itself; plain Python
    # would read them as syntax errors.
    return [python_of(s) for s in sources if not s.lstrip().startswith("%%bash")]


def python_of(cell):
    """What IPython would run as Python: no magic, shell or help lines, and
    a cell magic's body (`%%time`) without its first line."""
    keep = []
    for line in cell.splitlines():
        t = line.strip()
        if t.startswith(("%", "!", "?")) or t.endswith("?") or "= !" in t:
            continue
        keep.append(line)
    return "\n".join(keep)


def verdicts(path):
    # A notebook runs in its own folder: modules beside it import.
    sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
    namespace = {"__name__": "__main__"}
    try:
        sources = cells(path)
    except UnicodeDecodeError as exc:
        return {"load_error": type(exc).__name__}
    for i, source in enumerate(sources):
        try:
            exec(compile(source, "{}#cell{}".format(path, i + 1), "exec"), namespace)
        except BaseException as exc:
            return {"load_error": type(exc).__name__}
    return [r.verdict for r in deepstep.check(namespace=namespace)]


def main(paths):
    out = sys.stdout
    # What the code prints is the cell's output, not this script's answer.
    sys.stdout = sys.stderr
    out.write(json.dumps([verdicts(p) for p in paths]) + "\n")


main(sys.argv[1:])
