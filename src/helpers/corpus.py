"""Many articles at once on Dask: per-article analysis on workers, combined tables, cross-article pairs.

``run_corpus`` analyses every article on a ``dask.distributed`` cluster (a LocalCluster by default, or an
existing scheduler), each worker loading the model once, then compares the articles in the driver:
contradictions *between* articles (nearest contents across articles, scored with the same
polarity-aware NLI) and every actor's stance on the corpus' key claims, by outlet and date.
"""

from __future__ import annotations

import glob
import json
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .article import SUPPORTED_SUFFIXES
from .contradictions import (
    DEFAULT_THRESHOLD,
    auto_claims,
    embed_texts,
    find_contradictions,
    score_pairs,
    score_stances,
)
from .files import save_tables

log = logging.getLogger(__name__)
TABLES = ("articles", "statements", "contradictions", "cross_contradictions", "stances")


class CorpusError(ValueError):
    """The corpus cannot be run (no articles, unreachable scheduler): one line that says why."""


def find_articles(source: str | Path, episode: str | None = None) -> list[Path]:
    """Article files in a folder (not ``*.meta.json`` sidecars) or matching a glob, sorted; with ``episode``, only
    those whose sidecar (``<name>.meta.json``) names that episode."""
    src = str(source)
    if Path(src).is_dir():
        files = [p for p in sorted(Path(src).iterdir()) if p.suffix.lower() in SUPPORTED_SUFFIXES and not p.name.endswith(".meta.json")]
    else:
        files = [Path(p) for p in sorted(glob.glob(src)) if not p.endswith(".meta.json")]
    if episode is not None:
        files = [p for p in files if _episode_of(p) == episode]
        if not files:
            raise CorpusError(f"{src}: no article of episode {episode!r} (its .meta.json 'episode' field)")
    if not files:
        raise CorpusError(f"{src}: no article files found")
    return files


def _episode_of(path: Path) -> str | None:
    sidecar = path.with_name(path.stem + ".meta.json")
    try:
        return json.loads(sidecar.read_text(encoding="utf-8")).get("episode")
    except (OSError, ValueError, AttributeError):
        return None


def analyze_one(path: str, model: str | None = None, threshold: float = DEFAULT_THRESHOLD, cache: bool = True) -> dict:
    """Analyse one article (runs on a worker; the model is loaded once per worker process)."""
    from .analysis import analyze_article

    try:
        result = analyze_article(path, model=model, claims=[], threshold=threshold, cache=cache)
    except Exception as exc:  # noqa: BLE001 - a failing article is reported, not fatal
        return {"ok": False, "source": str(path), "error": f"{type(exc).__name__}: {exc}".splitlines()[0]}
    meta = result.article.meta()
    tag = {"slug": meta["slug"], "outlet": meta["outlet"], "date": meta["date"]}
    return {
        "ok": True, "source": str(path), "meta": meta, "model": result.model,
        "statements": result.statements.assign(**tag), "contradictions": result.contradictions.assign(**tag),
    }


@dataclass
class CorpusResult:
    """The combined tables of a corpus run."""

    articles: pd.DataFrame
    statements: pd.DataFrame
    contradictions: pd.DataFrame
    cross_contradictions: pd.DataFrame
    stances: pd.DataFrame
    claims: list[str]
    failed: list[dict] = field(default_factory=list)

    def save(self, folder: str | Path) -> None:
        """Each table as Parquet and CSV (written to a temporary name, then renamed)."""
        save_tables(folder, {name: getattr(self, name) for name in TABLES})


def check_workers(workers: int) -> None:
    """``workers`` must be 0 (this process, no Dask) or more; a negative count raises ``CorpusError``."""
    if workers < 0:
        raise CorpusError(f"workers must be 0 or more (0: no Dask), got {workers}")


def _client(workers: int, scheduler: str | None, timeout: float):
    from dask.distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout=f"{timeout}s"), None
        except (OSError, TimeoutError) as exc:
            raise CorpusError(f"{scheduler}: no Dask scheduler answered within {timeout:g} s ({type(exc).__name__})") from None
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR)
    return Client(cluster), cluster


def analyze_many(files: list[Path], workers: int = 2, scheduler: str | None = None, model: str | None = None,
                 threshold: float = DEFAULT_THRESHOLD, cache: bool = True, timeout: float = 5.0) -> list[dict]:
    """Per-article results, in file order. ``workers=0`` runs in this process (no Dask)."""
    from tqdm import tqdm

    check_workers(workers)
    if workers == 0 and not scheduler:
        return [analyze_one(str(f), model, threshold, cache) for f in tqdm(files, desc="articles", unit="article")]
    from dask.distributed import as_completed

    client, cluster = _client(workers, scheduler, timeout)
    try:
        futures = client.map(analyze_one, [str(f) for f in files], model=model, threshold=threshold, cache=cache, pure=False)
        index = {f.key: i for i, f in enumerate(futures)}
        results: list[dict | None] = [None] * len(files)
        for fut in tqdm(as_completed(futures), total=len(futures), desc="articles", unit="article"):
            results[index[fut.key]] = fut.result()
        return [r for r in results if r is not None]
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def cross_article_pairs(statements: pd.DataFrame, k: int = 5) -> list[tuple[int, int]]:
    """For each attributed statement, its ``k`` nearest contents in *other* articles (by MiniLM embedding)."""
    rows = statements[(statements["speaker"] != "narrator") & (statements["content"].str.len() > 0)]
    if rows["slug"].nunique() < 2:
        return []
    emb = embed_texts(rows["content"].tolist())
    sims = emb @ emb.T
    slugs = rows["slug"].to_numpy()
    ids = rows["gid"].to_numpy()
    pairs = set()
    for i in range(len(rows)):
        s = sims[i].copy()
        s[slugs == slugs[i]] = -np.inf
        for j in np.argsort(-s)[:k]:
            if np.isfinite(s[j]):
                pairs.add((int(min(ids[i], ids[j])), int(max(ids[i], ids[j]))))
    return sorted(pairs)


def combine(results: list[dict], model, claims: list[str] | None = None, threshold: float = DEFAULT_THRESHOLD, k: int = 5) -> CorpusResult:
    """Combined tables, cross-article contradictions and stances on the corpus claims (in this process)."""
    ok = [r for r in results if r["ok"]]
    failed = [{"source": r["source"], "error": r["error"]} for r in results if not r["ok"]]
    if not ok:
        raise CorpusError("no article could be analysed: " + "; ".join(f"{f['source']}: {f['error']}" for f in failed))
    articles = pd.DataFrame([r["meta"] for r in ok])
    statements = pd.concat([r["statements"] for r in ok], ignore_index=True)
    statements.insert(0, "gid", range(len(statements)))
    contradictions = pd.concat([r["contradictions"] for r in ok], ignore_index=True)
    # cross-article contradictions: same scoring, statements renumbered corpus-wide
    scoring = statements.assign(id=statements["gid"], refers_to=pd.NA)
    pairs = cross_article_pairs(statements, k=k)
    links = score_pairs(scoring, pairs, model)
    links.attrs.pop("features", None)
    cross = find_contradictions(links, scoring, threshold)
    by_gid = statements.set_index("gid")
    for side in ("a", "b"):
        cross[f"{side}_slug"] = cross[side].map(by_gid["slug"])
        cross[f"{side}_outlet"] = cross[side].map(by_gid["outlet"])
    chosen = list(claims) if claims else auto_claims(scoring, cross, n=3)
    for r in ok if not chosen else []:  # no cross-article conflict: the first article's most contested contents
        chosen = auto_claims(r["statements"], r["contradictions"], n=3)
        if chosen:
            break
    stance_rows = []
    for r in ok:
        st = r["statements"]
        table = score_stances(st, chosen, model, threshold)
        stance_rows.append(table.assign(slug=r["meta"]["slug"], outlet=r["meta"]["outlet"], date=r["meta"]["date"]))
    stances = pd.concat(stance_rows, ignore_index=True) if stance_rows else pd.DataFrame()
    return CorpusResult(articles, statements, contradictions, cross.reset_index(drop=True), stances, chosen, failed)


def load_corpus_tables(folder: str | Path) -> dict[str, pd.DataFrame]:
    """The tables a corpus run wrote (for the corpus notebook)."""
    folder = Path(folder)
    missing = [n for n in TABLES if not (folder / f"{n}.parquet").is_file()]
    if missing:
        raise CorpusError(f"{folder}: missing corpus tables {', '.join(missing)}; run `python -m helpers corpus` first")
    return {n: pd.read_parquet(folder / f"{n}.parquet") for n in TABLES}


def run_corpus(source: str | Path, out: str | Path, workers: int = 2, scheduler: str | None = None, model: str | None = None,
               claims: list[str] | None = None, threshold: float = DEFAULT_THRESHOLD, notebook: bool = True,
               episode: str | None = None) -> CorpusResult:
    """Analyse a folder or glob of articles (optionally one ``episode`` of them) on Dask, write the combined
    tables and the corpus report."""
    from .analysis import get_model
    from .cache import DEFAULT_CACHE, NLICache, cached

    check_workers(workers)
    files = find_articles(source, episode)
    started = time.time()
    results = analyze_many(files, workers=workers, scheduler=scheduler, model=model, threshold=threshold)
    for r in results:
        if not r["ok"]:
            log.warning("skipped %s: %s", r["source"], r["error"])
    nli = cached(get_model(model), NLICache(DEFAULT_CACHE))
    result = combine(results, nli, claims=claims, threshold=threshold)
    out = Path(out)
    result.save(out)
    log.info("corpus: %d articles (%d failed) in %.0f s -> %s", len(results), len(result.failed), time.time() - started, out)
    if notebook:
        from .paths import NOTEBOOKS_DIR
        from .report import export_html
        from .runner import execute_notebook

        executed = out / "corpus-report.ipynb"
        execute_notebook(NOTEBOOKS_DIR / "corpus-report.ipynb", executed, {"corpus_dir": str(out.resolve())})
        export_html(executed, out / "corpus-report.html")
        export_html(executed, out / "corpus-report-reader.html", reader=True)
    return result


def claims_by_outlet(stances: pd.DataFrame) -> pd.DataFrame:
    """Outlet × claim counts of the positions each outlet reports (supports / denies / hedges)."""
    if stances.empty:
        return pd.DataFrame(columns=["outlet", "claim", "supports", "denies", "hedges"])
    counts = stances.pivot_table(index=["outlet", "claim"], columns="stance", values="actor", aggfunc="count", fill_value=0)
    for col in ("supports", "denies", "hedges"):
        if col not in counts.columns:
            counts[col] = 0
    return counts[["supports", "denies", "hedges"]].reset_index()
