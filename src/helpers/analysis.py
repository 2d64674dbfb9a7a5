"""One call from article to every table: statements, contradictions, supports, stances, actors."""

from __future__ import annotations

import json
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .actors import NARRATOR
from .article import Article, load_article
from .contradictions import (
    ALL_PAIRS_MAX,
    DEFAULT_THRESHOLD,
    auto_claims,
    candidate_pairs,
    find_contradictions,
    find_supports,
    pick_detector,
    score_pairs,
    score_stances,
)
from .files import save_tables, write_text_atomic
from .nli import CascadeNLI, NLIModel, load_nli
from .statements import Statement, extract_statements, statements_frame

log = logging.getLogger(__name__)
_MODELS: dict[str, NLIModel | CascadeNLI] = {}

#: The NLI model an analysis uses when none is named: the shipped MiniLM screens every pair and the base-size model
#: re-scores the ones it does not rule out. On real articles it finds more contradictions than MiniLM alone
#: (``"fast"``) at the same precision (docs/evaluation.md).
DEFAULT_MODEL = "cascade"


def get_model(model: NLIModel | CascadeNLI | str | None = None, device: str | None = None) -> NLIModel | CascadeNLI:
    """An NLI model object, loaded once per name and reused (notebook re-runs stay fast); ``None`` or ``""`` is
    ``DEFAULT_MODEL``."""
    if isinstance(model, (NLIModel, CascadeNLI)):
        return model
    name = model or DEFAULT_MODEL
    key = f"{name}@{device or 'auto'}"
    if key not in _MODELS:
        _MODELS[key] = load_nli(name, device=device, eager=True)
    return _MODELS[key]


@dataclass
class Analysis:
    """Everything known about one article after analysis."""

    article: Article
    statement_objects: list[Statement]
    statements: pd.DataFrame
    links: pd.DataFrame
    contradictions: pd.DataFrame
    supports: pd.DataFrame
    stances: pd.DataFrame
    actors: pd.DataFrame
    claims: list[str]
    model: dict
    threshold: float
    settings: dict = field(default_factory=dict)
    features: pd.DataFrame | None = None  # the detector's features of the scored pairs (indexed like ``links``)

    def to_json(self) -> dict:
        """The JSON object written by ``python -m helpers analyze``."""
        st = self.statements.astype(object).where(self.statements.notna(), None)
        return {
            "article": {**self.article.meta(), "removed_lines": self.article.removed},
            "statements": st.to_dict(orient="records"),
            "contradictions": self.contradictions.to_dict(orient="records"),
            "supports": self.supports[["a", "b", "a_speaker", "b_speaker", "score"]].to_dict(orient="records") if not self.supports.empty else [],
            "stances": self.stances.to_dict(orient="records"),
            "actors": self.actors.to_dict(orient="records"),
            "claims": self.claims,
            "threshold": self.threshold,
            "model": self.model,
        }

    def save(self, folder: str | Path) -> list[Path]:
        """Write the tables as CSV and Parquet and the whole result as ``analysis.json``, atomically."""
        names = ("statements", "contradictions", "stances", "actors", "supports")
        written = save_tables(folder, {name: getattr(self, name) for name in names})
        text = json.dumps(self.to_json(), indent=2, ensure_ascii=False, default=str) + "\n"
        written.append(write_text_atomic(Path(folder) / "analysis.json", text))
        return written


def actors_frame(statements: pd.DataFrame, contradictions: pd.DataFrame, kinds: dict[str, str] | None = None) -> pd.DataFrame:
    """One row per actor: kind, mentions, how many statements, denials, retractions and conflicts."""
    rows = []
    for actor, group in statements.groupby("speaker", sort=False):
        involved = contradictions[(contradictions["a_speaker"] == actor) | (contradictions["b_speaker"] == actor)] if not contradictions.empty else contradictions
        rows.append({
            "actor": actor,
            "kind": (kinds or {}).get(actor, "narrator" if actor == NARRATOR else ""),
            "mentions": "; ".join(dict.fromkeys(m for m in group["mention"] if m)),
            "statements": len(group),
            "denials": int((group["polarity"] == "deny").sum()),
            "retractions": int((group["polarity"] == "retract").sum()),
            "hedges": int((group["polarity"] == "hedge").sum()),
            "conflicts": len(involved),
            "first": int(group["id"].min()),
        })
    return pd.DataFrame(rows).sort_values("first").drop(columns="first").reset_index(drop=True) if rows else pd.DataFrame(
        columns=["actor", "kind", "mentions", "statements", "denials", "retractions", "hedges", "conflicts"]
    )


def analyze_article(
    source: str | Path | Article,
    model: NLIModel | str | None = None,
    claims: list[str] | None = None,
    aliases: dict[str, str] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    all_pairs_max: int = ALL_PAIRS_MAX,
    neighbours: int = 8,
    device: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    date: str | None = None,
    allow_non_english: bool = False,
    cache: bool | str | Path = True,
    detector=None,
) -> Analysis:
    """Load an article, attribute its statements, score pairs with NLI and build every table.

    ``claims=None`` or ``[]`` chooses the most contested contents automatically. ``cache=True`` keeps NLI
    scores in ``.cache/nli-cache.sqlite`` (a path picks another file, ``False`` none), so a re-run scores nothing twice.
    ``detector`` is ``"model"`` (default: ``HELPERS_DETECTOR``, else the fitted detector) or a ``Detector`` to score with.
    """
    if not 0.0 <= float(threshold) <= 1.0:
        raise ValueError(f"threshold must be between 0 and 1, got {threshold}")
    article = source if isinstance(source, Article) else load_article(
        source, title=title, outlet=outlet, date=date, allow_non_english=allow_non_english
    )
    import torch  # noqa: F401  # both the parser (through thinc) and the model import it: once, here, before the thread

    with ThreadPoolExecutor(max_workers=1) as pool:  # the model loads while the article is parsed
        loading = pool.submit(get_model, model, device)
        objects = extract_statements(article, aliases=aliases)
        nli = loading.result()
    if cache:
        from .cache import DEFAULT_CACHE, NLICache, cached

        nli = cached(nli, NLICache(DEFAULT_CACHE if cache is True else Path(cache)))
    statements = statements_frame(objects)
    pairs = [
        (a, b) for a, b in candidate_pairs(statements, all_pairs_max=all_pairs_max, k=neighbours)
        if not (statements.at[a, "speaker"] == NARRATOR and statements.at[b, "speaker"] == NARRATOR)
    ]
    links = score_pairs(statements, pairs, nli, detector=detector)
    features = links.attrs.pop("features", None)  # the detector's inputs, kept apart (attrs travel into every copy)
    contradictions = find_contradictions(links, statements, threshold)
    supports = find_supports(links, threshold)
    chosen = list(claims) if claims else auto_claims(statements, contradictions)
    stances = score_stances(statements, chosen, nli, threshold)
    kinds = {o.speaker: o.extra.get("actor_kind", "") for o in objects}
    actors = actors_frame(statements, contradictions, kinds)
    log.info("%s: %d statements, %d pairs scored, %d contradictions", article.source, len(statements), len(pairs), len(contradictions))
    return Analysis(
        article=article, statement_objects=objects, statements=statements, links=links, contradictions=contradictions,
        supports=supports, stances=stances, actors=actors, claims=chosen, model=nli.describe(), threshold=float(threshold), features=features,
        settings={
            "all_pairs_max": all_pairs_max, "neighbours": neighbours, "pairs_scored": len(pairs),
            "detector": "given" if not isinstance(detector, (str, type(None))) else pick_detector(detector),
        },
    )
