"""Pairs scored and time against article length (synthetic articles), and end-to-end analyze on the seed.

Every run starts from an empty NLI cache (a temporary file) and an empty embedding memo, so the times do
not depend on what earlier runs left in ``.cache/`` or in this process.

    python benchmarks/bench_growth.py [--sizes 50 200 800 3200]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from common import publish
from helpers import contradictions
from helpers.analysis import analyze_article, get_model
from helpers.article import Article
from helpers.paths import SAMPLE_ARTICLE
from helpers.synthetic import synthetic_article

def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 800, 3200])
    p.add_argument("--model", default="fast", help="NLI model (default: fast, MiniLM alone, as in the earlier entries; '' for the analysis default)")
    args = p.parse_args()
    start = time.perf_counter()
    model = get_model(args.model or None)
    load = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        contradictions._EMBED_MEMO.clear()
        start = time.perf_counter()
        seed = analyze_article(SAMPLE_ARTICLE, model=model, cache=Path(tmp) / "seed.sqlite")
        t_seed = time.perf_counter() - start
        rows = []
        for n in args.sizes:
            article = Article(text=synthetic_article(n, seed=n), source=f"synthetic-{n}.txt", title=f"synthetic {n}")
            contradictions._EMBED_MEMO.clear()
            start = time.perf_counter()
            result = analyze_article(
                article, model=model, claims=["Russia would not escalate the standoff over Ukraine"], cache=Path(tmp) / f"{n}.sqlite"
            )
            rows.append((n, len(result.statements), result.settings["pairs_scored"], time.perf_counter() - start))
    lines = [
        f"### Growth and end-to-end — {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores",
        "",
        f"`python benchmarks/bench_growth.py --sizes {' '.join(map(str, args.sizes))} --model '{args.model}'`: model {model.describe()['name']}",
        "",
        f"Seed article end to end (`analyze_article`, model already loaded, empty cache): {t_seed:.1f} s for {len(seed.statements)} statements, "
        f"{seed.settings['pairs_scored']} pairs; model load {load:.1f} s.",
        "",
        "| synthetic sentences | statements | pairs scored | pairs per statement | seconds |",
        "|---:|---:|---:|---:|---:|",
        *[f"| {n} | {s} | {p} | {p / max(1, s):.1f} | {t:.1f} |" for n, s, p, t in rows],
        "",
    ]
    publish(lines)


if __name__ == "__main__":
    main()
