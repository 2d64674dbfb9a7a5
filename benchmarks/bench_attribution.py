"""Parsing, attribution and resolution of a 1,500-word article on this machine (the parse-based attribution).

The article is the real-article dev set's texts joined until 1,500 words; the parser is loaded once first
(its load time is reported apart). Each figure is the median of five runs.

    python benchmarks/bench_attribution.py
"""

from __future__ import annotations

import os
import statistics
import time

from common import publish
from helpers.article import Article, load_article
from helpers.attribution import find_attributions, load_parser, parse
from helpers.paths import DATA_DIR
from helpers.resolve import resolve_all
from helpers.statements import extract_statements

WORDS = 1500


def article_of(words: int) -> str:
    """Real dev-set article texts, joined paragraph by paragraph until ``words`` words."""
    out: list[str] = []
    count = 0
    for path in sorted((DATA_DIR / "real" / "articles").glob("*.txt")):
        for para in load_article(path).text.split("\n\n"):
            out.append(para)
            count += len(para.split())
            if count >= words:
                return "\n\n".join(out)
    return "\n\n".join(out)


def median_seconds(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    start = time.perf_counter()
    load_parser()
    load = time.perf_counter() - start
    text = article_of(WORDS)
    n_words = len(text.split())
    doc = parse(text)
    found = find_attributions(doc)
    rows = [
        ("parse (spaCy)", median_seconds(lambda: parse(text))),
        ("parse + attribution + resolution", median_seconds(lambda: resolve_all(*(lambda d: (d, find_attributions(d)))(parse(text))))),
        ("all statements (extract_statements)", median_seconds(lambda: extract_statements(Article(text=text, source="bench")))),
    ]
    publish([
        f"### Attribution of a {n_words}-word article — {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores",
        "",
        f"`python benchmarks/bench_attribution.py`: {len(found)} attributions; parser load {load:.1f} s (not included); "
        "median of 5 runs. Target: parse, attribution and resolution ≤ 1 s.",
        "",
        "| step | seconds |",
        "|---|---:|",
        *[f"| {label} | {t:.2f} |" for label, t in rows],
        "",
    ])


if __name__ == "__main__":
    main()
