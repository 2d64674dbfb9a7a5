"""Chart functions return Figures with the expected labels and never call plt.show(); on small known tables each
chart shows exactly what the tables say (labels, cells, bars, colours)."""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure

from helpers import charts

VERMILLION, GREEN, BLUE, ORANGE, PURPLE = (to_rgba(charts.OKABE_ITO[c]) for c in ("vermillion", "green", "blue", "orange", "purple"))
TITLE = "Envoy Says Talks Failed"


@pytest.fixture
def statements() -> pd.DataFrame:
    """Five statements: two actors, the narrator, time cues on two, an empty content last."""
    return pd.DataFrame({
        "id": [0, 1, 2, 3, 4],
        "speaker": ["Anna Berg", "Dmitry Peskov", "narrator", "Anna Berg", "Dmitry Peskov"],
        "content": ["the talks had collapsed", "the talks had not collapsed", "the talks were held", "an agreement was possible", ""],
        "polarity": ["assert", "deny", "assert", "hedge", "retract"],
        "time": ["", "Monday", "", "later", ""],
        "time_rank": [None, 0.2, None, 0.8, None],
    })


def texts(items) -> list[str]:
    return [t.get_text() for t in items]


def close(colour, expected) -> bool:
    """Same RGBA up to the 256 steps of a colour map (its middle is 0.996, not 1.0)."""
    rgba = to_rgba(colour) if isinstance(colour, str) else np.asarray(colour, dtype=float).ravel()[:4]
    return np.allclose(rgba, to_rgba(expected), atol=0.01)


@pytest.fixture(autouse=True)
def no_show(monkeypatch):
    monkeypatch.setattr(plt, "show", lambda *a, **k: (_ for _ in ()).throw(AssertionError("plt.show() called")))


@pytest.mark.slow
def test_charts_on_the_seed(seed_analysis):
    r, title = seed_analysis, seed_analysis.article.title
    figs = {
        "matrix": charts.contradiction_matrix(r.statements, r.links, title),
        "stances": charts.stance_grid(r.stances, title, claims=r.claims),
        "timeline": charts.narrative_timeline(r.statements, r.contradictions, title),
        "network": charts.actor_network(r.actors, r.contradictions, r.supports, title),
    }
    for name, fig in figs.items():
        assert isinstance(fig, Figure), name
        assert title[:30] in fig.axes[0].get_title(), name
    ax = figs["matrix"].axes[0]
    assert ax.get_xlabel() == "statement (article order) · actor"
    assert any("Emmanuel Macron" in t.get_text() for t in ax.get_yticklabels())
    ax = figs["timeline"].axes[0]
    assert ax.get_ylabel() == "actor" and ax.get_xlabel().startswith("narrative order")
    assert "Kremlin spokesman" in [t.get_text() for t in ax.get_yticklabels()]
    between_actors = r.contradictions[(r.contradictions.a_speaker != "narrator") & (r.contradictions.b_speaker != "narrator")]
    assert len(ax.patches) == len(between_actors)  # one arc per contradiction between actors
    ax = figs["stances"].axes[0]
    assert ax.get_xlabel() == "claim" and ax.get_ylabel() == "actor"
    labels = {t.get_text() for t in figs["network"].axes[0].texts}
    assert {"Emmanuel\nMacron", "Kremlin\nspokesman"} <= labels
    plt.close("all")


def test_charts_with_empty_tables():
    import pandas as pd

    empty = pd.DataFrame(columns=["id", "speaker", "content", "polarity", "time", "time_rank"])
    links = pd.DataFrame(columns=["a", "b", "conflict", "support"])
    assert isinstance(charts.contradiction_matrix(empty, links, "T"), Figure)
    assert isinstance(charts.stance_grid(pd.DataFrame(columns=["actor", "claim", "stance", "score"]), "T"), Figure)
    assert isinstance(charts.narrative_timeline(empty, pd.DataFrame(columns=["a", "b", "kind", "score"]), "T"), Figure)
    assert isinstance(charts.actor_network(pd.DataFrame(columns=["actor"]), pd.DataFrame(columns=["a_speaker", "b_speaker"]),
                                           pd.DataFrame(columns=["a_speaker", "b_speaker"]), "T"), Figure)
    plt.close("all")


def test_contradiction_matrix_cells(statements):
    """One cell per statement pair with content, symmetric; full conflict vermillion, full support green, neither white."""
    links = pd.DataFrame({"a": [0, 0, 1], "b": [1, 3, 3], "conflict": [1.0, 0.0, 0.0], "support": [0.0, 1.0, 0.0]})
    fig = charts.contradiction_matrix(statements, links, TITLE)
    ax, bar = fig.axes
    assert ax.get_title() == f"Who contradicts whom: statement pairs\n{TITLE}"
    labels = ["0 · Anna Berg", "1 · Dmitry Peskov", "2 · narrator", "3 · Anna Berg"]  # statement 4 has no content
    assert texts(ax.get_xticklabels()) == labels and texts(ax.get_yticklabels()) == labels
    assert ax.get_xlabel() == ax.get_ylabel() == "statement (article order) · actor"
    assert bar.get_ylabel() == "← conflict        support →"
    image = ax.images[0]
    grid = image.get_array()
    assert grid.shape == (4, 4) and int(grid.mask.sum()) == 16 - 6  # three pairs, both halves
    rgba = image.to_rgba(grid)
    assert close(rgba[0, 1], VERMILLION) and close(rgba[1, 0], VERMILLION)
    assert close(rgba[0, 3], GREEN) and close(rgba[3, 0], GREEN)
    assert close(rgba[1, 3], "white")
    assert rgba[0, 2, 3] == 0 and rgba[2, 2, 3] == 0  # no link: transparent


def test_contradiction_matrix_keeps_the_strongest_statements(statements):
    links = pd.DataFrame({"a": [0, 1], "b": [3, 2], "conflict": [0.9, 0.2], "support": [0.0, 0.0]})
    ax = charts.contradiction_matrix(statements, links, TITLE, max_statements=2).axes[0]
    assert texts(ax.get_yticklabels()) == ["0 · Anna Berg", "3 · Anna Berg"]
    assert ax.images[0].get_array()[0, 1] == pytest.approx(-0.9)
    ax = charts.contradiction_matrix(statements.iloc[:1], links, TITLE).axes[0]
    assert texts(ax.texts) == ["fewer than two statements"] and not ax.images


def test_stance_grid_cells():
    """Actor × claim: one square per cell in its stance's colour, label and score; a missing pair is 'no position'."""
    stances = pd.DataFrame({
        "actor": ["Anna Berg", "Anna Berg", "Dmitry Peskov"],
        "claim": ["Troops left", "A deal was signed", "Troops left"],
        "stance": ["supports", "hedges", "denies"],
        "score": [0.91, 0.55, 0.87],
    })
    fig = charts.stance_grid(stances, TITLE)
    ax = fig.axes[0]
    assert ax.get_title() == f"Where each actor stands on the key claims\n{TITLE}"
    assert ax.get_xlabel() == "claim" and ax.get_ylabel() == "actor"
    assert texts(ax.get_xticklabels()) == ["Troops left", "A deal was signed"]
    assert texts(ax.get_yticklabels()) == ["Anna Berg", "Dmitry Peskov"]
    squares = ax.patches  # row by row: (Berg, left), (Berg, deal), (Peskov, left), (Peskov, deal)
    assert len(squares) == 4
    for square, stance in zip(squares, ["supports", "hedges", "denies", "no position"]):
        assert close(square.get_facecolor(), charts.STANCE_COLOURS[stance]), stance
    assert [sq.get_xy() for sq in squares] == [(-0.5, -0.5), (0.5, -0.5), (-0.5, 0.5), (0.5, 0.5)]
    labels = ax.texts
    assert texts(labels) == ["supports\n0.91", "hedges\n0.55", "denies\n0.87", "–"]
    assert [close(t.get_color(), c) for t, c in zip(labels, ["white", "black", "white", "black"])] == [True] * 4
    assert texts(ax.get_legend().get_texts()) == ["supports", "denies", "hedges", "no position"]
    # claims given: their order, including one nobody addressed
    ax = charts.stance_grid(stances, TITLE, claims=["A deal was signed", "Talks resume"]).axes[0]
    assert texts(ax.get_xticklabels()) == ["A deal was signed", "Talks resume"]
    assert texts(ax.texts) == ["hedges\n0.55", "–", "–", "–"]


def test_narrative_timeline_lanes_markers_and_arcs(statements):
    """A lane per actor (no narrator), a marker per statement coloured by polarity, an arc per contradiction."""
    contradictions = pd.DataFrame({"a": [0, 1, 0], "b": [1, 3, 2], "kind": ["denial", "retraction", "denial"], "score": [0.9, 0.5, 1.0]})
    ax = charts.narrative_timeline(statements, contradictions, TITLE).axes[0]
    assert ax.get_title() == f"Narrative timeline: who said what, and who contradicted it\n{TITLE}"
    assert ax.get_ylabel() == "actor" and ax.get_xlabel().startswith("narrative order")
    assert texts(ax.get_yticklabels()) == ["Anna Berg", "Dmitry Peskov"]
    assert texts(ax.get_xticklabels()) == ["Monday", "later"] and list(ax.get_xticks()) == [1, 2]
    markers = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert [tuple(c.get_offsets()[0]) for c in markers] == [(0, 0), (1, 1), (2, 0), (3, 1)]  # (narrative order, lane)
    for marker, colour in zip(markers, [BLUE, VERMILLION, ORANGE, PURPLE]):  # assert, deny, hedge, retract
        assert close(marker.get_facecolor(), colour)
    assert texts(ax.texts) == ["0", "1", "3", "4"]
    arcs = ax.patches  # the arc to the narrator's statement 2 is left out
    assert len(arcs) == 2
    assert [a.get_linestyle() for a in arcs] == ["-", "--"] and [a.get_linewidth() for a in arcs] == pytest.approx([2.8, 2.0])
    assert all(close(a.get_edgecolor()[:3] + (1.0,), VERMILLION) for a in arcs)
    everyone = charts.narrative_timeline(statements, contradictions, TITLE, include_narrator=True).axes[0]
    assert texts(everyone.get_yticklabels()) == ["Anna Berg", "Dmitry Peskov", "narrator"] and len(everyone.patches) == 3


def test_actor_network_edges_and_nodes():
    """Nodes for the actors (no narrator); a conflict edge as wide as its count, a dashed green support edge, a ring for self-contradiction."""
    actors = pd.DataFrame({"actor": ["Anna Berg", "Dmitry Peskov", "narrator", "Olaf Scholz"]})
    conflicts = pd.DataFrame({"a_speaker": ["Anna Berg", "Anna Berg", "Dmitry Peskov"], "b_speaker": ["Dmitry Peskov", "Dmitry Peskov", "Dmitry Peskov"]})
    supports = pd.DataFrame({"a_speaker": ["Anna Berg"], "b_speaker": ["Olaf Scholz"]})
    ax = charts.actor_network(actors, conflicts, supports, TITLE).axes[0]
    assert ax.get_title() == f"Actor network: contradictions and support\n{TITLE}"
    assert sorted(texts(ax.texts)) == ["Anna Berg", "Dmitry Peskov", "Olaf Scholz"]
    edges = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert len(edges) == 2
    conflict, support = edges
    assert close(conflict.get_edgecolor()[0], VERMILLION) and list(conflict.get_linewidth()) == [5.5]  # 1.5 + 2 × 2
    assert close(support.get_edgecolor()[0], GREEN) and list(support.get_linewidth()) == [2.5] and support.get_linestyle()[0][1]
    nodes, ringed = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert len(nodes.get_offsets()) == 3 and len(ringed.get_offsets()) == 1  # only Peskov contradicts himself
    assert close(ringed.get_edgecolor()[0], VERMILLION)
    assert texts(ax.get_legend().get_texts()) == ["contradiction (width: count)", "support", "contradicts itself"]


def test_claims_by_outlet_grid_cells():
    """Outlet × claim, coloured by net support, with the counts written in each cell."""
    counts = pd.DataFrame({
        "outlet": ["North Wire", "North Wire", "East Wire"],
        "claim": ["Troops left", "A deal was signed", "Troops left"],
        "supports": [2, 1, 0], "denies": [0, 1, 3], "hedges": [0, 0, 1],
    })
    fig = charts.claims_by_outlet_grid(counts, "corpus")
    ax = fig.axes[0]
    assert ax.get_title() == "Which outlets report which claims and which denials\ncorpus"
    assert ax.get_xlabel() == "claim" and ax.get_ylabel() == "outlet"
    assert texts(ax.get_xticklabels()) == ["Troops left", "A deal was signed"] and texts(ax.get_yticklabels()) == ["North Wire", "East Wire"]
    image = ax.images[0]
    grid = image.get_array()
    assert grid[0, 0] == 1 and grid[0, 1] == 0 and grid[1, 0] == pytest.approx(-0.75) and grid.mask[1, 1]
    rgba = image.to_rgba(grid)
    assert close(rgba[0, 0], GREEN) and close(rgba[0, 1], "white")
    assert texts(ax.texts) == ["2 support\n0 deny\n0 hedge", "1 support\n1 deny\n0 hedge", "0 support\n3 deny\n1 hedge"]
    assert fig.axes[1].get_ylabel() == "← denied        supported →"


def test_stance_over_time_points():
    """A point per stance: x by article date (undated last), shape by claim, colour by stance."""
    stances = pd.DataFrame({
        "actor": ["Anna Berg", "Dmitry Peskov", "Anna Berg"],
        "claim": ["Troops left", "Troops left", "A deal was signed"],
        "stance": ["supports", "denies", "hedges"],
        "date": ["2022-02-08", "2022-02-07", ""],  # an article without a date has "" (Article.date)
    })
    ax = charts.stance_over_time(stances, "corpus").axes[0]
    assert ax.get_title() == "Stances on the key claims over time\ncorpus"
    assert ax.get_xlabel() == "article date" and ax.get_ylabel() == "actor"
    assert texts(ax.get_xticklabels()) == ["2022-02-07", "2022-02-08", "undated"]
    assert texts(ax.get_yticklabels()) == ["Anna Berg", "Dmitry Peskov"]
    points = ax.collections
    assert len(points) == 3
    assert [tuple(p.get_offsets()[0]) for p in points] == [pytest.approx((0.925, 0)), pytest.approx((-0.075, 1)), pytest.approx((2.075, 0))]
    for point, stance in zip(points, ["supports", "denies", "hedges"]):
        assert close(point.get_facecolor(), charts.STANCE_COLOURS[stance])
    assert texts(ax.get_legend().get_texts()) == ["supports", "denies", "hedges", "Troops left", "A deal was signed"]


@pytest.mark.parametrize("missing", [None, np.nan, pd.NaT])
def test_stance_over_time_treats_missing_dates_as_undated(missing):
    """A date that is None, NaN or NaT is drawn like "" (undated), not an error."""
    stances = pd.DataFrame({
        "actor": ["Anna Berg", "Dmitry Peskov", "Anna Berg"],
        "claim": ["Troops left", "Troops left", "Troops left"],
        "stance": ["supports", "denies", "hedges"],
        "date": ["2022-02-08", missing, ""],
    })
    ax = charts.stance_over_time(stances, "corpus").axes[0]
    assert texts(ax.get_xticklabels()) == ["2022-02-08", "undated"]
    assert [tuple(p.get_offsets()[0]) for p in ax.collections] == [(0, 0), (1, 1), (1, 0)]
    plt.close("all")


def test_precision_recall_chart_marks_the_default_threshold():
    import pandas as pd

    from helpers.charts import precision_recall_chart

    curve = pd.DataFrame({"threshold": [0.3, 0.5, 0.6, 0.7], "recall": [0.5, 0.4, 0.3, 0.1], "precision": [0.3, 0.5, 0.6, 0.9]})
    fig = precision_recall_chart(curve, default=0.6, title="test set")
    ax = fig.axes[0]
    line, star = ax.lines
    assert list(line.get_xdata()) == [0.5, 0.4, 0.3, 0.1] and list(line.get_ydata()) == [0.3, 0.5, 0.6, 0.9]
    assert (list(star.get_xdata()), list(star.get_ydata())) == ([0.3], [0.6])  # the point at 0.6
    assert star.get_marker() == "*"
    assert "test set" in ax.get_title() and ax.get_xlabel().startswith("recall")
    assert [t.get_text() for t in ax.texts] == ["0.3", "0.5", "0.6", "0.7"]
    assert "default threshold 0.60" in [t.get_text() for t in ax.get_legend().get_texts()]
