"""Corpus throughput with 1 and 2 Dask workers (NLI cache off, so every article is really scored), and how
long ``helpers corpus`` takes to give up on a Dask scheduler that does not answer.

    python benchmarks/bench_corpus.py [--articles 40] [--workers 1 2] [--unreachable-only]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import publish
from helpers.corpus import analyze_many, find_articles
from helpers.paths import DATA_DIR

UNREACHABLE = "tcp://127.0.0.1:9"


def unreachable_scheduler_seconds(folder: Path) -> tuple[float, int, str]:
    """Wall-clock seconds, exit code and last stderr line of ``helpers corpus`` pointed at a scheduler that never answers."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "helpers", "corpus", str(folder), "--scheduler", UNREACHABLE, "--no-report"],
                          capture_output=True, text=True, timeout=600)
    lines = proc.stderr.strip().splitlines()
    return time.perf_counter() - start, proc.returncode, lines[-1] if lines else ""


def unreachable_lines() -> list[str]:
    """The table of the unreachable-scheduler timing (the test suite checks the message, this its time)."""
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(find_articles(DATA_DIR / "corpus")[0], tmp)
        seconds, code, message = unreachable_scheduler_seconds(Path(tmp))
    return [
        f"`python -m helpers corpus FOLDER --scheduler {UNREACHABLE} --no-report` (nothing listens there; the client waits 5 s)",
        "",
        "| exit code | seconds | message |",
        "|---:|---:|---|",
        f"| {code} | {seconds:.1f} | {message.replace('|', '/')} |",
        "",
    ]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=40)
    p.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    p.add_argument("--model", default="fast", help="NLI model (default: fast, MiniLM alone, as in the earlier entries; '' for the analysis default)")
    p.add_argument("--unreachable-only", action="store_true", help="only time the failure on an unreachable scheduler")
    args = p.parse_args()
    header = f"### Corpus — {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores"
    if args.unreachable_only:
        publish([header, "", *unreachable_lines()])
        return
    sources = find_articles(DATA_DIR / "articles") + find_articles(DATA_DIR / "corpus")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.articles):
            src = sources[i % len(sources)]
            shutil.copy(src, Path(tmp) / f"{i:03d}-{src.name}")
        files = find_articles(tmp)
        for workers in args.workers:
            start = time.perf_counter()
            results = analyze_many(files, workers=workers, cache=False, model=args.model or None)
            elapsed = time.perf_counter() - start
            rows.append((workers, sum(r["ok"] for r in results), elapsed))
    lines = [
        header,
        "",
        f"`python benchmarks/bench_corpus.py --articles {args.articles} --workers {' '.join(map(str, args.workers))} --model '{args.model}'` (copies of the 8 project articles, cache off)",
        "",
        "| Dask workers | articles analysed | seconds | articles/min |",
        "|---:|---:|---:|---:|",
        *[f"| {w} | {n} | {t:.0f} | {60 * n / t:.1f} |" for w, n, t in rows],
        "",
        *unreachable_lines(),
    ]
    publish(lines)


if __name__ == "__main__":
    main()
