"""Reading labelled NLI pairs from JSON Lines files."""

from __future__ import annotations

import glob
import json
from pathlib import Path

import pandas as pd

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
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{lineno}: not valid JSON ({exc.msg})") from None
            if not isinstance(row, dict) or not {"premise", "hypothesis", "label"} <= row.keys():
                raise ValueError(f"{path}:{lineno}: a row needs premise, hypothesis and label")
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
