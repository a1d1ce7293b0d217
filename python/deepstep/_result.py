"""A verdict as Python sees it: fields to test, plain text for a terminal
REPL and an HTML block for Jupyter. Every word in it comes from the
deepstep program, in the learner's language."""
import html


class Result:
    """The verdict on one exercise, as `deepstep practice check` gives it."""

    def __init__(self, verdict, labels, warning=None):
        self.verdict = verdict
        self.labels = labels
        self.warning = warning
        self.name = verdict.get("name")
        self.passed = bool(verdict.get("passed"))
        self.diagnosis_id = verdict.get("diagnosis_id")
        self.diagnosis = verdict.get("diagnosis")
        self.fix = verdict.get("fix")
        self.cases_run = verdict.get("cases_run", 0)
        self.cases_passed = verdict.get("cases_passed", 0)
        self.first_failing_case = verdict.get("first_failing_case")
        self.lines = list(verdict.get("lines") or [])

    def __bool__(self):
        return self.passed

    def __str__(self):
        head = "== " + str(self.name)
        lines = [head] + self.lines + ([self.warning] if self.warning else [])
        return "\n".join(lines)

    def __repr__(self):
        return str(self)

    def _repr_html_(self):
        e = html.escape
        mark = "✔" if self.passed else "✘"
        colour = "#1a7f37" if self.passed else "#cf222e"
        first = self.lines[0] if self.lines else ""
        parts = [
            '<div class="deepstep-verdict" style="border-left:4px solid {};padding:4px 10px">'.format(colour),
            "<p><b>{} {}</b> ({}/{}): {}</p>".format(
                mark, e(str(self.name)), self.cases_passed, self.cases_run, e(first)
            ),
        ]
        if self.fix:
            parts.append("<p><b>{}</b>: {}</p>".format(e(self.labels.get("fix", "")), e(self.fix)))
        case = self.first_failing_case
        if case and "inputs" in case:
            rows = [(i["name"], i["value"]) for i in case["inputs"]]
            rows += [(self.labels.get("expected", ""), case.get("expected", "")), (self.labels.get("got", ""), case.get("got", ""))]
            if case.get("difference"):
                rows.append(("", case["difference"]))
            title = "{} ({} {})".format(self.labels.get("failing_case", ""), case.get("case"), case.get("function"))
            parts.append("<table><caption style=\"text-align:left\">{}</caption>".format(e(title)))
            parts += ["<tr><th>{}</th><td><code>{}</code></td></tr>".format(e(str(k)), e(str(v))) for k, v in rows]
            parts.append("</table>")
        else:
            # No table (an exception, a load error, a changed input): the
            # rest of the verdict as printed, traceback lines included.
            rest = [line for line in self.lines[1:] if not (self.fix and self.fix in line)]
            if rest:
                parts.append("<pre>{}</pre>".format(e("\n".join(rest))))
        if self.warning:
            parts.append("<p><i>{}</i></p>".format(e(self.warning)))
        parts.append("</div>")
        return "\n".join(parts)


class Results(list):
    """Several exercises' verdicts (`deepstep.check()` with no function)."""

    @property
    def passed(self):
        return all(r.passed for r in self)

    def __str__(self):
        return "\n\n".join(str(r) for r in self)

    def __repr__(self):
        return str(self)

    def _repr_html_(self):
        return "\n".join(r._repr_html_() for r in self)
