"""Shared fixtures: the seed article, the shipped model, tiny local models, one papermill run per test run."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("MPLBACKEND", "Agg")

from helpers import cache, paths  # noqa: E402

SEED = paths.SAMPLE_ARTICLE
TEST_DATA = Path(__file__).parent / "data"
INJECTION = TEST_DATA / "injection-article.txt"
#: Where the project keeps its caches; a test run must leave it untouched.
PROJECT_CACHE_DIR = paths.PROJECT_ROOT / ".cache"


@pytest.fixture(scope="session", autouse=True)
def temporary_cache_dir(tmp_path_factory) -> Path:
    """Point every cache of the run at a temporary folder, before any other fixture scores anything.

    ``HELPERS_CACHE_DIR`` reaches the processes a test starts (papermill kernels, Dask workers, the CLI),
    which read it in ``paths``; this process's already-imported ``paths.CACHE_DIR`` and
    ``cache.DEFAULT_CACHE`` are patched too.
    """
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HELPERS_CACHE_DIR", str(folder))
        mp.setattr(paths, "CACHE_DIR", folder)
        mp.setattr(cache, "DEFAULT_CACHE", folder / cache.DEFAULT_CACHE.name)
        yield folder


@pytest.fixture(scope="session")
def seed_article() -> Path:
    return SEED


@pytest.fixture(scope="session")
def nli_model():
    """The shipped MiniLM NLI model (loaded once); analyses without a model use the cascade on top of it."""
    from helpers.analysis import get_model

    return get_model("fast")


@pytest.fixture(scope="session")
def seed_analysis(nli_model):
    """The seed article analysed with the shipped MiniLM model and default settings."""
    from helpers.analysis import analyze_article

    return analyze_article(SEED, model=nli_model, claims=[])


@pytest.fixture
def write_article(tmp_path):
    """Write ``text`` (str or bytes) to a file named ``name`` in a temp folder and return its path."""

    def _write(text: str | bytes, name: str = "article.txt") -> Path:
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return _write


def make_tiny_bert(folder: Path, id2label: dict[int, str] | None, seed: int = 0) -> Path:
    """A tiny randomly initialised BERT classifier with the bundled tokenizer, saved to ``folder`` (no hub)."""
    import torch
    from transformers import AutoTokenizer, BertConfig, BertForSequenceClassification

    torch.manual_seed(seed)
    labels = id2label or {0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"}
    config = BertConfig(
        vocab_size=30522, hidden_size=32, num_hidden_layers=2, num_attention_heads=2, intermediate_size=64,
        num_labels=len(labels), id2label=labels, label2id={v: k for k, v in labels.items()},
    )
    BertForSequenceClassification(config).save_pretrained(folder)
    AutoTokenizer.from_pretrained(str(paths.base_encoder_dir())).save_pretrained(folder)
    return folder


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory):
    """One headless papermill run of the report notebook on the seed and the injection article."""
    from helpers.runner import run_articles

    out = tmp_path_factory.mktemp("reports")
    results = run_articles([str(SEED), str(INJECTION)], out=out)
    return out, results


def read_json(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None
