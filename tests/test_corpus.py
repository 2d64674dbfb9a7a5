"""Corpus runs on Dask: same tables as a sequential run, cross-article contradictions, bad scheduler."""

import json
import subprocess
import sys

import pandas as pd
import pytest

from helpers.corpus import CorpusError, analyze_many, combine, find_articles, run_corpus

A = ("Minister Says Troops Left\n\nDefence Minister Anna Berg said on Monday that all Russian troops had left Belarus. "
     "She added that the border was calm.\n\n©2022 North Wire\n")
B = ("Moscow Says Troops Stay\n\nKremlin spokesman Dmitry Peskov denied on Tuesday that Russian troops had left Belarus. "
     "He said the exercises would continue for another month.\n\n©2022 East Wire\n")


@pytest.fixture
def corpus_dir(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "north.txt").write_text(A)
    (folder / "north.meta.json").write_text(json.dumps({"date": "2022-02-07"}))
    (folder / "east.json").write_text(json.dumps({"text": B.split("\n\n", 1)[1], "title": "Moscow Says Troops Stay", "outlet": "East Wire", "date": "2022-02-08"}))
    (folder / "broken.txt").write_text("")
    return folder


def test_find_articles(corpus_dir):
    assert [p.name for p in find_articles(corpus_dir)] == ["broken.txt", "east.json", "north.txt"]
    with pytest.raises(CorpusError, match="no article files found"):
        find_articles(corpus_dir / "*.docx")


def test_a_negative_worker_count_is_refused_before_any_work(corpus_dir, tmp_path):
    """``workers=-1`` would start a cluster that never runs anything: it is one ``CorpusError`` instead."""
    with pytest.raises(CorpusError, match=r"workers must be 0 or more \(0: no Dask\), got -1"):
        run_corpus(corpus_dir, tmp_path / "out", workers=-1)
    with pytest.raises(CorpusError, match="got -2"):
        analyze_many(find_articles(corpus_dir), workers=-2)
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_dask_run_equals_sequential_and_finds_cross_article_conflict(corpus_dir, tmp_path, nli_model):
    files = find_articles(corpus_dir)
    sequential = combine(analyze_many(files, workers=0, model="fast"), nli_model)  # MiniLM alone: the cascade is slower on two workers
    out = tmp_path / "out"
    parallel = run_corpus(corpus_dir, out, workers=2, notebook=True, model="fast")
    assert [f["source"].endswith("broken.txt") for f in parallel.failed] == [True]
    for name in ("articles", "statements", "contradictions", "cross_contradictions", "stances"):
        # Same rows, ids, speakers and kinds; scores equal up to bf16 rounding, which depends on the
        # thread count (1 per Dask worker here, 2 in this process): measured at most 2e-4.
        pd.testing.assert_frame_equal(
            getattr(parallel, name).reset_index(drop=True), getattr(sequential, name).reset_index(drop=True),
            check_dtype=False, check_exact=False, atol=1e-3,
        )
        assert (out / f"{name}.parquet").is_file()
    cross = parallel.cross_contradictions
    assert {"Anna Berg", "Dmitry Peskov"} <= set(cross["a_speaker"]) | set(cross["b_speaker"])
    top = cross.iloc[0]
    assert {top["a_outlet"], top["b_outlet"]} == {"North Wire", "East Wire"} and top["kind"] == "denial"
    assert set(parallel.statements["slug"]) == {"north", "east"}
    page = (out / "corpus-report-reader.html").read_text()
    assert page.count('src="data:image/png;base64,') >= 2


def test_unreachable_scheduler_is_a_clear_error(corpus_dir):
    """Exit code 2 and one line naming the address (how long it takes: ``benchmarks/bench_corpus.py``)."""
    proc = subprocess.run([sys.executable, "-m", "helpers", "corpus", str(corpus_dir), "--scheduler", "tcp://127.0.0.1:9", "--no-report"],
                          capture_output=True, text=True, timeout=600)  # only a guard against a hang
    assert proc.returncode == 2 and "tcp://127.0.0.1:9: no Dask scheduler answered within 5 s" in proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.slow
def test_existing_scheduler_is_used(corpus_dir):
    from dask.distributed import LocalCluster

    files = [f for f in find_articles(corpus_dir) if f.name != "broken.txt"]
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        remote = analyze_many(files, scheduler=cluster.scheduler_address, model="fast")
    local = analyze_many(files, workers=0, model="fast")
    assert [r["ok"] for r in remote] == [True, True]
    for r, s in zip(remote, local):
        pd.testing.assert_frame_equal(r["statements"], s["statements"])


def test_find_articles_of_one_episode(tmp_path):
    """``--episode`` keeps the articles whose sidecar names the episode; none is a clear error."""
    import json

    from helpers.corpus import CorpusError, find_articles

    for name, episode in (("a", "ep-1"), ("b", "ep-2"), ("c", "ep-1"), ("d", None)):
        (tmp_path / f"{name}.txt").write_text("Text.\n")
        if episode is not None:
            (tmp_path / f"{name}.meta.json").write_text(json.dumps({"episode": episode}))
    assert [p.name for p in find_articles(tmp_path, "ep-1")] == ["a.txt", "c.txt"]
    assert len(find_articles(tmp_path)) == 4
    with pytest.raises(CorpusError, match=r"no article of episode 'ep-9'"):
        find_articles(tmp_path, "ep-9")
