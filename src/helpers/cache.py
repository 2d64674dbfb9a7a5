"""An on-disk cache of NLI scores, keyed by model fingerprint and exact premise/hypothesis text.

SQLite in WAL mode with a busy timeout, so several processes (notebook re-runs, parallel workers) can
read and write at once. A file that is not this cache (corrupt, or some other database) is moved aside
with a warning and rebuilt: its contents are never trusted.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import time
import warnings
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from .nli_data import LABELS
from .paths import CACHE_DIR

log = logging.getLogger(__name__)

DEFAULT_CACHE = CACHE_DIR / "nli-cache.sqlite"
APPLICATION_ID = 0x4E4C4943  # "NLIC"
SCHEMA = 1


def _key(fingerprint: str, premise: str, hypothesis: str) -> str:
    return hashlib.sha256(f"{fingerprint}\x1f{premise}\x1f{hypothesis}".encode()).hexdigest()


class NLICache:
    """Scores stored per (model fingerprint, premise, hypothesis)."""

    def __init__(self, path: str | Path | None = None) -> None:
        """Open (or create) the cache at ``path``; ``None`` means ``DEFAULT_CACHE`` as it is when called."""
        self.path = Path(path) if path is not None else DEFAULT_CACHE
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.hits = 0
        self.misses = 0
        self._conn = self._open()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        conn.execute("PRAGMA busy_timeout = 30000")
        return conn

    def _open(self) -> sqlite3.Connection:
        try:
            conn = self._connect()
            app = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not tables and app == 0:
                self._create(conn)
                return conn
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if app != APPLICATION_ID or version != SCHEMA or "scores" not in tables:
                conn.close()
                raise sqlite3.DatabaseError("not an NLI score cache of this version")
            conn.execute("PRAGMA quick_check").fetchone()
            return conn
        except sqlite3.DatabaseError as exc:
            aside = self.path.with_name(f"{self.path.name}.bad-{int(time.time())}")
            warnings.warn(f"{self.path}: not a usable NLI cache ({exc}); moved to {aside.name} and rebuilt", RuntimeWarning, stacklevel=3)
            for suffix in ("", "-wal", "-shm"):
                p = Path(str(self.path) + suffix)
                if p.exists():
                    p.rename(Path(str(aside) + suffix))
            conn = self._connect()
            self._create(conn)
            return conn

    @staticmethod
    def _create(conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {SCHEMA}")
        conn.execute(
            "CREATE TABLE IF NOT EXISTS scores (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, "
            "entailment REAL NOT NULL, neutral REAL NOT NULL, contradiction REAL NOT NULL)"
        )

    def get(self, fingerprint: str, premises: Sequence[str], hypotheses: Sequence[str]) -> dict[int, tuple[float, float, float]]:
        """Cached scores for the pairs that have them, by position."""
        keys = [_key(fingerprint, p, h) for p, h in zip(premises, hypotheses)]
        found: dict[str, tuple[float, float, float]] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            rows = self._conn.execute(
                f"SELECT key, entailment, neutral, contradiction FROM scores WHERE key IN ({','.join('?' * len(chunk))})", chunk
            ).fetchall()
            found.update({r[0]: (r[1], r[2], r[3]) for r in rows})
        return {i: found[k] for i, k in enumerate(keys) if k in found}

    def put(self, fingerprint: str, premises: Sequence[str], hypotheses: Sequence[str], probs: pd.DataFrame) -> None:
        """Store scores (one transaction; concurrent writers wait their turn)."""
        rows = [
            (_key(fingerprint, p, h), fingerprint, float(e), float(n), float(c))
            for p, h, e, n, c in zip(premises, hypotheses, probs["entailment"], probs["neutral"], probs["contradiction"])
        ]
        with self._conn:
            self._conn.execute("BEGIN IMMEDIATE")
            self._conn.executemany("INSERT OR REPLACE INTO scores VALUES (?, ?, ?, ?, ?)", rows)

    def __len__(self) -> int:
        return self._conn.execute("SELECT COUNT(*) FROM scores").fetchone()[0]

    def close(self) -> None:
        self._conn.close()


class CachedNLI:
    """An NLI model whose ``predict`` looks in the cache first and scores only what is missing."""

    def __init__(self, model, cache: NLICache) -> None:
        self.model = model
        self.cache = cache

    def __getattr__(self, name):  # fingerprint, describe, labels, tokenizer ... come from the model
        return getattr(self.model, name)

    def predict(self, premises: Sequence[str], hypotheses: Sequence[str], progress: bool | None = None, **kwargs) -> pd.DataFrame:
        premises, hypotheses = list(premises), list(hypotheses)
        fp = self.model.fingerprint
        known = self.cache.get(fp, premises, hypotheses)
        missing = [i for i in range(len(premises)) if i not in known]
        self.cache.hits += len(known)
        self.cache.misses += len(missing)
        values = np.zeros((len(premises), len(LABELS)))
        if known:  # one array assignment: row-by-row .loc took 12 of 22 s on a warm 800-statement run
            values[list(known)] = np.array(list(known.values()), dtype=float)  # (e, n, c): the order of LABELS
        if missing:
            fresh = self.model.predict([premises[i] for i in missing], [hypotheses[i] for i in missing], progress=progress, **kwargs)
            values[missing] = fresh[list(LABELS)].to_numpy()
            self.cache.put(fp, [premises[i] for i in missing], [hypotheses[i] for i in missing], fresh)
        return pd.DataFrame(values, columns=list(LABELS))


def cached(model, cache: NLICache):
    """``model`` reading and filling ``cache``; a cascade caches each of its two models under its own fingerprint,
    so it reuses the scores either model alone left there."""
    from .nli import CascadeNLI

    if isinstance(model, CascadeNLI):
        return CascadeNLI(CachedNLI(model.fast, cache), CachedNLI(model.full, cache), screen=model.screen)
    return CachedNLI(model, cache)


def cache_of(model) -> NLICache | None:
    """The cache ``model`` reads and fills (as ``cached`` made it), or None."""
    from .nli import CascadeNLI

    reader = model.fast if isinstance(model, CascadeNLI) else model
    return reader.cache if isinstance(reader, CachedNLI) else None
