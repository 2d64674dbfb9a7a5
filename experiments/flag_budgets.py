"""Experiment (not in the product): does a budget on the flags rank better than the threshold alone?

Every gold article is analysed once with the default model; its flags (score >= the default threshold) are then
kept under one policy at a time, and pair recall and flag precision are counted as ``eval-contradictions`` counts
them (a gold pair is found when a kept flag joins any part of one gold statement to any part of the other; a kept
flag is right when it finds a gold pair). Policies:

- ``threshold T``: the flags scoring at least T;
- ``per article a, k``: an article's best max(k, ceil(a x its statements)) flags;
- ``per statement m``: best first, a flag is kept while each of its statements is in fewer than m kept flags;
- ``per speaker pair m``: best first, at most m kept flags between the same two speakers.

The record of a run is in ``docs/experiments.md``.

    python experiments/flag_budgets.py <gold files>
"""

from __future__ import annotations

import argparse
import math
from collections import Counter
from collections.abc import Callable

from helpers.analysis import analyze_article, get_model
from helpers.evaluation import load_gold, match_parts


def article_flags(path: str, model) -> dict:
    """The flags of one gold article and, for each gold pair, the statement-id pairs that would find it."""
    gold = load_gold(path)
    result = analyze_article(gold.article_path, model=model, claims=[])
    parts = match_parts(gold.statements, result.statement_objects)
    unscored = gold.unscored_ids(result.statement_objects)
    flags = [r for r in result.contradictions.itertuples() if not {int(r.a), int(r.b)} & unscored]
    pairs = [{(min(x, y), max(x, y)) for x in parts[p["a"]] for y in parts[p["b"]] if x != y} for p in gold.contradictions]
    return {"flags": flags, "gold": pairs, "statements": len(result.statement_objects)}


def count(articles: list[dict], keep: Callable[[list, dict], list]) -> tuple[float, float, int]:
    """Recall, precision and number of flags kept by ``keep`` over all articles."""
    gold = found = flagged = right = 0
    for art in articles:
        kept = {(int(r.a), int(r.b)) for r in keep(art["flags"], art)}
        used = set()
        for pair in art["gold"]:
            hit = pair & kept
            found += bool(hit)
            used |= hit
        gold += len(art["gold"])
        flagged += len(kept)
        right += len(used)
    return found / max(gold, 1), right / max(flagged, 1), flagged


def by_score(flags: list) -> list:
    return sorted(flags, key=lambda r: -r.score)


def threshold(t: float):
    return lambda flags, art: [r for r in flags if r.score >= t]


def per_article(share: float, least: int):
    return lambda flags, art: by_score(flags)[: max(least, math.ceil(share * art["statements"]))]


def capped(m: int, keys: Callable) -> Callable:
    def keep(flags, art):
        seen, out = Counter(), []
        for r in by_score(flags):
            if all(seen[k] < m for k in keys(r)):
                out.append(r)
                seen.update(keys(r))
        return out
    return keep


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+")
    args = parser.parse_args()
    model = get_model(None)
    articles = [article_flags(p, model) for p in args.gold]
    policies = [("all flags (threshold 0.60)", lambda flags, art: flags)]
    policies += [(f"threshold {t}", threshold(t)) for t in (0.65, 0.70, 0.75)]
    policies += [(f"per article {a}, {k}", per_article(a, k)) for a in (0.3, 0.5, 0.8, 1.0) for k in (3, 5)]
    policies += [(f"per statement {m}", capped(m, lambda r: (int(r.a), int(r.b)))) for m in (1, 2, 3, 4)]
    policies += [(f"per speaker pair {m}", capped(m, lambda r: (frozenset((r.a_speaker, r.b_speaker)),))) for m in (1, 2, 3, 5)]
    print(f"{'policy':28s} {'recall':>7s} {'precision':>9s} {'flags':>6s}")
    for name, keep in policies:
        recall, precision, flags = count(articles, keep)
        print(f"{name:28s} {recall:7.3f} {precision:9.3f} {flags:6d}")


if __name__ == "__main__":
    main()
