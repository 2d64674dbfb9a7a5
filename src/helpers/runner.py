"""Running the report notebook headlessly with papermill, one article at a time, into ``reports/``.

Each run writes to a temporary folder and is renamed into place when done, so an interrupted run never
leaves half a report; an existing report is kept unless ``force`` is given (the new one then gets a
timestamped folder).
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from .article import ArticleError, load_article, slugify
from .paths import NOTEBOOKS_DIR, PROJECT_ROOT, REPORTS_DIR
from .report import export_html, write_index

log = logging.getLogger(__name__)

REPORT_NOTEBOOK = NOTEBOOKS_DIR / "article-report.ipynb"
KERNEL_NAME = "helpers"


class RunError(ValueError):
    """A run cannot start (bad parameter, missing article): one line that says why."""


@dataclass
class RunResult:
    """What happened to one article."""

    article: str
    folder: Path | None
    ok: bool
    error: str = ""


def ensure_kernel(name: str = KERNEL_NAME) -> str:
    """Register this environment's Python as the Jupyter kernel ``name`` when it is missing (never NoSuchKernel)."""
    from jupyter_client.kernelspec import KernelSpecManager

    specs = KernelSpecManager().find_kernel_specs()
    spec_dir = specs.get(name)
    if spec_dir:
        argv = json.loads((Path(spec_dir) / "kernel.json").read_text()).get("argv", [""])
        if Path(argv[0]).exists():
            return name
    from ipykernel.kernelspec import install

    install(kernel_name=name, display_name=f"Python ({name})", prefix=sys.prefix)
    log.info("registered Jupyter kernel %r for %s", name, sys.executable)
    return name


def notebook_parameters(notebook: Path = REPORT_NOTEBOOK) -> dict[str, dict]:
    """The notebook's parameters: name -> default, type name and the help comment, in cell order."""
    import ast

    import nbformat

    nb = nbformat.read(str(notebook), as_version=4)
    cell = next((c for c in nb.cells if c.cell_type == "code" and "parameters" in c.metadata.get("tags", [])), None)
    if cell is None:
        raise RunError(f"{notebook}: no cell tagged 'parameters'")
    lines = cell.source.splitlines()
    out: dict[str, dict] = {}
    for node in ast.parse(cell.source).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            default = ast.literal_eval(node.value)
            line = lines[node.lineno - 1]
            comment = line[line.index("#", node.value.end_col_offset) + 1 :].strip() if "#" in line[node.value.end_col_offset :] else ""
            out[node.targets[0].id] = {"default": default, "inferred_type_name": type(default).__name__, "help": comment}
    return out


def parse_value(text: str):
    """A ``-p NAME VALUE`` value: JSON when it parses (numbers, lists, dicts, true/false), else the string."""
    try:
        return json.loads(text)
    except (json.JSONDecodeError, TypeError):
        return text


_TYPES = {"float": (int, float), "int": (int,), "str": (str,), "bool": (bool,), "list": (list,), "dict": (dict,)}


def check_parameters(params: dict, notebook: Path = REPORT_NOTEBOOK) -> dict:
    """Validate names and types against the notebook's parameters cell; raise ``RunError`` listing the valid ones."""
    known = notebook_parameters(notebook)
    valid = ", ".join(f"{n} ({d['inferred_type_name']})" for n, d in known.items())
    for name, value in params.items():
        if name not in known:
            raise RunError(f"unknown parameter {name!r}; valid parameters: {valid}")
        expected = known[name]["inferred_type_name"]
        allowed = _TYPES.get(expected)
        if allowed and (not isinstance(value, allowed) or (expected in ("float", "int") and isinstance(value, bool))):
            raise RunError(f"parameter {name!r} must be {expected}, got {type(value).__name__} {value!r}; valid parameters: {valid}")
    return params


def _target_folder(out: Path, slug: str, force: bool) -> tuple[Path, bool]:
    target = out / slug
    if target.exists() and not force:
        stamped = out / f"{slug}-{time.strftime('%Y%m%d-%H%M%S')}"
        n = 1
        while stamped.exists():
            stamped = out / f"{slug}-{time.strftime('%Y%m%d-%H%M%S')}-{n}"
            n += 1
        log.warning("%s exists: writing the new report to %s (use --force to replace)", target, stamped)
        return stamped, False
    return target, target.exists()


def run_article(article: str, out: Path = REPORTS_DIR, params: dict | None = None, force: bool = False,
                notebook: Path = REPORT_NOTEBOOK) -> RunResult:
    """Execute the report notebook for one article and export its HTML (full and reader versions)."""
    import papermill

    params = dict(params or {})
    is_url = re.match(r"^https?://", article, re.I) is not None
    if not is_url:
        path = Path(article).expanduser()
        if not path.exists() and (PROJECT_ROOT / article).exists():
            path = PROJECT_ROOT / article
        if not path.exists():
            raise RunError(f"{article}: no such article file")
        load_article(path, allow_non_english=bool(params.get("allow_non_english", False)))  # fail fast, one line
        article = str(path.resolve())
        slug = slugify(path.stem)
    else:
        slug = slugify(re.sub(r"^https?://", "", article))
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    target, replacing = _target_folder(out, slug, force)
    tmp = out / f".tmp-{target.name}-{int(time.time() * 1000)}"
    tmp.mkdir(parents=True)
    executed = tmp / "report.ipynb"
    run = {"article": article, "parameters": params, "started": time.strftime("%Y-%m-%d %H:%M:%S"), "status": "running"}
    ok, error = True, ""
    try:
        papermill.execute_notebook(
            str(notebook), str(executed), parameters={**params, "article": article, "output_dir": str(tmp)},
            kernel_name=ensure_kernel(), cwd=str(PROJECT_ROOT), progress_bar=False, log_output=False,
        )
        title = json.loads((tmp / "analysis.json").read_text(encoding="utf-8"))["article"].get("title") if (tmp / "analysis.json").exists() else None
        export_html(executed, tmp / "report.html", reader=False, title=title)
        export_html(executed, tmp / "report-reader.html", reader=True, title=title)
    except papermill.PapermillExecutionError as exc:
        ok, error = False, f"{exc.ename}: {exc.evalue}".splitlines()[0][:300]
    except Exception as exc:  # noqa: BLE001 - any failure of one article is reported and the others go on
        ok, error = False, f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
    run.update(status="ok" if ok else "failed", error=error, finished=time.strftime("%Y-%m-%d %H:%M:%S"))
    (tmp / "run.json").write_text(json.dumps(run, indent=2) + "\n", encoding="utf-8")
    if replacing:
        old = out / f".old-{target.name}-{int(time.time() * 1000)}"
        target.rename(old)
        tmp.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        tmp.rename(target)
    return RunResult(article=article, folder=target, ok=ok, error=error)


def run_articles(articles: list[str], out: Path = REPORTS_DIR, params: dict | None = None, force: bool = False,
                 notebook: Path = REPORT_NOTEBOOK) -> list[RunResult]:
    """Run every article (a failure is reported and the rest go on), then rewrite ``index.html``."""
    from tqdm import tqdm

    params = check_parameters(dict(params or {}), notebook)
    results = []
    for article in tqdm(articles, desc="articles", unit="article", disable=len(articles) < 2):
        started = time.time()
        try:
            result = run_article(article, out, params, force, notebook)
        except (RunError, ArticleError) as exc:
            result = RunResult(article=article, folder=None, ok=False, error=str(exc))
        results.append(result)
        where = f" -> {result.folder}" if result.folder else ""
        status = "ok" if result.ok else f"FAILED: {result.error}"
        log.info("%s: %s%s (%.0f s)", article, status, where, time.time() - started)
    write_index(out)
    return results
