"""What the report notebook shows, and turning executed notebooks into self-contained HTML.

Everything that comes from the article is escaped before it reaches HTML.
"""

from __future__ import annotations

import html
import re
import warnings
from pathlib import Path

import pandas as pd

from .analysis import Analysis, analyze_article
from .contradictions import KIND_VERBS
from .files import write_text_atomic
from .paths import PROJECT_ROOT



def setup_display() -> None:
    """Notebook display settings: inline PNG charts, wide text columns, all rows of short tables (pandas still escapes HTML)."""
    pd.set_option("display.max_colwidth", 160)
    pd.set_option("display.max_rows", 200)
    pd.set_option("display.html.use_mathjax", False)
    warnings.filterwarnings("ignore", message="IProgress not found")  # tqdm's notebook bar needs ipywidgets; plain bars are fine
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipykernel
        return
    shell = get_ipython()
    if shell is not None:  # charts inline as PNG, whatever MPLBACKEND the kernel inherited
        shell.run_line_magic("matplotlib", "inline")


def resolve_path(path: str | Path) -> Path | str:
    """A path as given if it exists (or is a URL), else relative to the project root."""
    p = str(path)
    if re.match(r"^https?://", p, re.I) or Path(p).expanduser().exists():
        return p if "://" in p else Path(p).expanduser()
    return PROJECT_ROOT / p


def run_analysis(article: str, model: str = "", threshold: float = 0.6, claims: list | None = None, aliases: dict | None = None,
                 output_dir: str = "", title: str = "", outlet: str = "", date: str = "", all_pairs_max: int = 120,
                 neighbours: int = 8, allow_non_english: bool = False, cache: bool = True) -> Analysis:
    """The notebook's one analysis call: analyse, then save every table next to the report."""
    result = analyze_article(
        resolve_path(article), model=model or None, claims=list(claims or []), aliases=dict(aliases or {}),
        threshold=float(threshold), all_pairs_max=int(all_pairs_max), neighbours=int(neighbours),
        title=title or None, outlet=outlet or None, date=date or None, allow_non_english=bool(allow_non_english),
        cache=bool(cache),
    )
    if output_dir:
        result.save(resolve_path(output_dir) if not Path(output_dir).is_absolute() else Path(output_dir))
    return result


def describe_contradiction(row: pd.Series | dict) -> str:
    """A flagged pair as one plain sentence (not escaped)."""
    r = dict(row)
    first, second = "a", "b"
    if r["kind"] == "denial" and r.get("a_polarity") in ("deny", "retract") and r.get("b_polarity") not in ("deny", "retract"):
        first, second = "b", "a"  # the denial came first in the article: still "the denier denies what the other says"
    verb = KIND_VERBS.get(r["kind"], "conflicts with what")
    said = "said earlier" if r["kind"] in ("retraction", "self-contradiction") else "says"
    return (f"{r[second + '_speaker']} {verb} {r[first + '_speaker']} {said} ({r['kind']}, score {float(r['score']):.2f}): "
            f"“{_clip(r[second + '_text'])}” vs “{_clip(r[first + '_text'])}”")


def _clip(text: str, n: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def summary_html(result: Analysis, top: int = 5):
    """The report's opening summary: title, outlet, date, actors, top contradictions (all escaped)."""
    from IPython.display import HTML

    a = result.article
    e = html.escape
    actors = [x for x in result.actors["actor"] if x != "narrator"]
    items = "".join(f"<li>{e(describe_contradiction(r))}</li>" for _, r in result.contradictions.head(top).iterrows())
    body = (
        f"<h2>{e(a.title or 'Untitled article')}</h2>"
        f"<p><b>Outlet:</b> {e(a.outlet or 'unknown')} &nbsp; <b>Date:</b> {e(a.date or 'unknown')} &nbsp; "
        f"<b>Source:</b> {e(Path(a.source).name if '://' not in a.source else a.source)}</p>"
        f"<p><b>Actors ({len(actors)}):</b> {e(', '.join(actors) or 'none found')}</p>"
        f"<p><b>{len(result.statements)}</b> statements, <b>{len(result.contradictions)}</b> contradictions flagged at threshold "
        f"{result.threshold:.2f} by model {e(result.model['name'])} ({e(result.model['fingerprint'])}).</p>"
        + (f"<h3>Top contradictions</h3><ol>{items}</ol>" if items else "<p>No contradiction passed the threshold.</p>")
    )
    return HTML(f'<div class="helpers-summary">{body}</div>')


def table(df: pd.DataFrame, columns: list[str] | None = None, max_rows: int = 200, wrap: int = 120) -> pd.DataFrame:
    """A copy of a table ready to display: chosen columns, long text shortened (pandas escapes the HTML)."""
    out = df[columns].copy() if columns else df.copy()
    for col in out.columns:
        if out[col].dtype == object:
            out[col] = out[col].map(lambda v: _clip(v, wrap) if isinstance(v, str) else v)
    return out.head(max_rows)


def removed_lines(result: Analysis) -> pd.DataFrame:
    """The page furniture removed from the article, with the reason for each line."""
    return table(pd.DataFrame(result.article.removed, columns=["line", "reason"]))


# -- HTML export ------------------------------------------------------------------------------------
_EXTERNAL = re.compile(r"<script[^>]*\bsrc=[\"']https?://[^>]*>\s*</script>|<link[^>]*\bhref=[\"']https?://[^>]*>", re.I)
_MODULE_IMPORTS = re.compile(r"<script type=\"module\">(?:(?!</script>).)*https?://(?:(?!</script>).)*</script>", re.I | re.S)
_MATHJAX = re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.S)


def make_self_contained(page: str) -> str:
    """Remove every script, stylesheet or module that would load from the network (MathJax, RequireJS, Mermaid)."""
    page = _MATHJAX.sub("", page)
    page = _MODULE_IMPORTS.sub("", page)
    page = _EXTERNAL.sub("", page)
    return page


def export_html(notebook: str | Path, target: str | Path, reader: bool = False, title: str | None = None) -> Path:
    """Write an executed notebook as one self-contained HTML file (``reader=True`` hides all code)."""
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(str(notebook), as_version=4)
    if title:
        nb.metadata["title"] = title
    exporter = HTMLExporter(template_name="lab")
    exporter.log.addFilter(_alt_text_supplied)  # describe_images() below gives every chart its alt text
    exporter.embed_images = True
    if reader:
        exporter.exclude_input = True
        exporter.exclude_input_prompt = True
        exporter.exclude_output_prompt = True
    page, _ = exporter.from_notebook_node(nb)
    page = make_self_contained(describe_images(page))
    return write_text_atomic(target, page)


def _alt_text_supplied(record) -> bool:
    """Drop nbconvert's "Alternative text is missing" warning: ``describe_images`` supplies the text."""
    return not str(record.msg).startswith("Alternative text is missing")


def describe_images(page: str) -> str:
    """Give each chart without a description the alt text "<section heading> (chart N)" for screen readers."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, features="html.parser")
    placeholder = "No description has been provided for this image"
    for n, img in enumerate(soup.find_all("img"), start=1):
        if img.get("alt") not in (None, "", placeholder):
            continue
        heading = img.find_previous(["h1", "h2", "h3"])
        section = heading.get_text(" ", strip=True).rstrip("¶").strip() if heading else "Report"
        img["alt"] = f"{section} (chart {n})"
    return str(soup)


def write_index(reports_dir: str | Path) -> Path:
    """``index.html`` listing every report under ``reports_dir`` (from each run's ``run.json`` and ``analysis.json``).

    Hidden folders (``.tmp-*`` scratch folders of runs in progress, ``.lock``) are not reports and are skipped.
    """
    import json

    reports_dir = Path(reports_dir)
    rows = []
    for run_file in sorted(reports_dir.glob("*/run.json")):
        folder = run_file.parent
        if folder.name.startswith("."):
            continue
        try:
            run = json.loads(run_file.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            continue
        analysis = {}
        if (folder / "analysis.json").is_file():
            try:
                analysis = json.loads((folder / "analysis.json").read_text(encoding="utf-8"))
            except json.JSONDecodeError:
                analysis = {}
        meta = analysis.get("article", {})
        contradictions = analysis.get("contradictions", [])
        rows.append({
            "folder": folder.name,
            "title": meta.get("title") or run.get("article", folder.name),
            "outlet": meta.get("outlet", ""),
            "date": meta.get("date", ""),
            "count": len(contradictions) if analysis else None,
            "top": describe_contradiction(contradictions[0]) if contradictions else "",
            "status": run.get("status", "?"),
            "error": run.get("error", ""),
            "finished": run.get("finished", ""),
        })
    e = html.escape
    body = []
    for r in rows:
        links = " · ".join(
            f'<a href="{e(r["folder"])}/{name}">{label}</a>'
            for name, label in (("report-reader.html", "reader"), ("report.html", "full"), ("report.ipynb", "notebook"))
            if (reports_dir / r["folder"] / name).exists()
        )
        status = "ok" if r["status"] == "ok" else f'<span class="failed">failed: {e(r["error"])}</span>'
        body.append(
            f"<tr><td>{e(r['title'])}</td><td>{e(r['outlet'])}</td><td>{e(r['date'])}</td>"
            f"<td class='n'>{'' if r['count'] is None else r['count']}</td><td>{e(r['top'])}</td><td>{status}</td><td>{links}</td>"
            f"<td>{e(r['finished'])}</td></tr>"
        )
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Reports: who contradicts whom</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2em; color: #222; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border-bottom: 1px solid #ddd; padding: .4em .6em; text-align: left; vertical-align: top; font-size: 14px; }}
th {{ background: #f4f4f4; }} td.n {{ text-align: right; }} .failed {{ color: #D55E00; }}
</style></head><body>
<h1>Reports: who contradicts whom</h1>
<p>{len(rows)} run(s) in this folder. “reader” hides the code; “full” shows it.</p>
<table><thead><tr><th>Title</th><th>Outlet</th><th>Date</th><th>Contradictions</th><th>Top contradiction</th><th>Status</th><th>Report</th><th>Finished</th></tr></thead>
<tbody>
{chr(10).join(body)}
</tbody></table></body></html>
"""
    return write_text_atomic(reports_dir / "index.html", page)
