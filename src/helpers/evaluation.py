"""Measuring statement attribution and contradiction finding against hand-annotated gold files."""

from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .actors import NARRATOR, norm_quotes
from .article import ArticleError, headline_text, load_article
from .paths import PROJECT_ROOT
from .statements import Statement, extract_statements

log = logging.getLogger(__name__)


@dataclass
class Gold:
    """One gold file: the article, its attributed statements (with offsets) and contradiction pairs."""

    path: Path
    article_path: Path
    role: str
    statements: list[dict]
    contradictions: list[dict]
    unscored_end: int = 0  # where the headline ends, when this gold does not annotate it: statements there are not scored

    def scored(self, statements: list[Statement]) -> list[Statement]:
        """The predicted statements this gold can judge: all but those in a headline it does not annotate."""
        return [p for p in statements if p.start >= self.unscored_end]

    def unscored_ids(self, statements: list[Statement]) -> set[int]:
        """The ids of the predicted statements this gold cannot judge (in a headline it does not annotate)."""
        return {p.id for p in statements if p.start < self.unscored_end}


def load_gold(path: str | Path) -> Gold:
    """Read a gold JSON file and locate each statement's exact text in the loaded article (whose first paragraph
    is the headline, as the analysis reads it). A gold without a ``"headline"`` key and without a statement in
    the headline (the written articles') does not annotate it, and statements there are left unscored."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ArticleError(f"{path}: cannot read gold file ({exc})") from None
    article_path = Path(data["article"])
    if not article_path.is_absolute():
        article_path = PROJECT_ROOT / article_path
    article = load_article(article_path)
    raw = None  # the file as written, read only when a gold statement is not in the loaded text
    statements, dropped = [], set()
    for st in data["statements"]:
        start = article.text.find(st["text"])
        if start < 0:
            if raw is None:
                raw = article_path.read_text(encoding="utf-8", errors="replace") if article_path.is_file() else ""
            if st["text"] not in raw:
                raise ArticleError(f"{path}: gold statement {st['id']!r} is not in the article text")
            # in a line the loader drops (a standfirst repeated in the body)
            log.warning("%s: gold statement %r is in a line the article loader drops; it and its pairs are not scored", path, st["id"])
            dropped.add(st["id"])
            continue
        statements.append({**st, "start": start, "end": start + len(st["text"])})
    pairs = [c for c in data.get("contradictions", []) if c["a"] not in dropped and c["b"] not in dropped]
    title = headline_text(article.title)
    head = len(title) if title and article.text.startswith(title) else 0
    annotated = "headline" in data or any(st["start"] < head for st in statements)
    return Gold(path, article_path, data.get("role", "dev"), statements, pairs, 0 if annotated else head)


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def same_actor(a: str, b: str) -> bool:
    """Case-, quote- and determiner-insensitive comparison of actor names."""
    def norm(x: str) -> str:
        x = norm_quotes(x).lower()
        return x[4:] if x.startswith("the ") else x
    return norm(a) == norm(b)


def match_statements(gold: list[dict], predicted: list[Statement]) -> dict[str, Statement | None]:
    """For each gold statement id, the predicted attributed statement that covers most of it (≥ 50%)."""
    out: dict[str, Statement | None] = {}
    for g in gold:
        best, best_ov = None, 0
        for p in predicted:
            if p.speaker == NARRATOR:
                continue
            ov = _overlap(g["start"], g["end"], p.start, p.end)
            if ov > best_ov:
                best, best_ov = p, ov
        out[g["id"]] = best if best is not None and best_ov >= 0.5 * (g["end"] - g["start"]) else None
    return out


def match_parts(gold: list[dict], predicted: list[Statement], best: dict[str, Statement | None] | None = None) -> dict[str, set[int]]:
    """For each gold statement id, the ids of the predicted statements that stand for it: its best match
    (``best``, from ``match_statements``, computed when not given), and every statement lying mostly (≥ 50 %)
    inside its span, since the system may split one gold statement into clauses ("Sandoval said X but
    acknowledged that Y")."""
    best = match_statements(gold, predicted) if best is None else best
    out: dict[str, set[int]] = {}
    for g in gold:
        parts = {p.id for p in predicted if p.speaker != NARRATOR and _overlap(g["start"], g["end"], p.start, p.end) >= 0.5 * max(1, p.end - p.start)}
        if best[g["id"]] is not None:
            parts.add(best[g["id"]].id)
        out[g["id"]] = parts
    return out


def joined_parts(pair: dict, parts: dict[str, set[int]]) -> set[tuple[int, int]]:
    """The pairs of predicted statement ids (lower first) that find a gold contradiction ``pair``: each joins a part
    of one of its statements to a part of the other (``parts`` from ``match_parts``)."""
    return {(min(x, y), max(x, y)) for x in parts[pair["a"]] for y in parts[pair["b"]] if x != y}


def evaluate_statements(paths: list[str | Path], aliases: dict[str, str] | None = None) -> dict:
    """Attribution accuracy, recall and precision over gold files, with per-file figures and confusions."""
    per_file = []
    totals = Counter()
    confusions: Counter = Counter()
    for path in paths:
        gold = load_gold(path)
        predicted = gold.scored(extract_statements(load_article(gold.article_path), aliases=aliases))
        matched = match_statements(gold.statements, predicted)
        found = sum(m is not None for m in matched.values())
        right = sum(m is not None and same_actor(m.speaker, g["speaker"]) for g, m in zip(gold.statements, matched.values()))
        attributed = [p for p in predicted if p.speaker != NARRATOR]
        true_pos = sum(
            any(_overlap(g["start"], g["end"], p.start, p.end) >= 0.5 * min(g["end"] - g["start"], p.end - p.start) for g in gold.statements if g["end"] > g["start"])
            for p in attributed
        )
        for g in gold.statements:
            m = matched[g["id"]]
            if m is None:
                confusions[(g["speaker"], "(missed)")] += 1
            elif not same_actor(m.speaker, g["speaker"]):
                confusions[(g["speaker"], m.speaker)] += 1
        row = {
            "file": str(path),
            "role": gold.role,
            "gold": len(gold.statements),
            "found": found,
            "right_actor": right,
            "predicted": len(attributed),
            "predicted_true": true_pos,
        }
        row["recall"] = found / row["gold"] if row["gold"] else 0.0
        row["attribution_accuracy"] = right / row["gold"] if row["gold"] else 0.0
        row["precision"] = true_pos / row["predicted"] if row["predicted"] else 0.0
        per_file.append(row)
        totals.update({k: row[k] for k in ("gold", "found", "right_actor", "predicted", "predicted_true")})
    summary = {
        "gold": totals["gold"],
        "recall": totals["found"] / totals["gold"] if totals["gold"] else 0.0,
        "attribution_accuracy": totals["right_actor"] / totals["gold"] if totals["gold"] else 0.0,
        "precision": totals["predicted_true"] / totals["predicted"] if totals["predicted"] else 0.0,
    }
    return {
        "summary": summary,
        "files": per_file,
        "confusions": [{"gold": g, "predicted": p, "count": n} for (g, p), n in confusions.most_common()],
    }


def evaluate_contradictions(paths: list[str | Path], model, threshold: float | None = None, aliases: dict[str, str] | None = None) -> dict:
    """Pair recall and precision of flagged contradictions at ``threshold``, overall, by kind and per file.

    A flagged pair matches a gold pair when its two statements cover the two gold statements (either order).
    """
    from .analysis import analyze_article
    from .contradictions import DEFAULT_THRESHOLD, KINDS

    threshold = DEFAULT_THRESHOLD if threshold is None else threshold
    per_file = []
    by_kind = {k: Counter() for k in KINDS}
    totals = Counter()
    for path in paths:
        gold = load_gold(path)
        result = analyze_article(gold.article_path, model=model, threshold=threshold, aliases=aliases, claims=[])
        statements = result.statement_objects
        matched = match_statements(gold.statements, statements)
        parts = match_parts(gold.statements, statements, matched)
        unscored = gold.unscored_ids(statements)
        flagged = result.contradictions
        flagged = flagged[~(flagged["a"].isin(unscored) | flagged["b"].isin(unscored))] if unscored and len(flagged) else flagged
        flag_kind = {(int(r.a), int(r.b)): r.kind for r in flagged.itertuples()}
        scores = {(int(r.a), int(r.b)): float(r.conflict) for r in result.links.itertuples()}
        hits = 0
        kind_right = 0
        used = set()
        misses = []
        for pair in gold.contradictions:
            kind = pair["kind"]
            by_kind[kind]["gold"] += 1
            a, b = matched.get(pair["a"]), matched.get(pair["b"])
            key = (min(a.id, b.id), max(a.id, b.id)) if a is not None and b is not None else None
            # the pair is found when a flag joins any part of one gold statement to any part of the other
            found = sorted(joined_parts(pair, parts) & set(flag_kind))
            if found:
                hits += 1
                by_kind[kind]["found"] += 1
                kind_right += int(any(flag_kind[f] == kind for f in found))
                used.update(found)
            else:  # score None: the gold statements were not found at all
                misses.append({"a": pair["a"], "b": pair["b"], "kind": kind, "score": scores.get(key) if key else None})
        correct_flags = sum((int(r.a), int(r.b)) in used for r in flagged.itertuples())
        wrong = [{"a": int(r.a), "b": int(r.b), "kind": r.kind, "score": float(r.score)} for r in flagged.itertuples() if (int(r.a), int(r.b)) not in used]
        row = {
            "file": str(path), "role": gold.role, "gold_pairs": len(gold.contradictions), "found": hits, "flagged": len(flagged),
            "flagged_correct": correct_flags, "kind_correct": kind_right, "missed": misses, "false_flags": wrong,
        }
        row["recall"] = hits / len(gold.contradictions) if gold.contradictions else 0.0
        row["precision"] = correct_flags / len(flagged) if len(flagged) else 0.0
        per_file.append(row)
        totals.update({k: row[k] for k in ("gold_pairs", "found", "flagged", "flagged_correct", "kind_correct")})

    def summary(rows: list[dict]) -> dict:
        g = sum(r["gold_pairs"] for r in rows)
        f = sum(r["found"] for r in rows)
        fl = sum(r["flagged"] for r in rows)
        fc = sum(r["flagged_correct"] for r in rows)
        return {"gold_pairs": g, "found": f, "flagged": fl, "recall": f / g if g else 0.0, "precision": fc / fl if fl else 0.0}

    return {
        "threshold": threshold,
        "model": model.describe() if hasattr(model, "describe") else str(model),
        "summary": summary(per_file),
        "dev": summary([r for r in per_file if r["role"] != "held-out"]),
        "held_out": summary([r for r in per_file if r["role"] == "held-out"]),
        "by_kind": {k: {"gold": v["gold"], "found": v["found"], "recall": v["found"] / v["gold"] if v["gold"] else None} for k, v in by_kind.items()},
        "files": per_file,
    }


def gold_pair_hits(gold: Gold, statements: list[Statement], flagged: set[tuple[int, int]]) -> tuple[int, set[tuple[int, int]]]:
    """Gold pairs found by ``flagged`` (pairs of statement ids) and the flags that found them: a gold pair is found
    when a flag joins any part of one gold statement to any part of the other."""
    parts = match_parts(gold.statements, statements)
    hits, used = 0, set()
    for pair in gold.contradictions:
        found = joined_parts(pair, parts) & flagged
        hits += bool(found)
        used |= found
    return hits, used


def contradiction_curve(paths: list[str | Path], model, thresholds: list[float], aliases: dict[str, str] | None = None) -> pd.DataFrame:
    """Recall and precision of the flags at each threshold over gold files (each article analysed once; a pair is
    flagged at ``t`` when its conflict score is at least ``t``)."""
    from .analysis import analyze_article

    rows = {t: Counter() for t in thresholds}
    for path in paths:
        gold = load_gold(path)
        result = analyze_article(gold.article_path, model=model, aliases=aliases, claims=[])
        links = result.links
        unscored = gold.unscored_ids(result.statement_objects)
        for t in thresholds:
            flagged = {(int(r.a), int(r.b)) for r in links.itertuples() if float(r.conflict) >= t and not {int(r.a), int(r.b)} & unscored} if not links.empty else set()
            hits, used = gold_pair_hits(gold, result.statement_objects, flagged)
            rows[t].update({"gold": len(gold.contradictions), "found": hits, "flagged": len(flagged), "correct": len(used)})
    out = pd.DataFrame([{"threshold": t, **{k: c[k] for k in ("gold", "found", "flagged", "correct")}} for t, c in rows.items()])
    out["recall"] = out["found"] / out["gold"].where(out["gold"] > 0)
    out["precision"] = out["correct"] / out["flagged"].where(out["flagged"] > 0)
    return out.fillna(0.0)


def nli_metrics(gold: list[str], predicted: list[str]) -> dict:
    """Accuracy, per-class precision/recall/F1 and the confusion matrix (rows gold, columns predicted)."""
    from .nli_data import LABELS

    matrix = {g: {p: 0 for p in LABELS} for g in LABELS}
    for g, p in zip(gold, predicted):
        matrix[g][p] += 1
    per_class = {}
    for lab in LABELS:
        tp = matrix[lab][lab]
        pred = sum(matrix[g][lab] for g in LABELS)
        true = sum(matrix[lab].values())
        prec = tp / pred if pred else 0.0
        rec = tp / true if true else 0.0
        per_class[lab] = {"precision": prec, "recall": rec, "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0, "support": true}
    n = len(gold)
    return {"n": n, "accuracy": sum(g == p for g, p in zip(gold, predicted)) / n if n else 0.0, "per_class": per_class, "confusion": matrix}


def evaluate_nli(model, paths: list[str | Path], limit: int | None = None, where: dict | None = None, off_topic: int = 0) -> list[dict]:
    """``nli_metrics`` of ``model`` on each JSONL file (optionally only rows whose fields equal ``where``).

    ``off_topic`` > 0: score that many off-topic pairs made from the file instead (a premise with another
    premise's hypothesis that shares a rare word, all gold *neutral*): the neutral recall is how rarely the
    model takes a statement about something else for a contradiction.
    """
    from .nli import predicted_labels
    from .nli_data import expand_paths, off_topic_pairs, read_nli_jsonl

    results = []
    for path in expand_paths(list(paths)):
        df = read_nli_jsonl(path)
        for key, value in (where or {}).items():
            if key in df.columns:
                df = df[df[key] == value]
        if limit:
            df = df.head(limit)
        if off_topic:
            df = off_topic_pairs(df.assign(source=str(path)), off_topic, seed=0)
        probs = model.predict(df["premise"].tolist(), df["hypothesis"].tolist(), progress=len(df) > 2000)
        metrics = nli_metrics(df["label"].tolist(), predicted_labels(probs).tolist())
        results.append({"file": str(path), **({"where": where} if where else {}), **({"off_topic": off_topic} if off_topic else {}), **metrics})
    return results


def format_nli_results(results: list[dict]) -> str:
    """The ``nli-eval`` table: one block per file."""
    from .nli_data import LABELS

    lines = []
    for r in results:
        kind = "  off-topic pairs (all neutral)" if r.get("off_topic") else ""
        lines.append(f"{r['file']}{kind}  (n={r['n']})  accuracy {r['accuracy']:.4f}")
        lines.append(f"  {'class':<14}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>9}")
        for lab in LABELS:
            c = r["per_class"][lab]
            lines.append(f"  {lab:<14}{c['precision']:>10.4f}{c['recall']:>10.4f}{c['f1']:>10.4f}{c['support']:>9}")
        lines.append("  confusion (rows gold, columns predicted): " + "  ".join(f"{lab[:4]}" for lab in LABELS))
        for g in LABELS:
            lines.append(f"  {g:<14}" + "".join(f"{r['confusion'][g][p]:>7}" for p in LABELS))
        lines.append("")
    return "\n".join(lines)
