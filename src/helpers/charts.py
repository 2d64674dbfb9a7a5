"""Narrative charts. Each function takes the analysis tables and returns a matplotlib Figure (never shows it).

Colours are the Okabe-Ito colour-blind-safe palette; conflict is vermillion, support bluish green.
"""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Patch

from .actors import NARRATOR

OKABE_ITO = {
    "blue": "#0072B2", "vermillion": "#D55E00", "orange": "#E69F00", "green": "#009E73",
    "purple": "#CC79A7", "sky": "#56B4E9", "yellow": "#F0E442", "black": "#000000", "grey": "#BBBBBB",
}
POLARITY_COLOURS = {"assert": OKABE_ITO["blue"], "deny": OKABE_ITO["vermillion"], "hedge": OKABE_ITO["orange"], "retract": OKABE_ITO["purple"]}
STANCE_COLOURS = {"supports": OKABE_ITO["green"], "denies": OKABE_ITO["vermillion"], "hedges": OKABE_ITO["orange"], "no position": "#EEEEEE"}
KIND_STYLES = {"denial": "-", "retraction": "--", "self-contradiction": ":", "factual-conflict": "-."}
CONFLICT_SUPPORT = LinearSegmentedColormap.from_list("conflict_support", [OKABE_ITO["vermillion"], "#FFFFFF", OKABE_ITO["green"]])
WIDTH = 10.0  # inches: legible at report width


def _figure(width: float, height: float):
    """A new figure and axes that pyplot does not track: shown once when returned, never twice, never leaked."""
    fig, ax = plt.subplots(figsize=(width, height))
    plt.close(fig)
    return fig, ax


def _title(kind: str, article_title: str) -> str:
    name = textwrap.shorten(article_title or "untitled article", 70, placeholder="…")
    return f"{kind}\n{name}"


def _short(actor: str, n: int = 22) -> str:
    return textwrap.shorten(actor, n, placeholder="…")


def _empty(fig: Figure, ax, message: str) -> Figure:
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=12, color="#555555", transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])
    return fig


def contradiction_matrix(statements: pd.DataFrame, links: pd.DataFrame, article_title: str = "", max_statements: int = 60) -> Figure:
    """Statements × statements in article order, cells from conflict (vermillion) to support (green)."""
    st = statements[statements["content"].fillna("").str.len() > 0]
    if len(st) > max_statements and not links.empty:  # keep the statements that take part in the strongest links
        strength = pd.concat([links[["a", "conflict"]].rename(columns={"a": "id"}), links[["b", "conflict"]].rename(columns={"b": "id"})])
        keep = strength.groupby("id")["conflict"].max().nlargest(max_statements).index
        st = st[st["id"].isin(keep)]
    ids = st["id"].tolist()
    n = len(ids)
    size = min(WIDTH, max(6.0, 0.28 * n + 3))
    fig, ax = _figure(size + 1.5, size)
    ax.set_title(_title("Who contradicts whom: statement pairs", article_title), fontsize=12)
    if n < 2:
        return _empty(fig, ax, "fewer than two statements")
    pos = {sid: i for i, sid in enumerate(ids)}
    grid = np.full((n, n), np.nan)
    for r in links.itertuples():
        if r.a in pos and r.b in pos:
            value = float(r.support) - float(r.conflict) if max(r.support, r.conflict) > 0 else 0.0
            grid[pos[r.a], pos[r.b]] = grid[pos[r.b], pos[r.a]] = value
    image = ax.imshow(grid, cmap=CONFLICT_SUPPORT, vmin=-1, vmax=1, interpolation="nearest")
    labels = [f"{sid} · {_short(sp, 18)}" for sid, sp in zip(ids, st["speaker"])]
    ax.set_xticks(range(n), labels, rotation=90, fontsize=7)
    ax.set_yticks(range(n), labels, fontsize=7)
    ax.set_xlabel("statement (article order) · actor")
    ax.set_ylabel("statement (article order) · actor")
    bar = fig.colorbar(image, ax=ax, fraction=0.04, pad=0.02)
    bar.set_label("← conflict        support →")
    fig.tight_layout()
    return fig


def stance_grid(stances: pd.DataFrame, article_title: str = "", actors: list[str] | None = None, claims: list[str] | None = None) -> Figure:
    """Actor × claim grid: supports, denies, hedges or no position (with the score in each cell)."""
    actors = actors if actors is not None else list(dict.fromkeys(stances["actor"])) if not stances.empty else []
    claims = claims if claims is not None else list(dict.fromkeys(stances["claim"])) if not stances.empty else []
    fig, ax = _figure(WIDTH, max(3.0, 0.55 * len(actors) + 2.2))
    ax.set_title(_title("Where each actor stands on the key claims", article_title), fontsize=12)
    if not actors or not claims:
        return _empty(fig, ax, "no stances: no claims, or no actor addresses them")
    lookup = {(r.actor, r.claim): r for r in stances.itertuples()}
    for yi, actor in enumerate(actors):
        for xi, claim in enumerate(claims):
            row = lookup.get((actor, claim))
            stance = row.stance if row is not None else "no position"
            ax.add_patch(plt.Rectangle((xi - 0.5, yi - 0.5), 1, 1, facecolor=STANCE_COLOURS[stance], edgecolor="white", linewidth=2))
            label = f"{stance}\n{row.score:.2f}" if row is not None else "–"
            ax.text(xi, yi, label, ha="center", va="center", fontsize=8, color="black" if stance in ("hedges", "no position") else "white")
    ax.set_xlim(-0.5, len(claims) - 0.5)
    ax.set_ylim(len(actors) - 0.5, -0.5)
    ax.set_xticks(range(len(claims)), [textwrap.fill(textwrap.shorten(c, 90, placeholder="…"), 30) for c in claims], fontsize=8)
    ax.set_yticks(range(len(actors)), [_short(a, 30) for a in actors], fontsize=9)
    ax.set_xlabel("claim")
    ax.set_ylabel("actor")
    ax.legend(handles=[Patch(color=c, label=s) for s, c in STANCE_COLOURS.items()], loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


def narrative_order(statements: pd.DataFrame) -> pd.Series:
    """Position of each statement in narrative time: time cues where the text gives them, else carried forward in article order."""
    from .contradictions import narrative_time

    when = narrative_time(statements)
    keys = [when[int(i)] for i in statements["id"]]
    order = sorted(range(len(keys)), key=lambda i: keys[i])
    pos = np.empty(len(keys), dtype=int)
    pos[order] = np.arange(len(keys))
    return pd.Series(pos, index=statements.index)


def narrative_timeline(statements: pd.DataFrame, contradictions: pd.DataFrame, article_title: str = "", include_narrator: bool = False) -> Figure:
    """Lanes per actor, statements in narrative order, markers by cue polarity, arcs joining contradicting pairs."""
    st = statements if include_narrator else statements[statements["speaker"] != NARRATOR]
    actors = list(dict.fromkeys(st["speaker"]))
    fig, ax = _figure(WIDTH, max(3.2, 0.6 * len(actors) + 2.2))
    ax.set_title(_title("Narrative timeline: who said what, and who contradicted it", article_title), fontsize=12)
    if st.empty:
        return _empty(fig, ax, "no attributed statements")
    x = narrative_order(st)
    lane = {a: i for i, a in enumerate(actors)}
    xy = {int(r.id): (int(x[idx]), lane[r.speaker]) for idx, r in zip(st.index, st.itertuples())}
    for a in actors:
        ax.axhline(lane[a], color="#DDDDDD", linewidth=1, zorder=0)
    for r in st.itertuples():
        px, py = xy[int(r.id)]
        ax.scatter(px, py, s=90, color=POLARITY_COLOURS.get(r.polarity, OKABE_ITO["grey"]), edgecolor="black", linewidth=0.5, zorder=3)
        ax.annotate(str(r.id), (px, py), textcoords="offset points", xytext=(0, 8), ha="center", fontsize=7)
    for r in contradictions.itertuples():
        if int(r.a) in xy and int(r.b) in xy:
            (x0, y0), (x1, y1) = xy[int(r.a)], xy[int(r.b)]
            arc = FancyArrowPatch((x0, y0), (x1, y1), connectionstyle="arc3,rad=-0.35", arrowstyle="-", color=OKABE_ITO["vermillion"],
                                  linestyle=KIND_STYLES.get(r.kind, "-"), linewidth=1 + 2 * float(r.score), alpha=0.8, zorder=2)
            ax.add_patch(arc)
    ax.set_yticks(range(len(actors)), [_short(a, 28) for a in actors], fontsize=9)
    ax.set_ylim(len(actors) - 0.4, -0.8)
    times = st["time"].fillna("")
    ax.set_xlabel("narrative order (by time cues such as “Monday”, “at first”, “later”; else article order)")
    ax.set_ylabel("actor")
    ax.set_xlim(-1, len(st))
    tick = [int(x[i]) for i in st.index[times != ""]]
    ax.set_xticks(tick, [textwrap.shorten(t, 18, placeholder="…") for t in times[times != ""]], rotation=45, ha="right", fontsize=7)
    handles = [Line2D([], [], marker="o", linestyle="", color=c, markeredgecolor="black", label=p) for p, c in POLARITY_COLOURS.items()]
    handles += [Line2D([], [], color=OKABE_ITO["vermillion"], linestyle=s, label=k) for k, s in KIND_STYLES.items()]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


def actor_network(actors: pd.DataFrame, contradictions: pd.DataFrame, supports: pd.DataFrame, article_title: str = "") -> Figure:
    """Actors as nodes; vermillion edges for contradictions, green for support, width by count."""
    import networkx as nx

    graph = nx.Graph()
    names = [a for a in actors["actor"] if a != NARRATOR] if not actors.empty else []
    graph.add_nodes_from(names)
    for table, relation in ((contradictions, "conflict"), (supports, "support")):
        for r in table.itertuples():
            if r.a_speaker == r.b_speaker:
                graph.add_node(r.a_speaker)
                graph.nodes[r.a_speaker]["self_" + relation] = graph.nodes[r.a_speaker].get("self_" + relation, 0) + 1
                continue
            for n in (r.a_speaker, r.b_speaker):
                graph.add_node(n)
            key = (r.a_speaker, r.b_speaker)
            data = graph.get_edge_data(*key, default={"conflict": 0, "support": 0})
            data[relation] += 1
            graph.add_edge(*key, **data)
    fig, ax = _figure(WIDTH, 6.5)
    ax.set_title(_title("Actor network: contradictions and support", article_title), fontsize=12)
    ax.axis("off")
    if graph.number_of_nodes() == 0:
        return _empty(fig, ax, "no actors")
    pos = nx.spring_layout(graph, seed=7, k=1.2 / max(1, np.sqrt(graph.number_of_nodes())))
    for u, v, d in graph.edges(data=True):
        if d.get("conflict"):
            nx.draw_networkx_edges(graph, pos, [(u, v)], width=1.5 + 2 * d["conflict"], edge_color=OKABE_ITO["vermillion"], ax=ax)
        if d.get("support"):
            nx.draw_networkx_edges(graph, pos, [(u, v)], width=1 + 1.5 * d["support"], edge_color=OKABE_ITO["green"], style="dashed", ax=ax)
    selfish = [n for n in graph.nodes if graph.nodes[n].get("self_conflict")]
    nx.draw_networkx_nodes(graph, pos, node_color=OKABE_ITO["sky"], node_size=900, edgecolors="black", ax=ax)
    if selfish:
        nx.draw_networkx_nodes(graph, pos, nodelist=selfish, node_color=OKABE_ITO["sky"], node_size=900, edgecolors=OKABE_ITO["vermillion"], linewidths=3, ax=ax)
    nx.draw_networkx_labels(graph, pos, labels={n: textwrap.fill(_short(n, 30), 14) for n in graph.nodes}, font_size=8, ax=ax)
    ax.legend(handles=[
        Line2D([], [], color=OKABE_ITO["vermillion"], linewidth=3, label="contradiction (width: count)"),
        Line2D([], [], color=OKABE_ITO["green"], linewidth=2, linestyle="dashed", label="support"),
        Line2D([], [], marker="o", linestyle="", markersize=12, markerfacecolor=OKABE_ITO["sky"], markeredgecolor=OKABE_ITO["vermillion"], markeredgewidth=2, label="contradicts itself"),
    ], loc="lower left", fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


def claims_by_outlet_grid(counts: pd.DataFrame, title: str = "corpus") -> Figure:
    """Outlet × claim: how many quoted positions support, deny or hedge each claim (colour: net support)."""
    outlets = list(dict.fromkeys(counts["outlet"])) if not counts.empty else []
    claims = list(dict.fromkeys(counts["claim"])) if not counts.empty else []
    fig, ax = _figure(WIDTH, max(3.0, 0.6 * len(outlets) + 2.4))
    ax.set_title(_title("Which outlets report which claims and which denials", title), fontsize=12)
    if not outlets:
        return _empty(fig, ax, "no stances on the corpus claims")
    grid = np.full((len(outlets), len(claims)), np.nan)
    lookup = {(r.outlet, r.claim): r for r in counts.itertuples()}
    for yi, outlet in enumerate(outlets):
        for xi, claim in enumerate(claims):
            r = lookup.get((outlet, claim))
            if r is None:
                continue
            total = r.supports + r.denies + r.hedges
            grid[yi, xi] = (r.supports - r.denies) / total if total else 0
            ax.text(xi, yi, f"{r.supports} support\n{r.denies} deny\n{r.hedges} hedge", ha="center", va="center", fontsize=7)
    image = ax.imshow(grid, cmap=CONFLICT_SUPPORT, vmin=-1, vmax=1, aspect="auto")
    ax.set_xticks(range(len(claims)), [textwrap.fill(textwrap.shorten(c, 90, placeholder="…"), 30) for c in claims], fontsize=8)
    ax.set_yticks(range(len(outlets)), [_short(o or "unknown outlet", 32) for o in outlets], fontsize=9)
    ax.set_xlabel("claim")
    ax.set_ylabel("outlet")
    fig.colorbar(image, ax=ax, fraction=0.04, pad=0.02).set_label("← denied        supported →")
    fig.tight_layout()
    return fig


def _date_label(value: object) -> str:
    """An article date as an axis label: missing dates (``""``, ``None``, NaN, NaT) are "undated"."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "undated"
    return str(value) or "undated"


def stance_over_time(stances: pd.DataFrame, title: str = "corpus") -> Figure:
    """Each actor's stance on each claim by article date (marker shape: claim; colour: stance)."""
    fig, ax = _figure(WIDTH, max(3.2, 0.5 * stances["actor"].nunique() + 2.4) if not stances.empty else 3.2)
    ax.set_title(_title("Stances on the key claims over time", title), fontsize=12)
    if stances.empty:
        return _empty(fig, ax, "no stances on the corpus claims")
    actors = list(dict.fromkeys(stances["actor"]))
    claims = list(dict.fromkeys(stances["claim"]))
    labels = [_date_label(d) for d in stances["date"]]
    dates = sorted(set(labels))
    markers = "os^Dv<>p"
    for r, label in zip(stances.itertuples(), labels):
        x = dates.index(label) + 0.15 * (claims.index(r.claim) - (len(claims) - 1) / 2)
        ax.scatter(x, actors.index(r.actor), marker=markers[claims.index(r.claim) % len(markers)], s=90,
                   color=STANCE_COLOURS.get(r.stance, OKABE_ITO["grey"]), edgecolor="black", linewidth=0.5)
    ax.set_xticks(range(len(dates)), dates, fontsize=8)
    ax.set_yticks(range(len(actors)), [_short(a, 28) for a in actors], fontsize=8)
    ax.set_ylim(len(actors) - 0.5, -0.5)
    ax.set_xlabel("article date")
    ax.set_ylabel("actor")
    handles = [Patch(color=c, label=s) for s, c in STANCE_COLOURS.items() if s != "no position"]
    handles += [Line2D([], [], marker=markers[i % len(markers)], linestyle="", color="grey", label=textwrap.shorten(c, 40, placeholder="…"))
                for i, c in enumerate(claims)]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=7, frameon=False)
    fig.tight_layout()
    return fig


def precision_recall_chart(curve: pd.DataFrame, default: float, title: str = "real-article dev set") -> Figure:
    """Precision against recall of the flags over thresholds, the default threshold marked."""
    fig, ax = _figure(6.0, 4.5)
    if curve.empty:
        return _empty(fig, ax, "no thresholds measured")
    c = curve.sort_values("threshold")
    ax.plot(c["recall"], c["precision"], marker="o", color=OKABE_ITO["blue"], label="flags at threshold t")
    for r in c.itertuples():
        if abs(r.threshold * 10 - round(r.threshold * 10)) < 1e-6:  # label every 0.1, the rest would overlap
            ax.annotate(f"{r.threshold:.1f}", (r.recall, r.precision), textcoords="offset points", xytext=(5, 3), fontsize=7)
    at = c.iloc[(c["threshold"] - default).abs().argmin()]
    ax.plot([at["recall"]], [at["precision"]], marker="*", markersize=16, color=OKABE_ITO["vermillion"], linestyle="none",
            label=f"default threshold {default:.2f}")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_xlabel("recall (gold pairs found)")
    ax.set_ylabel("precision (flags that are gold pairs)")
    ax.set_title(f"Precision and recall of contradiction flags — {title}")
    ax.legend(loc="upper right", fontsize=8)
    ax.grid(alpha=0.3)
    return fig
