"""Synthetic wire-style articles of any length, for growth tests and benchmarks."""

from __future__ import annotations

import random

ACTORS = [
    "French President Emmanuel Macron", "Putin’s spokesman", "A French official", "The Russian government",
    "Ukrainian President Volodymyr Zelenskiy", "German Chancellor Olaf Scholz", "U.S. President Joe Biden",
    "Belarusian officials", "A NATO diplomat", "The Kremlin spokesman",
]
CUES = ["said", "told reporters", "denied", "insisted", "declined to comment on", "added that"]
TOPICS = [
    "Russia would not escalate the standoff over Ukraine", "troops would leave Belarus after the exercises",
    "a new security order for Europe had been agreed", "sanctions would be lifted within weeks",
    "talks would resume in Geneva next month", "no deal had been reached on military deployments",
    "gas supplies to Europe would continue", "the border would stay open for grain shipments",
    "prisoners would be exchanged on Friday", "monitors would be deployed along the line of contact",
    "the ceasefire had been violated overnight", "the summit had produced real progress",
]
PLACES = ["Moscow", "Kyiv", "Paris", "Berlin", "Minsk", "Geneva", "Brussels", "Warsaw", "Vienna", "Ankara"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def synthetic_article(n_statements: int, seed: int = 0) -> str:
    """An article of about ``n_statements`` attributed sentences, five to a paragraph."""
    rng = random.Random(seed)
    sentences = []
    for i in range(n_statements):
        actor, cue, topic = rng.choice(ACTORS), rng.choice(CUES), rng.choice(TOPICS)
        place, day = rng.choice(PLACES), rng.choice(DAYS)
        detail = f"after talks in {place} on {day} (round {i})"
        sentences.append(f"{actor} {cue} {topic} {detail}.")
    paragraphs = [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
    return "Synthetic Talks Article\n\n" + "\n\n".join(paragraphs) + "\n"
