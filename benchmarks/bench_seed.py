"""End-to-end ``analyze`` on the seed article: cold (empty NLI cache, nothing embedded yet) and warm (every score
cached and every content embedded in this process, as when a notebook re-runs).

    python benchmarks/bench_seed.py
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from common import publish
from helpers.analysis import analyze_article, get_model
from helpers.paths import SAMPLE_ARTICLE


def main() -> None:
    import argparse

    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--model", default=None, help="NLI model name or folder (default: the analysis default, cascade; 'fast', 'base')")
    args = p.parse_args()
    start = time.perf_counter()
    model = get_model(args.model)
    load = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache.sqlite"
        timings = []
        for label in ("cold cache", "warm cache"):
            start = time.perf_counter()
            result = analyze_article(SAMPLE_ARTICLE, model=model, cache=cache)
            timings.append((label, time.perf_counter() - start))
    publish([
        f"### Seed article end to end — {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores",
        "",
        f"`python benchmarks/bench_seed.py{' --model ' + args.model if args.model else ''}`: model {model.describe()['name']}; "
        f"{len(result.statements)} statements, {result.settings['pairs_scored']} pairs; model load {load:.1f} s (not included below)",
        "",
        "| run | seconds |",
        "|---|---:|",
        *[f"| {label} | {t:.1f} |" for label, t in timings],
        "",
    ])


if __name__ == "__main__":
    main()
