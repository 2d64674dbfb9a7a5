"""Choose the contradiction threshold and gates on the *dev* gold articles only (never the held-out one).

    python scripts/tune_contradictions.py [--model NAME] [data/gold/*.json]

Grid-searches the flagging threshold, the relatedness fade (``RELATED_LOW``/``RELATED_HIGH``) and the
denial-similarity rule (``DENIAL_SIMILARITY``) of ``helpers.contradictions``; prints the best settings
by F1 on the dev articles, then the held-out figures of that one setting, measured once. The floors the
rules give their conflicts (``LINKED_FLOOR``, ``STORY_SCORE``, ``FRAME_SCORE``) move with the threshold,
so a higher threshold asks more of the NLI evidence, not less of the rules. NLI scores come from the
on-disk cache after the first pass, so the grid costs little.
"""

from __future__ import annotations

import argparse
import itertools
import logging

from helpers import contradictions as C
from helpers.analysis import get_model
from helpers.evaluation import evaluate_contradictions, load_gold
from helpers.paths import GOLD_DIR


def f1(summary: dict) -> float:
    r, p = summary["recall"], summary["precision"]
    return 2 * r * p / (r + p) if r + p else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="*", default=sorted(str(p) for p in GOLD_DIR.glob("*.json")))
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    model = get_model(args.model)
    dev = [g for g in args.gold if load_gold(g).role != "held-out"]
    held = [g for g in args.gold if load_gold(g).role == "held-out"]
    grid = itertools.product((0.5, 0.55, 0.6, 0.65, 0.7), ((0.0, 0.2), (0.1, 0.3), (0.2, 0.5), (0.25, 0.45), (0.3, 0.6), (0.4, 0.7)), (0.35, 0.45, 0.55))
    floors = {name: getattr(C, name) for name in ("LINKED_FLOOR", "STORY_SCORE", "FRAME_SCORE")}

    def shift_floors(threshold: float) -> None:
        for name, value in floors.items():
            setattr(C, name, round(value + threshold - C.DEFAULT_THRESHOLD, 4))

    results = []
    for threshold, (low, high), denial in grid:
        C.RELATED_LOW, C.RELATED_HIGH, C.DENIAL_SIMILARITY = low, high, denial
        shift_floors(threshold)
        s = evaluate_contradictions(dev, model, threshold=threshold)["dev"]
        results.append((round(f1(s), 6), s["recall"], s["precision"], -threshold, low, high, denial))
    results.sort(reverse=True)  # best F1, then recall, then precision, then the lower threshold
    print(f"{'dev F1':>7}{'recall':>8}{'precision':>11}{'threshold':>11}{'related':>12}{'denial sim':>12}")
    for row in results[:10]:
        print(f"{row[0]:>7.3f}{row[1]:>8.3f}{row[2]:>11.3f}{-row[3]:>11.2f}{row[4]:>6.2f}-{row[5]:.2f}{row[6]:>12.2f}")
    best = results[0]
    C.RELATED_LOW, C.RELATED_HIGH, C.DENIAL_SIMILARITY = best[4], best[5], best[6]
    shift_floors(-best[3])
    if held:
        h = evaluate_contradictions(held, model, threshold=-best[3])["held_out"]
        print(f"\nheld-out with the best dev setting: recall {h['recall']:.3f}, precision {h['precision']:.3f} "
              f"({h['found']}/{h['gold_pairs']} found, {h['flagged']} flagged) on {len(held)} articles")


if __name__ == "__main__":
    main()
