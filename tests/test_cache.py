"""The NLI score cache: hits and misses, concurrent writers, corrupt or foreign files."""

import multiprocessing as mp
import sqlite3

import pandas as pd
import pytest

from helpers.cache import CachedNLI, NLICache, cache_of, cached


class CountingModel:
    fingerprint = "fp-test"
    name = "counting"

    def __init__(self):
        self.scored = 0

    def predict(self, premises, hypotheses, progress=None, **kwargs):
        self.scored += len(premises)
        return pd.DataFrame([[0.7, 0.2, 0.1] if "deal" in p else [0.1, 0.2, 0.7] for p in premises],
                            columns=["entailment", "neutral", "contradiction"])


def test_hits_and_misses(tmp_path):
    model = CountingModel()
    cached = CachedNLI(model, NLICache(tmp_path / "c.sqlite"))
    first = cached.predict(["a deal", "no"], ["x", "y"])
    assert model.scored == 2 and cached.cache.misses == 2
    second = cached.predict(["no", "a deal", "new deal"], ["y", "x", "z"])
    assert model.scored == 3 and cached.cache.hits == 2  # only the new pair was scored
    assert second.loc[1].tolist() == first.loc[0].tolist() and second.loc[0].tolist() == first.loc[1].tolist()
    model.fingerprint = "another-model"
    cached.predict(["a deal"], ["x"])
    assert model.scored == 4  # a different model never reuses scores


def test_a_cascade_reuses_what_each_of_its_models_left_in_the_cache(tmp_path):
    from helpers.nli import CascadeNLI

    fast, full = CountingModel(), CountingModel()
    full.fingerprint = "fp-full"
    cache = NLICache(tmp_path / "c.sqlite")
    cached(full, cache).predict(["a deal", "no"], ["x", "y"])  # the full model alone, as with --model base
    assert full.scored == 2
    cascade = cached(CascadeNLI(fast, full, screen=0.5), cache)
    assert isinstance(cascade, CascadeNLI) and cascade.fingerprint == CascadeNLI(fast, full, screen=0.5).fingerprint
    cascade.predict(["a deal", "no", "new deal"], ["x", "y", "z"])
    assert fast.scored == 3 and full.scored == 3  # only the new pair went to the full model
    cascade.predict(["a deal", "no", "new deal"], ["x", "y", "z"])
    assert fast.scored == 3 and full.scored == 3
    assert isinstance(cached(fast, cache), CachedNLI)
    assert cache_of(cascade) is cache and cache_of(cached(fast, cache)) is cache  # where the pair model keeps its scores
    assert cache_of(fast) is None and cache_of(CascadeNLI(fast, full, screen=0.5)) is None


def _writer(path, worker):
    cache = NLICache(path)
    for round_ in range(20):
        prem = [f"p{worker}-{round_}-{i}" for i in range(10)] + [f"shared-{i}" for i in range(10)]
        cache.put("fp", prem, ["h"] * len(prem), pd.DataFrame([[0.2, 0.3, 0.5]] * len(prem), columns=["entailment", "neutral", "contradiction"]))
    cache.close()


def test_concurrent_writers(tmp_path):
    path = tmp_path / "c.sqlite"
    NLICache(path).close()
    procs = [mp.get_context("spawn").Process(target=_writer, args=(path, w)) for w in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert all(p.exitcode == 0 for p in procs)
    assert len(NLICache(path)) == 4 * 20 * 10 + 10


@pytest.mark.parametrize("content", [b"this is not a database at all" * 100, "foreign"])
def test_corrupt_or_foreign_file_is_rebuilt(tmp_path, content):
    path = tmp_path / "c.sqlite"
    if content == "foreign":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE scores (key TEXT, whatever TEXT)")
        conn.execute("INSERT INTO scores VALUES ('k', 'poison')")
        conn.commit()
        conn.close()
    else:
        path.write_bytes(content)
    with pytest.warns(RuntimeWarning, match="not a usable NLI cache"):
        cache = NLICache(path)
    assert len(cache) == 0
    assert list(tmp_path.glob("c.sqlite.bad-*"))
    model = CountingModel()
    CachedNLI(model, cache).predict(["a deal"], ["x"])
    assert model.scored == 1 and len(cache) == 1
