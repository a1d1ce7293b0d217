"""The `deepstep` Python package: checking functions in the caller's own
interpreter, the result object and how it shows itself, the IPython magic,
Korean, and a missing binary. Runs against the installed wheel (`.ci/wheel`)
or, from `cargo test`, against python/ with DEEPSTEP_BIN set to the build."""
import os
import subprocess
import sys

import numpy as np
import pytest

import deepstep


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.delenv("DEEPSTEP_LANG", raising=False)
    monkeypatch.setenv("LANG", "C")
    monkeypatch.delenv("LC_ALL", raising=False)
    deepstep._lang = None
    yield
    deepstep._lang = None


def posterior(prior, likelihood):
    joint = prior * likelihood
    return joint / joint.sum()


def unnormalised(prior, likelihood):
    return prior * likelihood


def check_unnormalised():
    """The wrong posterior, bound to the exercise's name as a learner's would be."""
    return deepstep.check(unnormalised, namespace={"posterior": unnormalised})


def test_a_right_function_passes_every_case():
    r = deepstep.check(posterior)
    assert r.passed and bool(r)
    assert r.cases_run >= 4 and r.cases_passed == r.cases_run
    assert r.diagnosis_id is None and r.first_failing_case is None
    assert "posterior" in str(r)


def test_a_wrong_function_gets_its_mistake_named_and_the_failing_case():
    r = check_unnormalised()
    assert not r.passed
    assert r.diagnosis_id == "posterior-not-normalised"
    assert "evidence" in r.diagnosis and r.fix
    case = r.first_failing_case
    assert case["case"] == 1 and case["function"] == "posterior"
    assert [i["name"] for i in case["inputs"]] == ["prior", "likelihood"]
    text = str(r)
    assert r.diagnosis in text and r.fix in text


def test_the_html_block_shows_the_verdict_the_fix_and_the_case_as_a_table():
    r = check_unnormalised()
    page = r._repr_html_()
    assert "<table" in page and "<th>prior</th>" in page
    assert "posterior" in page and "0/" in page
    assert deepstep.check(posterior)._repr_html_().count("<table") == 0


def test_text_is_escaped_in_html():
    def posterior(prior, likelihood):
        raise ValueError("<script>alert(1)</script>")

    page = deepstep.check(posterior)._repr_html_()
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_a_function_that_changes_its_input_in_place_is_named():
    def posterior(prior, likelihood):
        likelihood *= prior
        return likelihood / likelihood.sum()

    r = deepstep.check(posterior)
    assert not r.passed
    assert r.diagnosis_id == "changes-input-in-place"
    assert "likelihood" in r.diagnosis


def test_an_exception_shows_the_learners_line():
    def posterior(prior, likelihood):
        return prior @ np.zeros((7, 7))

    r = deepstep.check(posterior)
    assert not r.passed and "ValueError" in r.diagnosis
    assert any("np.zeros((7, 7))" in line for line in r.lines)


def test_a_function_that_never_returns_is_stopped_at_the_time_limit():
    def posterior(prior, likelihood):
        while True:
            pass

    r = deepstep.check(posterior, time_limit=1)
    assert not r.passed and r.cases_run == 0
    assert r.diagnosis.startswith("Stopped after 1 s")
    # The timer is gone afterwards: a right function runs as usual.
    assert deepstep.check(globals()["posterior"]).passed


def test_where_no_timer_can_interrupt_the_result_says_so():
    import threading

    results = []
    worker = threading.Thread(target=lambda: results.append(deepstep.check(posterior)))
    worker.start()
    worker.join()
    assert results[0].passed and results[0].warning and results[0].warning in str(results[0])
    assert deepstep.check(posterior).warning is None


def test_check_without_a_function_checks_every_exercise_defined_here():
    namespace = {"posterior": posterior, "unrelated": len}
    results = deepstep.check(namespace=namespace)
    assert [r.name for r in results] == ["posterior"] and results.passed
    namespace["posterior"] = unnormalised
    assert not deepstep.check(namespace=namespace).passed


def test_check_with_no_arguments_reads_the_callers_globals():
    # This module defines `posterior` (right) and `unnormalised` (no exercise's name).
    results = deepstep.check()
    assert [r.name for r in results] == ["posterior"] and results.passed


def test_the_locale_chooses_korean_as_the_app_does(monkeypatch):
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    korean = check_unnormalised().diagnosis
    assert any("\uac00" <= ch <= "\ud7a3" for ch in korean)


def test_a_function_can_be_named_instead_of_given():
    assert deepstep.check("posterior", namespace={"posterior": posterior}).passed


def test_a_lambda_is_checked_under_the_name_it_is_bound_to():
    f = lambda prior, likelihood: prior * likelihood / (prior * likelihood).sum()  # noqa: E731
    assert deepstep.check(f, namespace={"posterior": f}).passed


def test_helpers_from_the_callers_globals_are_used():
    # conv2d's exercise calls conv2d_backward too: it is found beside conv2d.
    def conv2d(x, w, stride=1, padding=0):
        raise NotImplementedError

    def conv2d_backward(x, w, dy, stride=1, padding=0):
        raise NotImplementedError

    r = deepstep.check(conv2d, namespace={"conv2d": conv2d, "conv2d_backward": conv2d_backward})
    assert not r.passed and r.cases_passed == 0
    assert "NotImplementedError" in str(r) or "not" in str(r)


def test_korean_follows_set_lang_and_the_environment(monkeypatch):
    english = check_unnormalised().diagnosis
    deepstep.set_lang("ko")
    korean = check_unnormalised().diagnosis
    assert korean != english and any("\uac00" <= ch <= "\ud7a3" for ch in korean)
    deepstep._lang = None
    monkeypatch.setenv("DEEPSTEP_LANG", "ko")
    assert check_unnormalised().diagnosis == korean
    with pytest.raises(ValueError):
        deepstep.set_lang("fr")


def test_a_missing_binary_is_said_clearly(monkeypatch):
    monkeypatch.setenv("DEEPSTEP_BIN", "/nonexistent/deepstep")
    with pytest.raises(deepstep.BinaryNotFound) as err:
        deepstep.check(posterior)
    assert "/nonexistent/deepstep" in str(err.value) and "DEEPSTEP_BIN" in str(err.value)


def test_python_m_deepstep_runs_the_app():
    out = subprocess.run([sys.executable, "-m", "deepstep", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("deepstep ")


def test_the_magic_checks_a_function_in_the_users_namespace():
    pytest.importorskip("IPython")
    from IPython.testing.globalipapp import start_ipython

    ip = start_ipython()
    ip.run_line_magic("load_ext", "deepstep")
    ip.user_ns["posterior"] = unnormalised
    r = ip.run_line_magic("deepstep", "check posterior")
    assert r.diagnosis_id == "posterior-not-normalised"
    # Jupyter's kernel shows a result by its HTML form (a terminal
    # IPython has the HTML formatter off; a kernel has it on).
    ip.display_formatter.formatters["text/html"].enabled = True
    shown, _ = ip.display_formatter.format(r)
    assert "<table" in shown["text/html"] and "text/plain" in shown
    ip.user_ns["posterior"] = posterior
    assert ip.run_line_magic("deepstep", "check").passed
    with pytest.raises(ValueError, match="usage: %deepstep check"):
        ip.run_line_magic("deepstep", "nonsense")
    # The usage is the program's sentence, in the learner's language (the
    # fixture puts the language back).
    deepstep.set_lang("ko")
    with pytest.raises(ValueError, match="사용법: %deepstep check"):
        ip.run_line_magic("deepstep", "check a b")
