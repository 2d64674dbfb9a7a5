"""Scoring attribution on real news annotated in the PolNeAR format (sources, cues, contents with offsets).

A predicted statement *matches* a gold attribution when its content shares at least 60% of the smaller side's
content words with the gold content pieces. Reported, per article and in total:

- content recall (gold attributions matched), over all and over speech attributions (cue a speech verb,
  "according to" or a colon);
- statement precision (predicted statements that match some gold attribution);
- source accuracy: of the matched attributions, those whose predicted mention overlaps the gold source span;
- resolution accuracy, where a resolution file gives the gold source's canonical name
  (``data/attribution/resolution-dev.jsonl``: article id, source offsets, name); names compare without case,
  honorifics or middle initials, and a surname alone counts where the article never writes the full name.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

from .article import EN_STOPWORDS, ArticleError
from .files import read_jsonl

MATCH_SHARE = 0.6
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|dr|sen|gov|rep|president|former|sir)\.?\s+", re.I)


@dataclass
class Predicted:
    """One predicted statement, reduced to what the scoring needs."""

    content: str
    mention_start: int
    mention_end: int
    speaker: str
    cue: str


def content_words(text: str) -> set[str]:
    """Lower-case content words (stop words dropped)."""
    return {w for w in _WORD.findall(text.lower().replace("’", "'")) if w not in EN_STOPWORDS and len(w) > 1}


def shares(pred: set[str], gold: set[str]) -> float:
    """Shared words over the smaller side's words."""
    if not pred or not gold:
        return 0.0
    return len(pred & gold) / min(len(pred), len(gold))


def norm_name(name: str) -> str:
    """A name compared case-, article-, honorific- and possessive-insensitively."""
    name = re.sub(r"\s+", " ", name.replace("’", "'")).strip(" ,.;:\"'").lower()
    name = re.sub(r"'s$", "", name)
    name = re.sub(r"^the\s+", "", name)
    prev = None
    while prev != name:
        prev, name = name, _HONORIFIC.sub("", name)
    words = name.split()
    if len(words) > 2:  # "Leonard E. Burman" is "Leonard Burman"
        words = [w for i, w in enumerate(words) if i in (0, len(words) - 1) or not re.fullmatch(r"[a-z]\.?", w)]
    return " ".join(words)


def names_match(predicted: str, gold: str, text: str = "") -> bool:
    """Whether a resolved speaker names the gold entity: the same name (see ``norm_name``), or the gold's surname
    alone where the article never writes the gold's full name (the gold says "Barack Obama" for an article that
    only has "President Obama" and "Mr. Obama")."""
    p, g = norm_name(predicted), norm_name(gold)
    if p == g:
        return True
    return len(p.split()) == 1 and len(g.split()) > 1 and g.split()[-1] == p and g not in re.sub(r"\s+", " ", text.replace("’", "'").lower())


def read_articles(path: str | Path, limit: int | None = None, ids: set[str] | None = None) -> list[dict]:
    """PolNeAR-format articles (one JSON object per line), only those in ``ids`` if given; bad input raises
    ``ArticleError`` naming the file."""
    path = Path(path)
    if not path.is_file():
        raise ArticleError(f"{path}: no such file")
    rows = []
    need = "an article needs id, text and attributions (the PolNeAR format)"
    for row in read_jsonl(path, {"id", "text", "attributions"}, need, ArticleError):
        if ids is not None and row["id"] not in ids:
            continue
        rows.append(row)
        if limit and len(rows) >= limit:
            break
    if not rows:
        raise ArticleError(f"{path}: no articles")
    return rows


def read_resolutions(path: str | Path | None) -> dict[tuple[str, int, int], dict]:
    """Gold canonical names by (article id, source start, source end); ``None`` reads none. Bad input raises
    ``ArticleError`` naming the file (and line)."""
    if path is None:
        return {}
    path = Path(path)
    if not path.is_file():
        raise ArticleError(f"{path}: no such resolution file")
    need = "a resolution needs article, source_start, source_end and resolved"
    rows = read_jsonl(path, {"article", "source_start", "source_end", "resolved"}, need, ArticleError)
    return {(r["article"], int(r["source_start"]), int(r["source_end"])): r for r in rows}


def is_speech(cue: str) -> bool:
    """A speech cue: a speech verb of the cue lexicon, "according to", or a colon."""
    cue = (cue or "").lower().strip()
    if cue == ":" or "according to" in cue:
        return True
    return any(w in _speech_forms() for w in _WORD.findall(cue))


@lru_cache(maxsize=1)
def _speech_forms() -> frozenset[str]:
    """Inflected forms of the speech verbs of the cue lexicon (said, says, told, ...)."""
    from .attribution import read_cues

    out: set[str] = set()
    irregular = {"say": ["said", "says", "saying"], "tell": ["told", "tells", "telling"], "write": ["wrote", "written", "writes", "writing"]}
    for lemma, cue in read_cues().items():
        if cue.kind != "speech":
            continue
        forms = {lemma, *irregular.get(lemma, [])}
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        forms |= {lemma + "s", lemma + "ed", stem + "ed", stem + "ing", lemma + "d", lemma + "es"}
        if lemma.endswith("y"):
            forms |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
        out |= forms
    return frozenset(out)


def _gold_words(att: dict) -> set[str]:
    pieces = att.get("content_fragments_text") or [att.get("content") or ""]
    return content_words(" ".join(pieces))


def score_article(row: dict, predicted: list[Predicted], resolutions: dict | None = None) -> dict:
    """Counts and misses of one article."""
    resolutions = resolutions or {}
    golds = [a for a in row["attributions"] if a.get("content")]
    pred_words = [content_words(p.content) for p in predicted]
    matched_pred: set[int] = set()
    counts: Counter = Counter()
    misses = []
    for g in golds:
        gw = _gold_words(g)
        speech = is_speech(g.get("cue") or "")
        counts["gold"] += 1
        counts["gold_speech"] += speech
        gs, ge = (int(g["source_start"]), int(g["source_end"])) if g.get("source_start") is not None else (-1, -1)
        candidates = [(shares(pw, gw), i) for i, pw in enumerate(pred_words)]
        good = [(sh, i) for sh, i in candidates if sh >= MATCH_SHARE]
        matched_pred.update(i for _, i in good)
        if not good:
            misses.append({"article": row["id"], "what": "content missed", "gold": (g.get("content") or "")[:160], "cue": g.get("cue")})
            continue
        # the matching statement whose source lies on the gold source, else the one sharing most words
        on_source = [(sh, i) for sh, i in good if predicted[i].mention_start >= 0 and predicted[i].mention_start < ge and gs < predicted[i].mention_end]
        best = max(on_source or good)[1]
        counts["found"] += 1
        counts["found_speech"] += speech
        p = predicted[best]
        if gs < 0:
            continue
        counts["with_source"] += 1
        if p.mention_start >= 0 and p.mention_start < ge and gs < p.mention_end:
            counts["source_right"] += 1
        else:
            got = row["text"][p.mention_start:p.mention_end] if p.mention_start >= 0 else "(none)"
            misses.append({"article": row["id"], "what": "source wrong", "gold": g.get("source"), "got": got, "content": (g.get("content") or "")[:100]})
        res = resolutions.get((row["id"], gs, ge))
        if res is not None and res.get("named", True):
            counts["resolvable"] += 1
            pron = res.get("kind") in ("pronoun", "relative")
            counts["resolvable_pronoun"] += pron
            if names_match(p.speaker, res["resolved"], row["text"]):
                counts["resolved_right"] += 1
                counts["resolved_right_pronoun"] += pron
            else:
                misses.append({"article": row["id"], "what": "resolution wrong", "gold": res["resolved"], "got": p.speaker, "mention": g.get("source")})
    counts["predicted"] = len(predicted)
    counts["predicted_right"] = len(matched_pred)
    for i, p in enumerate(predicted):
        if i not in matched_pred:
            misses.append({"article": row["id"], "what": "extra statement", "got": p.content[:160], "speaker": p.speaker})
    return {"id": row["id"], "counts": counts, "misses": misses}


def rates(c: Counter) -> dict:
    """The reported figures of a set of counts."""
    def div(a: str, b: str) -> float:
        return round(c[a] / c[b], 3) if c[b] else 0.0

    return {
        "gold": c["gold"], "gold_speech": c["gold_speech"], "predicted": c["predicted"],
        "content_recall": div("found", "gold"), "speech_recall": div("found_speech", "gold_speech"),
        "precision": div("predicted_right", "predicted"), "source_accuracy": div("source_right", "with_source"),
        "resolvable": c["resolvable"], "resolution_accuracy": div("resolved_right", "resolvable"),
        "pronoun_resolution_accuracy": div("resolved_right_pronoun", "resolvable_pronoun"),
    }


def evaluate(
    path: str | Path,
    predict: Callable[[str, str], list[Predicted]],
    limit: int | None = None,
    resolutions: str | Path | None = None,
    progress: bool = False,
    resolved_only: bool = False,
) -> dict:
    """Per-article and total figures of ``predict(text, article_id)`` on a PolNeAR-format file (with
    ``resolved_only``, on the articles the resolution file covers)."""
    from tqdm import tqdm

    gold_names = read_resolutions(resolutions)
    if resolved_only and not gold_names:
        raise ArticleError(f"{path}: --resolved-only needs a resolution file")
    rows = read_articles(path, limit, {k[0] for k in gold_names} if resolved_only else None)
    per_article, total, misses = [], Counter(), []
    for row in tqdm(rows, desc="articles", unit="article", disable=not progress):
        result = score_article(row, predict(row["text"], row["id"]), gold_names)
        total.update(result["counts"])
        per_article.append({"id": row["id"], **rates(result["counts"])})
        misses.extend(result["misses"])
    return {"file": str(path), "articles": len(rows), "total": rates(total), "per_article": per_article, "misses": misses}


def predict_statements(text: str, article_id: str = "", aliases: dict[str, str] | None = None) -> list[Predicted]:
    """The product's attributed statements of a raw text (no page clean-up, so offsets stay the corpus's)."""
    from .actors import NARRATOR
    from .article import Article
    from .statements import extract_statements

    statements = extract_statements(Article(text=text, source=article_id or "polnear"), aliases=aliases, narrator=False)
    return [
        Predicted(st.content, st.mention_start, st.mention_end, st.speaker, st.cue)
        for st in statements if st.speaker != NARRATOR
    ]
