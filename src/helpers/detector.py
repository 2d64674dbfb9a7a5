"""Model-first contradiction detection: a small model over NLI, attribution and position features.

Every pair of quoted statements gets features from the NLI model (both directions on the contents, and how
strongly each content says that something is false or did not happen), from the attribution (the cues'
polarity, same speaker or not, what each speaker says elsewhere in the article), from where the two stand
in the text, and from the pair model (``helpers.pair_model``), which reads both statements with their
speakers and cues. A model fitted on the real-article dev set (``data/real/``, ``python -m helpers calibrate``)
turns them into the probability that an annotator marks the pair as a contradiction: shallow gradient-boosted
trees (``kind="trees"``, the default since the dev set reached 106 articles) or a logistic regression
(``kind="logistic"``). The fitted model (weights, or the trees' splits and leaf values, kept as plain numbers),
the cut-off chosen on held-out folds and the figures measured there live in ``models/detector.json``, one entry
per NLI model.

The score shown to users is that probability rescaled so that the calibrated cut-off reads 0.60 (the project's
threshold everywhere): below the cut-off it runs linearly from 0 to 0.6, above it from 0.6 to 1, so ranks are
the model's and a flag means what the default threshold means.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .paths import DETECTOR_FILE

log = logging.getLogger(__name__)

#: Hypotheses the NLI model checks each content against: how strongly it dismisses something.
DISMISSALS: dict[str, str] = {
    "false": "That is false.",
    "not_happened": "It did not happen.",
    "denies": "Someone denies something.",
}
SIGN = {"assert": 1, "deny": -1, "retract": -1, "hedge": 0}
#: Feature groups, in the order the model reads them. ``rules`` are the plain polarity-aware NLI score and the
#: text's links (``contradictions.score_pairs``): measured in the ablation, left out of the shipped model when
#: they do not pay (docs/evaluation.md).
GROUPS: dict[str, tuple[str, ...]] = {
    "nli": ("ab_entail", "ba_entail", "ab_contradict", "ba_contradict", "similarity", "opposite", "any_negative", "same_speaker", "polarity_score"),
    "dismissal": ("dismiss_max", "dismiss_gap", "not_happened_max", "not_happened_gap", "denies_max", "denies_gap", "speaker_dismiss_gap", "speaker_not_happened_gap", "sentence_similarity"),
    "shape": ("length_min", "length_max", "paragraph_min", "same_speaker_dismiss"),
    "speakers": ("speakers_opposite", "speakers_similarity", "speakers_polarity_score", "speakers_pairs", "speakers_denier_vs_other", "paragraph_gap",
                 "same_country", "other_country"),
    "pair": ("pair_model",),
    "context": ("context_rank", "context_gap", "article_gap"),
    "rules": ("rule_conflict", "rule_linked"),
}
#: The probability cut-off reads as this score.
SCORE_AT_CUTOFF = 0.6
#: The kinds of model ``fit_detector`` fits, the default first.
KINDS = ("trees", "logistic")
DEFAULT_KIND = KINDS[0]
#: The gradient-boosted trees' settings (chosen on the dev set's out-of-fold figures, docs/evaluation.md).
TREES = {"max_iter": 100, "learning_rate": 0.05, "max_depth": 3, "min_samples_leaf": 80, "early_stopping": False, "random_state": 0}


class DetectorError(ValueError):
    """The detector file is missing, unreadable or has no entry usable for a model."""


@dataclass
class Detector:
    """A fitted model on standardised features: logistic weights (``coef``), or trees whose leaf values add up
    with ``intercept`` on the logit scale (``trees``: one dict of node arrays per tree); and the chosen cut-off
    on its probability."""

    features: list[str]
    coef: list[float]
    intercept: float
    mean: list[float]
    scale: list[float]
    cutoff: float
    model: str = ""
    report: dict = field(default_factory=dict)
    trees: list[dict] = field(default_factory=list)

    def probability(self, features: pd.DataFrame) -> np.ndarray:
        """The probability that each row is a contradiction an annotator would mark."""
        if features.empty:
            return np.zeros(0)
        x = (features[self.features].to_numpy(float) - np.asarray(self.mean)) / np.asarray(self.scale)
        logit = sum((_tree_value(t, x) for t in self.trees), np.zeros(len(x))) if self.trees else x @ np.asarray(self.coef)
        return 1.0 / (1.0 + np.exp(-(logit + self.intercept)))

    def score(self, probability: np.ndarray) -> np.ndarray:
        """Probabilities rescaled so that ``cutoff`` reads ``SCORE_AT_CUTOFF`` (ranks unchanged)."""
        p = np.asarray(probability, dtype=float)
        t = min(max(self.cutoff, 1e-6), 1 - 1e-6)
        low = SCORE_AT_CUTOFF * p / t
        high = SCORE_AT_CUTOFF + (1 - SCORE_AT_CUTOFF) * (p - t) / (1 - t)
        return np.where(p < t, low, high).clip(0.0, 1.0)

    def to_dict(self) -> dict:
        out = {k: getattr(self, k) for k in ("features", "coef", "intercept", "mean", "scale", "cutoff", "model", "report")}
        if self.trees:
            out["trees"] = self.trees
        return out


def _tree_value(tree: Mapping[str, list], x: np.ndarray) -> np.ndarray:
    """The leaf value each row of ``x`` reaches in one tree (a value at or under a node's threshold goes left;
    a missing value goes where the node says)."""
    feature, threshold, left, right = (np.asarray(tree[k]) for k in ("feature", "threshold", "left", "right"))
    leaf, missing_left, value = np.asarray(tree["leaf"], bool), np.asarray(tree["missing_left"], bool), np.asarray(tree["value"], float)
    node = np.zeros(len(x), dtype=int)
    rows = np.arange(len(x))
    while not leaf[node].all():
        v = x[rows, feature[node]]
        go_left = np.where(np.isnan(v), missing_left[node], v <= threshold[node])
        node = np.where(leaf[node], node, np.where(go_left, left[node], right[node]))
    return value[node]


def _trees_of(model) -> tuple[list[dict], float]:
    """The fitted ``HistGradientBoostingClassifier``'s trees as plain lists, and its baseline logit. It reads
    scikit-learn's own tree arrays (the version pinned in pyproject.toml); ``tests/test_detector.py`` checks
    that the saved trees predict exactly as scikit-learn does."""
    trees = []
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        trees.append({
            "feature": nodes["feature_idx"].astype(int).tolist(), "threshold": [float(v) for v in nodes["num_threshold"]],
            "left": nodes["left"].astype(int).tolist(), "right": nodes["right"].astype(int).tolist(),
            "leaf": nodes["is_leaf"].astype(bool).tolist(), "missing_left": nodes["missing_go_to_left"].astype(bool).tolist(),
            "value": [float(v) for v in nodes["value"]],
        })
    return trees, float(np.ravel(model._baseline_prediction)[0])


def load_detector(model_key: str, path: str | Path | None = None) -> Detector:
    """The detector fitted for ``model_key`` (``"fast"``, ``"base"``...); a model with no entry of its own
    uses the ``"fast"`` entry, with a warning that its scores were not calibrated for it."""
    path = Path(path) if path is not None else DETECTOR_FILE
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DetectorError(f"{path}: the detector file is missing; run `python -m helpers calibrate data/real/gold/*.json` to fit it") from None
    except (OSError, json.JSONDecodeError) as exc:
        raise DetectorError(f"{path}: cannot read the detector file ({exc})") from None
    entry = entries.get(model_key)
    if entry is None:
        entry = entries.get("fast")
        if entry is None:
            raise DetectorError(f"{path}: no detector for model {model_key!r} and no 'fast' entry to fall back on")
        log.warning("no detector fitted for model %r; using the one fitted for 'fast' (scores are not calibrated for this model)", model_key)
    try:
        return Detector(**{k: entry[k] for k in ("features", "coef", "intercept", "mean", "scale", "cutoff")}, model=entry.get("model", model_key),
                        report=entry.get("report", {}), trees=entry.get("trees", []))
    except (KeyError, TypeError) as exc:
        raise DetectorError(f"{path}: the entry for {model_key!r} is incomplete ({exc})") from None


def save_detector(detector: Detector, key: str, path: str | Path | None = None) -> Path:
    """Write ``detector`` under ``key`` into the detector file, keeping the other models' entries."""
    from .files import write_text_atomic

    path = Path(path) if path is not None else DETECTOR_FILE
    entries = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    entries[key] = detector.to_dict()
    return write_text_atomic(path, json.dumps(entries, indent=1, sort_keys=True) + "\n")


def dismissal_scores(model, contents: Mapping[int, str], predict) -> dict[str, dict[int, float]]:
    """For each hypothesis in ``DISMISSALS``, each statement's probability that its content entails it."""
    ids = list(contents)
    out: dict[str, dict[int, float]] = {}
    for name, hypothesis in DISMISSALS.items():
        probs = predict(model, [contents[i] for i in ids], [hypothesis] * len(ids)) if ids else pd.DataFrame({"entailment": []})
        out[name] = dict(zip(ids, probs["entailment"].to_numpy(float)))
    return out


def pair_features(
    rows: pd.DataFrame, statements: pd.DataFrame, nli: Mapping[tuple[int, int], tuple[float, float, float, float]],
    dismissal: Mapping[str, Mapping[int, float]], sentence_similarity: Mapping[tuple[int, int], float],
    pair_scores: Sequence[float] | None = None,
) -> pd.DataFrame:
    """One row of features per scored pair (``rows`` has a, b, similarity, rule_conflict and linked).

    ``nli[(a, b)]`` holds entailment a→b, b→a and contradiction a→b, b→a on the contents; ``pair_scores``, when
    given, the pair model's probability for each row (``helpers.pair_model``), read on the logit scale."""
    by_id = statements.set_index("id")
    out = pd.DataFrame(index=rows.index)
    if rows.empty:
        return out.assign(**{name: [] for group in GROUPS.values() for name in group})
    a, b = rows["a"].astype(int).to_numpy(), rows["b"].astype(int).to_numpy()
    speaker = by_id["speaker"].to_dict()
    sign = by_id["polarity"].map(SIGN).fillna(1).to_dict()
    paragraph = by_id["paragraph"].fillna(0).astype(float).to_dict() if "paragraph" in by_id else {}
    words = by_id["content"].fillna("").str.split().str.len().to_dict()
    scores = np.array([nli[(x, y)] for x, y in zip(a, b)], dtype=float).reshape(-1, 4)
    out["ab_entail"], out["ba_entail"], out["ab_contradict"], out["ba_contradict"] = scores.T
    out["similarity"] = rows["similarity"].astype(float).to_numpy()
    sa, sb = np.array([sign[x] for x in a]), np.array([sign[y] for y in b])
    out["opposite"] = (sa * sb < 0).astype(float)
    out["any_negative"] = ((sa < 0) | (sb < 0)).astype(float)
    same = np.array([speaker[x] == speaker[y] for x, y in zip(a, b)])
    out["same_speaker"] = same.astype(float)
    out["polarity_score"] = np.where(sa * sb < 0, scores[:, :2].max(axis=1), scores[:, 2:].mean(axis=1))
    for name, column in (("false", "dismiss"), ("not_happened", "not_happened"), ("denies", "denies")):
        da = np.array([dismissal[name][x] for x in a])
        db = np.array([dismissal[name][y] for y in b])
        out[f"{column}_max"] = np.maximum(da, db)
        out[f"{column}_gap"] = np.abs(da - db)
    for name, column in (("false", "speaker_dismiss_gap"), ("not_happened", "speaker_not_happened_gap")):
        most: dict[str, float] = {}
        for i, value in dismissal[name].items():
            most[speaker[i]] = max(most.get(speaker[i], 0.0), value)
        out[column] = [abs(most[speaker[x]] - most[speaker[y]]) for x, y in zip(a, b)]
    out["sentence_similarity"] = [sentence_similarity[(x, y)] for x, y in zip(a, b)]
    wa, wb = np.array([words[x] for x in a]), np.array([words[y] for y in b])
    out["length_min"] = np.log1p(np.minimum(wa, wb))
    out["length_max"] = np.log1p(np.maximum(wa, wb))
    pa = np.array([paragraph.get(x, 0.0) for x in a])
    pb = np.array([paragraph.get(y, 0.0) for y in b])
    out["paragraph_min"] = np.minimum(pa, pb).clip(0, 15) / 15
    out["same_speaker_dismiss"] = same * out["dismiss_max"].to_numpy()
    out["paragraph_gap"] = np.abs(pa - pb).clip(0, 20) / 20
    # what the two speakers say to each other over all their scored pairs
    key = pd.Series([tuple(sorted((speaker[x], speaker[y]))) for x, y in zip(a, b)], index=rows.index)
    grouped = out.assign(key=key).groupby("key")
    out["speakers_opposite"] = grouped["opposite"].transform("max")
    out["speakers_similarity"] = grouped["similarity"].transform("max")
    out["speakers_polarity_score"] = grouped["polarity_score"].transform("max")
    out["speakers_pairs"] = np.log1p(grouped["opposite"].transform("size"))
    denier: dict[str, bool] = {}
    for i, s in sign.items():
        denier[speaker[i]] = denier.get(speaker[i], False) or s < 0
    out["speakers_denier_vs_other"] = [float(denier[speaker[x]] != denier[speaker[y]]) for x, y in zip(a, b)]
    # the speakers' countries, where the article says them: one side ("Belarusian military", "Belarusian defence
    # ministry") or two; both 0 when either is not known
    country = by_id["country"].fillna("").to_dict() if "country" in by_id else {}
    ca, cb = [country.get(x, "") for x in a], [country.get(y, "") for y in b]
    out["same_country"] = [float(bool(x) and x == y) for x, y in zip(ca, cb)]
    out["other_country"] = [float(bool(x) and bool(y) and x != y) for x, y in zip(ca, cb)]
    if pair_scores is not None:
        from .pair_model import to_logit

        out["pair_model"] = to_logit(np.asarray(pair_scores, dtype=float))
        out[list(GROUPS["context"])] = context_features(a, b, out["pair_model"].to_numpy())
    else:
        out[list(GROUPS["context"])] = 0.0
    # for the ablation: the plain polarity-aware NLI score and the text's links
    rules = rows.reindex(columns=["rule_conflict", "linked"])
    out["rule_conflict"] = rules["rule_conflict"].fillna(0.0).astype(float).to_numpy()
    out["rule_linked"] = rules["linked"].fillna(False).astype(bool).astype(float).to_numpy()
    return out


def context_features(a: Sequence[int], b: Sequence[int], score: np.ndarray) -> np.ndarray:
    """How each pair of one article stands against its neighbours by ``score`` (the pair model's logit): its rank
    among the pairs that share a statement with it, on the side where it stands lower (log(1 + rank); 0 when it
    is the best pair of both its statements), how far it falls below the best of those, and how far below the
    article's best pair. One row per pair, in the order given; a pair without a score (NaN) gets NaN and leaves its
    neighbours' figures alone."""
    score = np.asarray(score, dtype=float)
    n = len(score)
    if n == 0:
        return np.zeros((0, 3))
    long = pd.DataFrame({"id": np.concatenate([np.asarray(a), np.asarray(b)]), "score": np.concatenate([score, score]),
                         "row": np.concatenate([np.arange(n), np.arange(n)])})
    by_statement = long.groupby("id")["score"]
    long["rank"] = by_statement.rank(ascending=False, method="min") - 1
    long["gap"] = by_statement.transform("max") - long["score"]
    per_row = long.groupby("row")[["rank", "gap"]].max().reindex(np.arange(n))
    best = np.nanmax(score) if np.isfinite(score).any() else np.nan
    return np.column_stack([np.log1p(per_row["rank"].to_numpy()), per_row["gap"].to_numpy(), best - score])


def _classifier(kind: str, c: float):
    if kind not in KINDS:
        raise ValueError(f"detector kind must be one of {', '.join(KINDS)}, got {kind!r}")
    if kind == "trees":
        from sklearn.ensemble import HistGradientBoostingClassifier
        return HistGradientBoostingClassifier(**TREES)
    from sklearn.linear_model import LogisticRegression
    return LogisticRegression(C=c, max_iter=5000)


def fit_detector(
    features: pd.DataFrame, labels: Sequence[bool], groups: Sequence[str], names: Sequence[str], folds: int = 6, c: float = 1.0,
    kind: str = DEFAULT_KIND,
) -> tuple[Detector, np.ndarray]:
    """Fit the model of ``kind`` (``KINDS``) on ``names`` and choose its cut-off on out-of-fold probabilities
    (folds by ``groups``, so an episode's articles are never on both sides). Returns the detector fitted on
    every row and the out-of-fold probabilities."""
    from sklearn.model_selection import GroupKFold

    x = features[list(names)].to_numpy(float)
    y = np.asarray(labels, dtype=bool)
    mean, scale = x.mean(axis=0).round(6), x.std(axis=0).round(6)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale  # with the saved (rounded) mean and scale, so the trees' thresholds read saved features alike
    oof = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=min(folds, len(set(groups)))).split(z, y, np.asarray(groups)):
        oof[test] = _classifier(kind, c).fit(z[train], y[train]).predict_proba(z[test])[:, 1]
    cutoff = best_cutoff(oof, y, *gold_pairs_of(features))
    final = _classifier(kind, c).fit(z, y)
    if kind == "trees":
        trees, intercept = _trees_of(final)
        coef: list[float] = []
    else:
        trees, intercept, coef = [], round(float(final.intercept_[0]), 6), [round(float(v), 6) for v in final.coef_[0]]
    detector = Detector(
        features=list(names), coef=coef, intercept=intercept,
        mean=[float(v) for v in mean], scale=[float(v) for v in scale], cutoff=round(float(cutoff), 4), trees=trees,
    )
    return detector, oof


def gold_pairs_of(pairs: pd.DataFrame) -> tuple[list[frozenset[str]] | None, int | None]:
    """The gold contradictions each scored pair finds (column ``finds``: keys joined by ``;``) and how many gold
    contradictions the pairs' articles hold (``file_gold``, per article), as ``best_cutoff`` reads them; (None, None)
    when the pairs do not carry them."""
    if not {"finds", "file_gold", "file"} <= set(pairs.columns):
        return None, None
    finds = [frozenset(k for k in str(v).split(";") if k) if isinstance(v, str) else frozenset() for v in pairs["finds"]]
    return finds, int(pairs.groupby("file")["file_gold"].first().sum())


def gold_recall(flagged: np.ndarray, finds: Sequence[frozenset[str]], total: int) -> float:
    """The share of ``total`` gold contradictions that some flagged pair finds."""
    found = set().union(*(f for f, on in zip(finds, flagged) if on))
    return len(found) / total if total else 0.0


def best_cutoff(probability: np.ndarray, labels: np.ndarray, finds: Sequence[frozenset[str]] | None = None, total: int | None = None) -> float:
    """The probability cut-off with the best F1 of the flags' precision and their recall. With ``finds`` (the gold
    contradictions each pair finds) and ``total``, recall is that of the gold contradictions, as
    ``eval-contradictions`` measures it: a second pair joining parts of a contradiction already found adds a right
    flag but finds nothing new. Without them, recall is that of the marked pairs."""
    best, best_f1 = 0.5, -1.0
    for t in np.arange(0.05, 0.951, 0.01):
        flagged = probability >= t
        tp = float((flagged & labels).sum())
        if not flagged.any() or tp == 0:
            continue
        precision = tp / flagged.sum()
        recall = gold_recall(flagged, finds, total) if finds is not None and total else tp / labels.sum()
        f1 = 2 * precision * recall / (precision + recall)
        if f1 > best_f1:
            best, best_f1 = round(float(t), 2), f1
    return best
