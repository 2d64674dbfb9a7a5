"""The papermill runner: parameters, bad input, failures, safe re-runs, concurrent runs, dead kernels."""

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from helpers import runner
from helpers.runner import RunError, check_parameters, ensure_kernel, parse_value, run_article, run_articles

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


# -- concurrent runs into one folder, kernels that die -----------------------------------------------------

#: A notebook as small as the report's contract: it writes analysis.json into output_dir after ``pause``
#: seconds, and its kernel kills itself (``os._exit``) for an article whose name contains "dies".
TINY_CELLS = [
    'article = ""  # path\noutput_dir = ""  # folder\npause = 0.0  # seconds to wait',
    "import json, os, pathlib, time\ntime.sleep(pause)",
    'if "dies" in pathlib.Path(article).name:\n    os._exit(1)',
    'pathlib.Path(output_dir, "analysis.json").write_text(json.dumps({"article": {"title": pathlib.Path(article).stem}}))',
]


@pytest.fixture
def tiny_notebook(tmp_path) -> Path:
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    nb = new_notebook(cells=[new_code_cell(TINY_CELLS[0], metadata={"tags": ["parameters"]}), *map(new_code_cell, TINY_CELLS[1:])])
    nb.metadata["kernelspec"] = {"name": "helpers", "display_name": "Python (helpers)", "language": "python"}
    path = tmp_path / "tiny.ipynb"
    nbformat.write(nb, str(path))
    return path


@pytest.fixture
def articles(tmp_path) -> dict[str, Path]:
    folder = tmp_path / "articles"
    folder.mkdir()
    paths = {name: folder / f"{name}.txt" for name in ("good", "dies", "other")}
    for path in paths.values():
        path.write_text(SHORT)
    return paths


@pytest.fixture
def fake_papermill(monkeypatch):
    """Execution as the tiny notebook does it, without a kernel: wait ``pause``, write the outputs, or die.

    A dying run leaves the executed notebook as papermill does, with the cell that was running marked started.
    """
    import nbformat
    import papermill
    from nbclient.exceptions import DeadKernelError

    def execute(input_path, output_path, parameters, **kwargs):
        nb = nbformat.read(input_path, as_version=4)
        time.sleep(parameters.get("pause", 0.0))
        if "dies" in Path(parameters["article"]).name:
            for cell in nb.cells[:3]:
                cell.metadata["papermill"] = {"start_time": "2026-01-01T00:00:00", "status": "completed"}
            nbformat.write(nb, output_path)
            raise DeadKernelError("Kernel died")
        Path(parameters["output_dir"], "analysis.json").write_text(json.dumps({"article": {"title": Path(parameters["article"]).stem}}))
        nbformat.write(nb, output_path)

    def export(notebook, target, reader=False, title=None):
        Path(target).write_text(f"<title>{title}</title>{'reader' if reader else 'full'}")
        return Path(target)

    monkeypatch.setattr(papermill, "execute_notebook", execute)
    monkeypatch.setattr(runner, "export_html", export)


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.startswith((".tmp-", ".old-")))


def run_in_threads(calls: list[dict], delay: float) -> list:
    """Start ``run_articles(**call)`` for each call in its own thread, ``delay`` seconds apart; their results in order."""
    results: list = [None] * len(calls)
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            results[i] = run_articles(**calls[i])
        except BaseException as exc:  # noqa: BLE001 - raised again in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
        time.sleep(delay)
    for t in threads:
        t.join(timeout=60)
    if errors:
        raise errors[0]
    return results


def test_two_forced_runs_at_once_end_cleanly(tmp_path, articles, tiny_notebook, fake_papermill):
    """The second run starts before the first has written the report and finishes after it: its report replaces the first."""
    out = tmp_path / "reports"
    common = {"articles": [str(articles["good"])], "out": out, "force": True, "notebook": tiny_notebook}
    first, second = run_in_threads([{**common, "params": {"pause": 1.0}}, {**common, "params": {"pause": 0.8}}], delay=0.5)
    assert [r.ok for r in first + second] == [True, True] and first[0].folder == second[0].folder == (out / "good").resolve()
    assert leftovers(out) == [] and sorted(p.name for p in out.iterdir()) == [".lock", "good", "index.html"]
    run = json.loads((out / "good" / "run.json").read_text())
    assert run["status"] == "ok" and run["parameters"] == {"pause": 0.8}  # the one that finished last
    assert sorted(p.name for p in (out / "good").iterdir()) == ["analysis.json", "report-reader.html", "report.html", "report.ipynb", "run.json"]


def test_two_runs_at_once_without_force_keep_both(tmp_path, articles, tiny_notebook, fake_papermill):
    out = tmp_path / "reports"
    common = {"articles": [str(articles["good"])], "out": out, "notebook": tiny_notebook, "params": {"pause": 0.5}}
    first, second = run_in_threads([common, common], delay=0.2)
    assert first[0].ok and second[0].ok and first[0].folder.name == "good" and second[0].folder.name.startswith("good-2")
    assert leftovers(out) == [] and all((r[0].folder / "report.html").is_file() for r in (first, second))


def test_forced_rerun_replaces_an_existing_report(tmp_path, articles, tiny_notebook, fake_papermill):
    out = tmp_path / "reports"
    first = run_article(str(articles["good"]), out, {"pause": 0.0}, force=True, notebook=tiny_notebook)
    (first.folder / "stale.txt").write_text("from the first run")
    again = run_article(str(articles["good"]), out, {"pause": 0.1}, force=True, notebook=tiny_notebook)
    assert again.ok and again.folder == first.folder and not (again.folder / "stale.txt").exists()
    assert leftovers(out) == []


def test_report_that_cannot_be_moved_is_reported_and_the_old_one_kept(tmp_path, monkeypatch, articles, tiny_notebook, fake_papermill):
    out = tmp_path / "reports"
    first = run_article(str(articles["good"]), out, force=True, notebook=tiny_notebook)
    rename = Path.rename

    def failing_rename(self, target):
        if self.name.startswith(".tmp-"):
            raise OSError(28, "No space left on device")
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", failing_rename)
    result = run_article(str(articles["good"]), out, {"pause": 0.1}, force=True, notebook=tiny_notebook)
    assert not result.ok and result.folder is None
    assert result.error.startswith(f"cannot put the report in place ({(out / 'good').resolve()}): [Errno 28] No space left on device")
    assert json.loads((first.folder / "run.json").read_text())["parameters"] == {}  # the previous report is back
    assert leftovers(out) == []


def test_interrupted_run_leaves_no_temporary_folder(tmp_path, monkeypatch, articles, tiny_notebook):
    import papermill

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(papermill, "execute_notebook", interrupted)
    out = tmp_path / "reports"
    with pytest.raises(KeyboardInterrupt):
        run_article(str(articles["good"]), out, notebook=tiny_notebook)
    assert list(out.iterdir()) == []


def test_scratch_folders_of_killed_runs_are_removed(tmp_path, articles, tiny_notebook, fake_papermill):
    """A run killed outright (no ``finally``) leaves its ``.tmp-*``; the next run into the folder removes it, not a live run's."""
    import os

    out = tmp_path / "reports"
    out.mkdir()
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True)
    dead_tmp = out / f".tmp-good-{int(gone.stdout)}-0123456789ab"
    dead_old = out / f".old-good-{int(gone.stdout)}-0123456789ab"
    live_tmp = out / f".tmp-other-{os.getpid()}-0123456789ab"  # a run of this process, still going
    for folder in (dead_tmp, dead_old, live_tmp):
        folder.mkdir()
        (folder / "report.ipynb").write_text("{}")
    assert run_articles([str(articles["good"])], out=out, notebook=tiny_notebook)[0].ok
    assert leftovers(out) == [live_tmp.name]


def test_dead_kernel_is_reported_and_the_next_article_runs(tmp_path, articles, tiny_notebook, fake_papermill):
    out = tmp_path / "reports"
    dead, other = run_articles([str(articles["dies"]), str(articles["other"])], out=out, notebook=tiny_notebook)
    assert not dead.ok and dead.error == 'the notebook kernel died in cell 3 of 4 (if "dies" in pathlib.Path(article).name:) (killed, or out of memory?)'
    assert json.loads((dead.folder / "run.json").read_text())["status"] == "failed" and (dead.folder / "report.ipynb").is_file()
    assert other.ok and (other.folder / "report.html").is_file() and leftovers(out) == []
    assert "failed: the notebook kernel died" in (out / "index.html").read_text()


def test_cli_reports_a_dead_kernel_in_one_line(tmp_path, monkeypatch, capsys, articles, tiny_notebook, fake_papermill):
    from helpers import cli

    monkeypatch.setattr(runner, "REPORT_NOTEBOOK", tiny_notebook)
    code = cli.main(["run", str(articles["dies"]), str(articles["other"]), "--out", str(tmp_path / "r")])
    out, err = capsys.readouterr()
    assert code == 1
    assert [line for line in err.splitlines() if line.startswith("FAILED")] == [
        f"FAILED  {articles['dies']}: the notebook kernel died in cell 3 of 4 (if \"dies\" in pathlib.Path(article).name:) "
        f"(killed, or out of memory?) (executed notebook: {(tmp_path / 'r' / 'dies').resolve()}/report.ipynb)"
    ]
    assert f"ok      {articles['other']} -> {(tmp_path / 'r' / 'other').resolve()}/report.html" in out


@pytest.mark.slow
def test_real_kernel_killed_mid_run(tmp_path, articles, tiny_notebook):
    """papermill with a real kernel that ``os._exit(1)``s: that article fails in one line, the next one is written."""
    out = tmp_path / "reports"
    dead, other = run_articles([str(articles["dies"]), str(articles["other"])], out=out, notebook=tiny_notebook)
    assert not dead.ok and dead.error.startswith("the notebook kernel died in cell ") and dead.error.endswith("(killed, or out of memory?)")
    assert "\n" not in dead.error
    assert other.ok and (other.folder / "report-reader.html").is_file() and leftovers(out) == []


@pytest.mark.skipif(os.name != "posix", reason="IPC transport needs Unix sockets")
def test_kernel_talks_over_ipc_in_a_private_folder_it_removes(tmp_path, capfd, monkeypatch, articles, tiny_notebook):
    """A real run: the kernel listens on IPC sockets in a 0700 folder of its own, not on TCP (so ipykernel has no
    plain-text traffic to warn about) and not in the working folder; the folder is gone when the run ends."""
    import stat
    import tempfile

    from helpers.paths import PROJECT_ROOT
    from helpers.runner import _kernel_manager_class

    scratch, created, mkdtemp = tmp_path / "tmp", [], tempfile.mkdtemp
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.setattr(tempfile, "mkdtemp", lambda *a, **k: created.append(Path(mkdtemp(*a, **k))) or str(created[-1]))
    manager = _kernel_manager_class()()
    folder = Path(manager.ip).parent
    assert manager.transport == "ipc" and folder == created[0] and folder.parent == scratch
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    folder.rmdir()
    result = run_article(str(articles["good"]), tmp_path / "reports", notebook=tiny_notebook)
    assert result.ok, result.error
    assert "without encryption" not in capfd.readouterr().err
    assert any(p.name.startswith("helpers-kernel-") for p in created[1:])  # the run's kernel had its own folder
    assert list(scratch.glob("helpers-kernel-*")) == [] and list(PROJECT_ROOT.glob("kernel-ipc*")) == []


@pytest.mark.slow
def test_two_cli_runs_at_once_into_one_folder(tmp_path, articles):
    """The reported case: two ``helpers run ARTICLE --out DIR --force`` one second apart, the real report notebook."""
    out = tmp_path / "reports"
    argv = [sys.executable, "-m", "helpers", "run", str(articles["good"]), "--out", str(out), "--force"]
    first = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(1)
    second = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for proc in (first, second):
        _, err = proc.communicate(timeout=900)
        assert proc.returncode == 0, err[-2000:]
        assert "FAILED" not in err and "error:" not in err, err[-2000:]
    assert leftovers(out) == [] and sorted(p.name for p in out.iterdir()) == [".lock", "good", "index.html"]
    assert (out / "good" / "report-reader.html").is_file() and json.loads((out / "good" / "run.json").read_text())["status"] == "ok"
