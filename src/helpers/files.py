"""Writing files so that an interrupted run never leaves half a file: temporary name, then rename."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd


def write_atomic(path: str | Path, write: Callable[[Path], object]) -> Path:
    """Call ``write(tmp)`` on a temporary file beside ``path``, then rename it over ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def write_text_atomic(path: str | Path, text: str) -> Path:
    """Write UTF-8 text atomically."""
    return write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def save_tables(folder: str | Path, tables: dict[str, pd.DataFrame]) -> list[Path]:
    """Each table as ``NAME.csv`` and ``NAME.parquet`` in ``folder``, atomically."""
    folder = Path(folder)
    written = []
    for name, df in tables.items():
        written.append(write_atomic(folder / f"{name}.csv", lambda tmp, df=df: df.to_csv(tmp, index=False)))
        written.append(write_atomic(folder / f"{name}.parquet", lambda tmp, df=df: df.to_parquet(tmp, index=False)))
    return written


def read_jsonl(path: str | Path, required: set[str], need: str, error: type[ValueError] = ValueError) -> Iterator[dict]:
    """The JSON objects of a JSON Lines file, blank lines skipped; a line that is not JSON, or not an object with
    the ``required`` keys, raises ``error`` naming ``FILE:LINE`` (``need`` says what a line needs)."""
    path = Path(path)
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise error(f"{path}:{lineno}: not valid JSON ({exc.msg})") from None
            if not isinstance(row, dict) or not required <= row.keys():
                raise error(f"{path}:{lineno}: {need}")
            yield row
