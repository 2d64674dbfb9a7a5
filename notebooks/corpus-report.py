# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python (helpers)
#     language: python
#     name: helpers
# ---

# %% [markdown]
# # One episode, many outlets
#
# This report compares the articles of a corpus run (`python -m helpers corpus FOLDER`): which outlets
# report which claims and which denials, which statements contradict each other *across* articles, and
# where each actor stands on the key claims, article by article and date by date. The tables were
# computed on Dask workers and saved next to this report; this notebook only reads and draws them.

# %% tags=["parameters"]
corpus_dir = "reports/corpus"  # folder written by the corpus command
title = "corpus"  # name shown in chart titles

# %%
from IPython.display import display

from helpers import charts, corpus, report

report.setup_display()
tables = corpus.load_corpus_tables(report.resolve_path(corpus_dir))

# %% [markdown]
# ## Articles
#
# One row per analysed article, with its outlet and date.

# %%
display(report.table(tables["articles"], ["slug", "title", "outlet", "date"]))

# %% [markdown]
# ## Claims by outlet
#
# For each outlet and key claim, how many of the positions it quotes support, deny or hedge the claim.
# Green cells lean to support, vermillion to denial.

# %%
counts = corpus.claims_by_outlet(tables["stances"])
display(counts)
charts.claims_by_outlet_grid(counts, title)

# %% [markdown]
# ## Contradictions between articles
#
# Statements from different articles whose contents conflict (the same polarity-aware NLI as within one
# article: a denial conflicts with the claim it denies). `a_outlet` and `b_outlet` say where each was reported.

# %%
display(report.table(tables["cross_contradictions"], ["a_outlet", "a_speaker", "a_text", "b_outlet", "b_speaker", "b_text", "kind", "score"]))

# %% [markdown]
# ## Stances over time
#
# Each actor's position on each key claim, by the date of the article that reports it.

# %%
display(report.table(tables["stances"], ["date", "outlet", "actor", "claim", "stance", "score"]))
charts.stance_over_time(tables["stances"], title)

# %% [markdown]
# ## Contradictions within each article

# %%
display(report.table(tables["contradictions"], ["slug", "kind", "score", "a_speaker", "b_speaker", "a_text", "b_text"]))
