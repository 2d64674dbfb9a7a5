"""The papermill runner: parameters, bad input, failures, safe re-runs."""

import json
import subprocess
import sys

import pytest

from helpers.runner import RunError, check_parameters, ensure_kernel, parse_value, run_articles

SHORT = (
    "Envoy Says Talks Failed\n\nForeign Minister Anna Berg said on Monday that the talks had collapsed. "
    "Her spokesman denied that the talks had collapsed. The minister later said an agreement was still possible.\n"
)


def helpers_cli(*args):
    return subprocess.run([sys.executable, "-m", "helpers", *args], capture_output=True, text=True, timeout=600)


def test_parse_value():
    assert parse_value("0.4") == 0.4 and parse_value('["a claim"]') == ["a claim"] and parse_value("plain text") == "plain text"
    assert parse_value('{"the spokesman": "Peskov"}') == {"the spokesman": "Peskov"} and parse_value("true") is True


def test_parameter_validation_lists_valid_names():
    with pytest.raises(RunError, match=r"unknown parameter 'treshold'; valid parameters: article \(str\), model \(str\), threshold \(float\)"):
        check_parameters({"treshold": 0.3})
    with pytest.raises(RunError, match=r"parameter 'threshold' must be float, got str 'high'"):
        check_parameters({"threshold": "high"})
    with pytest.raises(RunError, match=r"parameter 'claims' must be list"):
        check_parameters({"claims": "one claim"})
    assert check_parameters({"threshold": 1, "claims": ["x"], "aliases": {"a": "b"}}) == {"threshold": 1, "claims": ["x"], "aliases": {"a": "b"}}


def test_cli_bad_parameter_and_missing_article(tmp_path):
    proc = helpers_cli("run", "data/articles/bloomberg-2022-02-08-macron-putin.txt", "--out", str(tmp_path), "-p", "colour", "red")
    assert proc.returncode == 2 and "unknown parameter 'colour'; valid parameters:" in proc.stderr and "Traceback" not in proc.stderr
    proc = helpers_cli("run", str(tmp_path / "missing.txt"), "--out", str(tmp_path))
    assert proc.returncode == 1 and "missing.txt: no such article file" in proc.stderr and "Traceback" not in proc.stderr


def test_kernel_is_registered():
    from jupyter_client.kernelspec import KernelSpecManager

    assert ensure_kernel() == "helpers"
    assert "helpers" in KernelSpecManager().find_kernel_specs()


@pytest.mark.slow
def test_failures_do_not_stop_the_others_and_reruns_are_safe(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(SHORT)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    out = tmp_path / "reports"
    results = run_articles([str(empty), str(good)], out=out)
    assert [r.ok for r in results] == [False, True]
    assert "empty.txt: the file is empty" in results[0].error
    first = out / "good"
    assert (first / "report-reader.html").is_file()
    # again, without --force: the first report is kept and the new one gets a timestamped folder
    again = run_articles([str(good)], out=out)[0]
    assert again.ok and again.folder != first and again.folder.name.startswith("good-") and (first / "report.html").is_file()
    # a failure inside the notebook keeps the executed notebook with the error; --force replaces in place
    failed = run_articles([str(good)], out=out, params={"model": str(tmp_path / "no-model")}, force=True)[0]
    assert not failed.ok and failed.folder == first and "no-model: no such model folder" in failed.error
    assert (first / "report.ipynb").is_file() and not (first / "report.html").exists()
    assert json.loads((first / "run.json").read_text())["status"] == "failed"
    assert not list(out.glob(".tmp-*")) and not list(out.glob(".old-*"))
    assert "failed:" in (out / "index.html").read_text()


@pytest.mark.slow
def test_cli_exit_code_when_one_article_fails(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(SHORT)
    png = tmp_path / "image.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    proc = helpers_cli("run", str(png), str(good), "--out", str(tmp_path / "r"))
    assert proc.returncode == 1
    assert "image.txt: this is a binary file" in proc.stderr and "ok      " in proc.stdout
