"""Running the report notebook headlessly with papermill, one article at a time, into ``reports/``.

Each run writes to a temporary folder (``.tmp-*``, removed whatever happens) and is renamed into place
when done, so an interrupted run never leaves half a report; an existing report is kept unless ``force``
is given (the new one then gets a timestamped folder). Several runs may write into one output folder at
once: the move into place, and ``index.html``, happen under an exclusive lock on ``<out>/.lock``, and the
report that finishes last is the one kept under the article's name.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import shutil
import os
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX: runs into one folder are not serialised
    fcntl = None

from .article import ArticleError, load_article, slugify
from .paths import NOTEBOOKS_DIR, PROJECT_ROOT, REPORTS_DIR
from .report import export_html, write_index

log = logging.getLogger(__name__)

REPORT_NOTEBOOK = NOTEBOOKS_DIR / "article-report.ipynb"
KERNEL_NAME = "helpers"
LOCK_NAME = ".lock"


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


@functools.cache
def _kernel_manager_class() -> type:
    """The kernel manager papermill starts the kernel with. On POSIX the kernel listens on IPC sockets in a private
    temporary folder of its own (mode 0700, removed when the kernel stops) instead of localhost TCP ports, which any
    local user can reach; ipykernel otherwise warns about plain-text TCP on every run. Elsewhere, jupyter_client's
    default (TCP)."""
    from jupyter_client.manager import AsyncKernelManager

    if os.name != "posix":  # pragma: no cover - IPC transport needs Unix sockets
        return AsyncKernelManager
    import tempfile

    from traitlets import default

    class LocalKernelManager(AsyncKernelManager):
        @default("transport")
        def _default_transport(self) -> str:
            return "ipc"

        @default("ip")
        def _default_ip(self) -> str:  # jupyter_client's default is "kernel-ipc", relative to the working folder
            return str(Path(tempfile.mkdtemp(prefix="helpers-kernel-")) / "kernel")

        async def _async_cleanup_resources(self, restart: bool = False) -> None:
            await super()._async_cleanup_resources(restart=restart)
            if not restart:
                shutil.rmtree(Path(self.ip).parent, ignore_errors=True)

    return LocalKernelManager


def execute_notebook(notebook: Path, executed: Path, parameters: dict) -> None:
    """Execute ``notebook`` with papermill into ``executed``, with ``parameters`` injected, in the project root,
    on this environment's kernel, quietly (the caller reports)."""
    import papermill

    papermill.execute_notebook(
        str(notebook), str(executed), parameters=parameters, kernel_name=ensure_kernel(), cwd=str(PROJECT_ROOT),
        progress_bar=False, log_output=False, kernel_manager_class=_kernel_manager_class(),
    )


def notebook_parameters(notebook: Path | None = None) -> dict[str, dict]:
    """The notebook's parameters (``None``: the report notebook): name -> default, type name and the help comment, in cell order."""
    import ast

    import nbformat

    notebook = notebook or REPORT_NOTEBOOK
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


def check_parameters(params: dict, notebook: Path | None = None) -> dict:
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


@contextmanager
def output_lock(out: Path) -> Iterator[None]:
    """Hold the exclusive lock of the output folder ``out`` (``<out>/.lock``); another holder makes this wait."""
    with open(Path(out) / LOCK_NAME, "a+b") as fh:
        if fcntl is not None:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _stamped_folder(out: Path, slug: str) -> Path:
    """A free ``<slug>-YYYYmmdd-HHMMSS[-n]`` folder name next to an existing report."""
    stamped = out / f"{slug}-{time.strftime('%Y%m%d-%H%M%S')}"
    n = 1
    while stamped.exists():
        stamped = out / f"{slug}-{time.strftime('%Y%m%d-%H%M%S')}-{n}"
        n += 1
    return stamped


def _move_into_place(tmp: Path, out: Path, slug: str, force: bool) -> Path:
    """Rename the finished ``tmp`` folder to ``<out>/<slug>`` (call with the output lock held).

    The target is looked at now, not when the run started: another run may have written it meanwhile.
    With ``force`` an existing report is renamed aside, the new one renamed in, and the old one deleted
    (put back if the new one cannot be moved); without, the new report gets a timestamped folder.
    """
    target = out / slug
    if not target.exists():
        tmp.rename(target)
        return target
    if not force:
        stamped = _stamped_folder(out, slug)
        log.warning("%s exists: writing the new report to %s (use --force to replace)", target, stamped)
        tmp.rename(stamped)
        return stamped
    old = out / f".old-{slug}-{os.getpid()}-{uuid.uuid4().hex[:12]}"
    target.rename(old)
    try:
        tmp.rename(target)
    except OSError:
        old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)
    return target


#: ``.tmp-<slug>-<pid>-<12 hex>`` and ``.old-...``: the pid of the run that made the scratch folder.
_SCRATCH_PID = re.compile(r"-(\d+)-[0-9a-f]{12}$")


def _pid_alive(pid: int) -> bool:
    """Whether a process ``pid`` exists (here, on this machine)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # alive, someone else's
        return True
    return True


def remove_stale_folders(out: Path) -> list[Path]:
    """Delete the ``.tmp-*`` and ``.old-*`` folders left in ``out`` by runs whose process no longer exists
    (killed before their cleanup ran); those of live runs, in this process or others, are left alone."""
    removed = []
    for folder in sorted([*Path(out).glob(".tmp-*"), *Path(out).glob(".old-*")]):
        match = _SCRATCH_PID.search(folder.name)
        if folder.is_dir() and match and not _pid_alive(int(match.group(1))):
            shutil.rmtree(folder, ignore_errors=True)
            log.info("removed %s, left by a run that was killed", folder)
            removed.append(folder)
    return removed


def _dead_kernel_message(executed: Path) -> str:
    """One line for a kernel that died mid-run, naming the cell it was running when the executed notebook tells."""
    where = ""
    try:
        import nbformat

        cells = nbformat.read(str(executed), as_version=4).cells
        started = [i for i, c in enumerate(cells) if c.get("metadata", {}).get("papermill", {}).get("start_time")]
        if started:
            first = next((line for line in cells[started[-1]].source.splitlines() if line.strip()), "")
            where = f" in cell {started[-1] + 1} of {len(cells)}" + (f" ({first.strip()[:60]})" if first else "")
    except Exception:  # noqa: BLE001 - the notebook may not have been written: the message still stands
        log.debug("no executed notebook to read the dying cell from: %s", executed)
    return f"the notebook kernel died{where} (killed, or out of memory?)"


def run_article(article: str, out: Path = REPORTS_DIR, params: dict | None = None, force: bool = False,
                notebook: Path | None = None) -> RunResult:
    """Execute the report notebook for one article and export its HTML (full and reader versions).

    A failure inside the notebook, a kernel that dies, or a report that cannot be moved into place is
    reported in the result (``ok=False``, one line in ``error``); only a bad article raises.
    """
    import papermill
    from nbclient.exceptions import DeadKernelError

    notebook = notebook or REPORT_NOTEBOOK
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
    out = Path(out).expanduser().resolve()  # absolute: the kernel runs in the project root
    out.mkdir(parents=True, exist_ok=True)
    tmp = out / f".tmp-{slug}-{os.getpid()}-{uuid.uuid4().hex[:12]}"  # the pid: see remove_stale_folders
    tmp.mkdir()
    try:
        executed = tmp / "report.ipynb"
        run = {"article": article, "parameters": params, "started": time.strftime("%Y-%m-%d %H:%M:%S"), "status": "running"}
        ok, error = True, ""
        try:
            execute_notebook(notebook, executed, {**params, "article": article, "output_dir": str(tmp)})
            title = json.loads((tmp / "analysis.json").read_text(encoding="utf-8"))["article"].get("title") if (tmp / "analysis.json").exists() else None
            export_html(executed, tmp / "report.html", reader=False, title=title)
            export_html(executed, tmp / "report-reader.html", reader=True, title=title)
        except papermill.PapermillExecutionError as exc:
            ok, error = False, f"{exc.ename}: {exc.evalue}".splitlines()[0][:300]
        except DeadKernelError:
            ok, error = False, _dead_kernel_message(executed)
        except Exception as exc:  # noqa: BLE001 - any failure of one article is reported and the others go on
            ok, error = False, f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
        run.update(status="ok" if ok else "failed", error=error, finished=time.strftime("%Y-%m-%d %H:%M:%S"))
        try:
            with output_lock(out):  # run.json last, under the lock: index.html never lists a half-moved run
                (tmp / "run.json").write_text(json.dumps(run, indent=2) + "\n", encoding="utf-8")
                folder = _move_into_place(tmp, out, slug, force)
        except OSError as exc:
            return RunResult(article=article, folder=None, ok=False, error=f"cannot put the report in place ({out / slug}): {exc}"[:300])
        return RunResult(article=article, folder=folder, ok=ok, error=error)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def run_articles(articles: list[str], out: Path = REPORTS_DIR, params: dict | None = None, force: bool = False,
                 notebook: Path | None = None) -> list[RunResult]:
    """Run every article (a failure is reported and the rest go on), then rewrite ``index.html``."""
    from tqdm import tqdm

    params = check_parameters(dict(params or {}), notebook)
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise RunError(f"{out}: not a folder; --out needs a folder for the reports")
    try:
        out.mkdir(parents=True, exist_ok=True)
        with output_lock(out):
            remove_stale_folders(out)
    except OSError as exc:
        raise RunError(f"{out}: cannot write reports there ({exc.strerror or exc})") from None
    results = []
    for article in tqdm(articles, desc="articles", unit="article", disable=len(articles) < 2):
        started = time.time()
        try:
            result = run_article(article, out, params, force, notebook)
        except (RunError, ArticleError) as exc:
            result = RunResult(article=article, folder=None, ok=False, error=str(exc))
        except OSError as exc:  # the output folder cannot be written: this article fails, the others are tried
            result = RunResult(article=article, folder=None, ok=False, error=f"{type(exc).__name__}: {exc}".splitlines()[0][:300])
        results.append(result)
        where = f" -> {result.folder}" if result.folder else ""
        status = "ok" if result.ok else f"FAILED: {result.error}"
        log.info("%s: %s%s (%.0f s)", article, status, where, time.time() - started)
    with output_lock(out):
        write_index(out)
    return results
