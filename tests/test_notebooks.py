"""The report notebook: thin, paired, stripped; executed headlessly with papermill on the seed article."""

import ast
import json
import re

import jupytext
import nbformat
import pytest

from conftest import SEED, read_json
from helpers.paths import NOTEBOOKS_DIR

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_thin_paired_and_stripped(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    tagged = [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    for node in ast.parse(tagged[0].source).body:
        assert isinstance(node, ast.Assign), "the parameters cell holds only assignments"
        ast.literal_eval(node.value)  # literal values only
    for cell in code:
        assert not cell.get("outputs") and cell.get("execution_count") is None, "committed with outputs"
        tree = ast.parse(cell.source)
        assert not any(isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)) for n in ast.walk(tree))
        assert "sys.path" not in cell.source
    assert nb.metadata["kernelspec"]["name"] == "helpers"
    twin = jupytext.read(path.with_suffix(".py"))
    assert [c.source for c in twin.cells] == [c.source for c in nb.cells], "run `make sync`: .py and .ipynb differ"
    assert any(c.cell_type == "markdown" for c in nb.cells)


@pytest.mark.slow
def test_papermill_run_records_the_seed_findings(seed_run):
    out, results = seed_run
    assert all(r.ok for r in results), [r.error for r in results]
    folder = out / "bloomberg-2022-02-08-macron-putin"
    analysis = read_json(folder / "analysis.json")
    from helpers.article import load_article
    from helpers.statements import extract_statements

    assert len(analysis["statements"]) == len(extract_statements(load_article(SEED))) >= 21  # what the kernel found, as here
    assert analysis["article"]["title"] == "Russia Undercuts Macron’s Report of Putin Deal on Ukraine"
    pairs = {(c["a_speaker"], c["b_speaker"]) for c in analysis["contradictions"]}
    assert ("Emmanuel Macron", "Kremlin spokesman") in pairs
    for table in ("statements", "contradictions", "stances", "actors"):
        assert (folder / f"{table}.csv").is_file() and (folder / f"{table}.parquet").is_file()
    executed = nbformat.read(folder / "report.ipynb", as_version=4)
    assert executed.metadata["papermill"]["parameters"]["article"].endswith("bloomberg-2022-02-08-macron-putin.txt")
    assert not list(out.glob(".tmp-*"))


@pytest.mark.slow
def test_html_exports_are_self_contained(seed_run):
    out, _ = seed_run
    folder = out / "bloomberg-2022-02-08-macron-putin"
    full = (folder / "report.html").read_text()
    reader = (folder / "report-reader.html").read_text()
    for page in (full, reader):
        assert page.count('src="data:image/png;base64,') >= 4
        assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page), "external resource"
        assert "@import url(http" not in page
        assert "Top contradictions" in page
        assert "No description has been provided" not in page and page.count(" (chart ") >= 4  # alt text for screen readers
    assert "run_analysis" in full and "run_analysis" not in reader  # the reader version hides the code
    index = (out / "index.html").read_text()
    assert "Russia Undercuts Macron’s Report of Putin Deal on Ukraine" in index and "bloomberg-2022-02-08-macron-putin/report-reader.html" in index


@pytest.mark.slow
def test_injection_article_is_escaped_in_html(seed_run):
    out, _ = seed_run
    folder = next(p for p in out.iterdir() if p.name.startswith("injection-article"))
    for name in ("report.html", "report-reader.html"):
        page = (folder / name).read_text()
        assert "window.__pwned" in page  # the text is there, as text
        assert not re.search(r"<(script|img|iframe|b)\b[^>]*__pwned", page)
        assert "javascript:window" not in re.sub(r"&[a-z#0-9]+;", "", " ".join(re.findall(r"""href=["'][^"']*["']""", page)))
    index = (out / "index.html").read_text()
    assert "<script>window.__pwned" not in index and "&lt;script&gt;window.__pwned" in index
    assert json.loads((folder / "analysis.json").read_text())["article"]["title"].startswith("Envoy <script>")
