"""Reading labelled NLI pairs from JSON Lines files."""

from __future__ import annotations

import glob
import random
from pathlib import Path

import pandas as pd

from .files import read_jsonl

#: The label order of the shipped model (and of every table in this project).
LABELS: tuple[str, str, str] = ("entailment", "neutral", "contradiction")


def expand_paths(patterns: list[str | Path]) -> list[Path]:
    """Expand paths and globs, in order, without duplicates; missing ones raise."""
    out: list[Path] = []
    for pattern in patterns:
        matches = sorted(glob.glob(str(pattern))) if any(c in str(pattern) for c in "*?[") else [str(pattern)]
        if not matches:
            raise ValueError(f"{pattern}: no file matches this pattern")
        for m in matches:
            p = Path(m)
            if not p.is_file():
                raise ValueError(f"{p}: no such file")
            if p not in out:
                out.append(p)
    return out


def read_nli_jsonl(path: str | Path, limit: int | None = None) -> pd.DataFrame:
    """Read one JSONL file of ``premise``/``hypothesis``/``label`` rows.

    Rows whose label is not one of :data:`LABELS` (e.g. ``-`` in SNLI) are dropped.
    Extra fields are kept as columns.
    """
    path = Path(path)
    rows = []
    for row in read_jsonl(path, {"premise", "hypothesis", "label"}, "a row needs premise, hypothesis and label"):
        label = str(row["label"]).strip().lower()
        if label not in LABELS:
            continue
        row["label"] = label
        rows.append(row)
        if limit is not None and len(rows) >= limit:
            break
    df = pd.DataFrame(rows)
    if df.empty:
        raise ValueError(f"{path}: no labelled pairs found")
    df["premise"] = df["premise"].astype(str)
    df["hypothesis"] = df["hypothesis"].astype(str)
    return df


def read_many(patterns: list[str | Path], limit: int | None = None) -> pd.DataFrame:
    """Read and concatenate several JSONL files; adds a ``source`` column."""
    frames = []
    for p in expand_paths(patterns):
        df = read_nli_jsonl(p, limit=limit)
        df["source"] = str(p)
        frames.append(df[["premise", "hypothesis", "label", "source"]])
    return pd.concat(frames, ignore_index=True)


_STOPWORDS = frozenset(
    "a an the and or but of to in on at for with from by as is are was were be been being has have had do does did "
    "not no this that these those it its he she they them his her their there here who whom which what when where "
    "will would can could should may might must than then also very more most some any all each other such only own "
    "same into over after before about against between through during under again further once just".split()
)


def content_words(text: str) -> set[str]:
    """Lower-case words of four letters or more that are not function words."""
    return {w for w in "".join(c.lower() if c.isalpha() else " " for c in text).split() if len(w) > 3 and w not in _STOPWORDS}


def off_topic_pairs(data: pd.DataFrame, n: int, seed: int = 0, max_overlap: float = 0.5) -> pd.DataFrame:
    """``n`` *neutral* pairs: a premise with the hypothesis written for a different premise that shares a word.

    News statements on the same story share words without bearing on each other; a model trained only on
    hypotheses written for their premise learns to call such pairs contradictions. These pairs teach it
    that a statement about something else is neutral. The shared word must be rare (in at most 1% of the
    hypotheses), the hypothesis must come from an example with another premise and must not be mostly
    made of the premise's words (it could then be entailed). ``source`` is ``off-topic:<source of premise>``.
    """
    rng = random.Random(seed)
    hyp_words = [content_words(h) for h in data["hypothesis"]]
    frequency: dict[str, int] = {}
    for words in hyp_words:
        for w in words:
            frequency[w] = frequency.get(w, 0) + 1
    rare = max(2, len(data) // 100)
    index: dict[str, list[int]] = {}
    for j, words in enumerate(hyp_words):
        for w in words:
            if 2 <= frequency[w] <= rare:
                index.setdefault(w, []).append(j)
    premises = data["premise"].tolist()
    hypotheses = data["hypothesis"].tolist()
    sources = data["source"].tolist() if "source" in data else [""] * len(data)
    own = data.groupby("premise")["hypothesis"].agg(set).to_dict()
    rows, seen = [], set()
    attempts = 0
    while len(rows) < n and attempts < 50 * n:
        attempts += 1
        i = rng.randrange(len(data))
        p_words = content_words(premises[i])
        shared = sorted(w for w in p_words if w in index)
        if not shared:
            continue
        j = rng.choice(index[rng.choice(shared)])
        hyp = hypotheses[j]
        if premises[j] == premises[i] or hyp in own[premises[i]] or (i, hyp) in seen:
            continue
        if len(hyp_words[j] & p_words) > max_overlap * max(1, len(hyp_words[j])):
            continue
        seen.add((i, hyp))
        rows.append({"premise": premises[i], "hypothesis": hyp, "label": "neutral", "source": f"off-topic:{sources[i]}"})
    return pd.DataFrame(rows, columns=["premise", "hypothesis", "label", "source"])
