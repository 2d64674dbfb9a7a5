"""Fitting the contradiction detector on gold articles, with figures on held-out folds and a feature ablation."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
from tqdm.auto import tqdm

from .detector import DEFAULT_KIND, GROUPS, Detector, best_cutoff, context_features, fit_detector, gold_pairs_of, gold_recall
from .pair_model import out_of_fold_scores, side_text, to_logit

log = logging.getLogger(__name__)

#: The feature groups of the shipped detector; ``rules`` is measured in the ablation only.
SHIPPED_GROUPS = ("nli", "dismissal", "shape", "speakers", "pair")


def episode_of(article_path: Path) -> str:
    """The episode named in an article's ``.meta.json`` sidecar, else the article's own name."""
    meta = Path(article_path).with_suffix(".meta.json")
    if meta.is_file():
        episode = json.loads(meta.read_text(encoding="utf-8")).get("episode")
        if episode:
            return str(episode)
    return Path(article_path).stem


def collect_pairs(paths: Sequence[str | Path], model, pair: bool = True) -> pd.DataFrame:
    """Every scored pair of quoted statements in the gold articles: its features, whether the gold marks it
    (it joins a part of one gold statement to a part of the other), the article's name and episode, and both
    sides as the pair model reads them (``ta``, ``tb``).

    With ``pair``, the ``pair_model`` feature of a dev article's pair is its out-of-fold score (the pair model
    never saw the pair when it scored it); a held-out article's pairs get the shipped pair model's score."""
    from .analysis import analyze_article
    from .evaluation import joined_parts, load_gold, match_parts

    every = [name for group, names in GROUPS.items() if pair or group not in ("pair", "context") for name in names]
    probe = Detector(features=every, coef=[0.0] * len(every), intercept=0.0, mean=[0.0] * len(every), scale=[1.0] * len(every), cutoff=0.5)
    frames = []
    for path in tqdm(list(paths), desc="articles", unit="article", disable=len(paths) < 3):
        gold = load_gold(path)
        result = analyze_article(gold.article_path, model=model, claims=[], detector=probe)
        features = result.features
        if features is None or features.empty:
            continue
        links = result.links.loc[features.index]
        parts = match_parts(gold.statements, result.statement_objects)
        finds: dict[tuple[int, int], set[str]] = {}  # the gold contradictions each pair of statements joins parts of
        for pair in gold.contradictions:
            for key in joined_parts(pair, parts):
                finds.setdefault(key, set()).add(f"{gold.path.stem}:{pair['a']}~{pair['b']}")
        frame = features.copy()
        frame["a"], frame["b"] = links["a"].astype(int), links["b"].astype(int)
        keys = [(int(a), int(b)) for a, b in zip(frame["a"], frame["b"])]
        frame["label"] = [k in finds for k in keys]
        frame["finds"] = [";".join(sorted(finds.get(k, ()))) for k in keys]
        frame["file_gold"] = len(gold.contradictions)
        frame["linked"] = links["linked"].astype(bool)  # the text's links, which flag a pair whatever the model says
        frame["same_stance"] = links["evidence"].str.contains("they say the same thing", regex=False)  # never flagged
        frame["file"], frame["episode"], frame["role"] = str(path), episode_of(gold.article_path), gold.role
        side = {int(s.id): side_text(s.speaker, s.polarity, s.content) for s in result.statement_objects}
        frame["ta"], frame["tb"] = frame["a"].map(side), frame["b"].map(side)
        frames.append(frame)
    pairs = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if pair and not pairs.empty:
        dev = (pairs["role"] != "held-out").to_numpy()
        scores = out_of_fold_scores(pairs[dev])
        pairs.loc[dev, "pair_model"] = to_logit(scores)
        context = list(GROUPS["context"])
        for index in pairs.groupby("file").groups.values():  # the neighbours' figures, read again on the scores just set
            rows = pairs.loc[index]
            pairs.loc[index, context] = context_features(rows["a"], rows["b"], rows["pair_model"].to_numpy())
        stale = pairs.index[dev][np.isnan(scores)]
        if len(stale):  # sides changed since the pair model was trained: no honest score for them, so not fitted on
            log.warning("%d of %d dev pairs have no out-of-fold pair-model score (their statements changed since it was trained); "
                        "left out of the fit", len(stale), int(dev.sum()))
            pairs = pairs.drop(index=stale).reset_index(drop=True)
        pairs.attrs["without_out_of_fold"] = len(stale)
    return pairs


def pair_figures(probability: np.ndarray, labels: np.ndarray, cutoff: float, pairs: pd.DataFrame | None = None) -> dict:
    """Flags, precision and recall of the marked pairs at ``cutoff``, and average precision; with the ``pairs``
    they were scored on, also the recall of the gold contradictions (``gold_recall``, as ``eval-contradictions``
    counts it)."""
    from sklearn.metrics import average_precision_score

    flagged = probability >= cutoff
    tp = int((flagged & labels).sum())
    figures = {
        "flagged": int(flagged.sum()), "correct": tp, "marked": int(labels.sum()),
        "precision": round(tp / flagged.sum(), 3) if flagged.any() else 0.0,
        "recall": round(tp / labels.sum(), 3) if labels.any() else 0.0,
        "average_precision": round(float(average_precision_score(labels, probability)), 3) if labels.any() else 0.0,
    }
    finds, total = gold_pairs_of(pairs) if pairs is not None else (None, None)
    if finds is not None:
        figures["gold_recall"] = round(gold_recall(flagged, finds, total), 3)
    return figures


def ablation(pairs: pd.DataFrame, groups: Sequence[str] = SHIPPED_GROUPS, kind: str = DEFAULT_KIND) -> pd.DataFrame:
    """Out-of-fold figures of the detector without each feature group, and with each of the rules' outputs
    added, all at the shipped detector's cut-off: ``pairs_added`` and ``flags_added`` count the correct flags
    and the flags a group brings (negative: the detector does better without it)."""
    labels = pairs["label"].to_numpy(bool)
    folds = pairs["episode"].to_numpy()
    shipped = [n for g in groups for n in GROUPS[g]]
    _, base_oof = fit_detector(pairs, labels, folds, shipped, kind=kind)
    cutoff = best_cutoff(base_oof, labels, *gold_pairs_of(pairs))
    base = pair_figures(base_oof, labels, cutoff, pairs)
    rows = [{"variant": "shipped (" + " + ".join(groups) + ")", **base, "pairs_added": "", "flags_added": ""}]
    variants = [(f"without {g}", [n for n in shipped if n not in GROUPS[g]], -1) for g in groups]
    variants += [(f"with {rule}", shipped + [rule], 1) for rule in GROUPS["rules"]]
    for name, names, sign in variants:
        _, oof = fit_detector(pairs, labels, folds, names, kind=kind)
        figures = pair_figures(oof, labels, cutoff, pairs)
        rows.append({"variant": name, **figures, "pairs_added": sign * (figures["correct"] - base["correct"]), "flags_added": sign * (figures["flagged"] - base["flagged"])})
    below = base_oof < cutoff
    linked = pairs["linked"].to_numpy(bool) & below  # flagged only through the link
    rows.append({"variant": "link in the text (later said, backed away from, denied saying)", "pairs_added": int((linked & labels).sum()), "flags_added": int(linked.sum())})
    guarded = pairs["same_stance"].to_numpy(bool) & ~below  # kept from a flag by the guard
    rows.append({"variant": "guard: the same stance said twice", "pairs_added": -int((guarded & labels).sum()), "flags_added": -int(guarded.sum())})
    return pd.DataFrame(rows)


def calibrate(paths: Sequence[str | Path], model, key: str, out: str | Path | None = None, groups: Sequence[str] = SHIPPED_GROUPS,
              kind: str = DEFAULT_KIND, pairs_out: str | Path | None = None) -> tuple[Detector, pd.DataFrame]:
    """Fit the detector of ``kind`` for ``key`` on the dev articles among ``paths`` (``"role": "held-out"`` files
    are not fitted on: their pair-level figures go into the report), save it, and return it with its ablation table.
    With ``pairs_out``, the scored pairs (every feature, the gold label, file and episode) are also written there as CSV."""
    from .detector import save_detector

    pairs = collect_pairs(paths, model, pair="pair" in groups)
    if pairs.empty:
        raise ValueError("no scored pairs of quoted statements in the gold files; nothing to fit")
    if pairs_out:
        pairs.to_csv(pairs_out, index=False)
    dev = pairs[pairs["role"] != "held-out"].reset_index(drop=True)
    labels = dev["label"].to_numpy(bool)
    names = [n for g in groups for n in GROUPS[g]]
    detector, oof = fit_detector(dev, labels, dev["episode"].to_numpy(), names, kind=kind)
    detector.model = key
    detector.report = {
        "articles": int(dev["file"].nunique()), "episodes": int(dev["episode"].nunique()), "pairs": len(dev),
        "out_of_fold": pair_figures(oof, labels, detector.cutoff, dev),
    }
    if pairs.attrs.get("without_out_of_fold"):
        detector.report["left_out_without_out_of_fold"] = int(pairs.attrs["without_out_of_fold"])
    held = pairs[pairs["role"] == "held-out"]
    if not held.empty:  # never fitted on: the pair-level figures of the blind files given
        detector.report["held_out"] = {"articles": int(held["file"].nunique()), **pair_figures(detector.probability(held), held["label"].to_numpy(bool), detector.cutoff, held)}
    table = ablation(dev, groups, kind)
    save_detector(detector, key, out)
    log.info("detector for %s: cut-off %.2f, out-of-fold %s", key, detector.cutoff, detector.report["out_of_fold"])
    return detector, table
