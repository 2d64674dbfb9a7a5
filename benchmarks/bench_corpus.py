"""Corpus throughput with 1 and 2 Dask workers (NLI cache off, so every article is really scored).

    python benchmarks/bench_corpus.py [--articles 40] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

from common import publish
from helpers.corpus import analyze_many, find_articles
from helpers.paths import DATA_DIR

def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=40)
    p.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = p.parse_args()
    sources = find_articles(DATA_DIR / "articles") + find_articles(DATA_DIR / "corpus")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.articles):
            src = sources[i % len(sources)]
            shutil.copy(src, Path(tmp) / f"{i:03d}-{src.name}")
        files = find_articles(tmp)
        for workers in args.workers:
            start = time.perf_counter()
            results = analyze_many(files, workers=workers, cache=False)
            elapsed = time.perf_counter() - start
            rows.append((workers, sum(r["ok"] for r in results), elapsed))
    lines = [
        f"### Corpus — {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores",
        "",
        f"`python benchmarks/bench_corpus.py --articles {args.articles} --workers {' '.join(map(str, args.workers))}` (copies of the 8 project articles, cache off)",
        "",
        "| Dask workers | articles analysed | seconds | articles/min |",
        "|---:|---:|---:|---:|",
        *[f"| {w} | {n} | {t:.0f} | {60 * n / t:.1f} |" for w, n, t in rows],
        "",
    ]
    publish(lines)


if __name__ == "__main__":
    main()
