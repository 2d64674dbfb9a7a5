"""Chart functions return Figures with the expected labels and never call plt.show()."""

import matplotlib.pyplot as plt
import pytest
from matplotlib.figure import Figure

from helpers import charts


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
