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
# # Who contradicts whom
#
# This report reads one news article, splits it into **statements**, attributes each to an **actor**
# (who said it, with which reporting cue: *said*, *denied*, *declined to comment*, *backed away*…),
# and runs a transformer **NLI model** (entailment / neutral / contradiction) over pairs of statements.
# A denial conflicts with a claim when the two contents *entail* each other; two plain assertions
# conflict when their contents *contradict*. A detector fitted on real published articles weighs these
# scores with how strongly each statement dismisses something ("the report was false"), the reporting
# cues, and what the two speakers say to each other elsewhere; its score is calibrated so that 0.6 is its
# cut-off. A statement the text ties to another ("later said", "backed away from", "denied even making a
# reference to") is always flagged, and one side's statement is never flagged against its own paraphrase.
# The `evidence` column says which scores and which link decided. On real articles held out from the fit, about
# two flags in five are ones the annotators marked: read the evidence before quoting a flag.
# The summary below lists what was found; the sections after it show the evidence.
#
# Change the values in the next cell (or pass them with papermill / `python -m helpers run -p NAME VALUE`)
# to analyse another article.

# %% tags=["parameters"]
article = "data/articles/bloomberg-2022-02-08-macron-putin.txt"  # path (relative to the project) or URL
model = ""  # empty: the default cascade (the shipped MiniLM screens, the base-size model re-scores); "fast": MiniLM alone (quicker, finds less on real text); "base"; else a Hugging Face name or a local folder
threshold = 0.6  # flag a pair when its conflict score reaches this (0-1)
claims = []  # key claims to place every actor on; empty: the most contested contents, chosen automatically
aliases = {}  # mention to canonical actor, such as {'the spokesman': 'Dmitry Peskov'}
output_dir = ""  # folder for the tables (CSV, Parquet, analysis.json); empty: do not save
title = ""  # override the article's title
outlet = ""  # override the outlet
date = ""  # override the date (YYYY-MM-DD)
all_pairs_max = 120  # up to this many statements, score every pair; above, nearest neighbours only
neighbours = 8  # neighbours per statement above all_pairs_max
allow_non_english = False  # analyse an article that does not look like English
cache = True  # keep NLI scores in .cache/nli-cache.sqlite so a re-run scores nothing twice

# %%
from IPython.display import display

from helpers import charts, report

report.setup_display()

# %%
result = report.run_analysis(
    article=article, model=model, threshold=threshold, claims=claims, aliases=aliases, output_dir=output_dir,
    title=title, outlet=outlet, date=date, all_pairs_max=all_pairs_max, neighbours=neighbours,
    allow_non_english=allow_non_english, cache=cache,
)
report.summary_html(result)

# %% [markdown]
# ## Statements
#
# Every statement the article contains, in article order. `speaker` is the canonical actor (mentions such as
# "the French leader" or "he" are merged into one actor), `cue` the reporting verb, `polarity` what the cue
# does to the content (`assert`, `deny`, `hedge`, `retract`), `content` the reported clause with the
# attribution stripped (what the NLI model reads), and `time` the narrative time cue when the text gives one.
# Sentences nobody is quoted as saying belong to the `narrator` (the outlet).

# %%
display(report.table(result.statements, ["id", "speaker", "cue", "polarity", "quote", "content", "time"]))

# %% [markdown]
# Lines removed as page furniture (advertisements, photo captions, copyright lines, a repeated headline or
# standfirst). They never become statements.

# %%
display(report.removed_lines(result))

# %% [markdown]
# ## Actors
#
# One row per canonical actor, with the mentions merged into it and how often it asserts, denies,
# hedges, retracts and takes part in a flagged conflict.

# %%
display(report.table(result.actors))

# %% [markdown]
# ## Contradictions
#
# Flagged pairs, strongest first. `kind` is `denial` (one actor denies what another asserts),
# `retraction` (an actor walks back an earlier statement), `self-contradiction` (an actor contradicts
# itself) or `factual-conflict` (narration against an actor, or two actors asserting incompatible facts).
# `evidence` says what the score rests on: the NLI scores and similarity, and whether the text links the
# two statements or they disagree on an agreement or a date.

# %%
display(report.table(result.contradictions, ["a", "b", "kind", "score", "a_speaker", "b_speaker", "a_text", "b_text", "evidence"]))

# %% [markdown]
# The matrix shows every scored pair: statements in article order on both axes, labelled by actor.
# Vermillion cells conflict, green cells support each other, white cells are neutral, blank cells were not scored.

# %%
charts.contradiction_matrix(result.statements, result.links, result.article.title)

# %% [markdown]
# ## Stances on the key claims
#
# For each claim, each actor's latest position (`supports`, `denies`, `hedges`); a blank cell means the
# actor says nothing that bears on the claim. `history` shows how the position moved through the story.

# %%
display(report.table(result.stances))
charts.stance_grid(result.stances, result.article.title, claims=result.claims)

# %% [markdown]
# ## The narrative
#
# Each lane is an actor; markers are their statements in narrative order (by the text's time cues, such as
# "Monday", "at first", "later"), coloured by the cue's polarity. Arcs join contradicting statements; the line
# style gives the kind.

# %%
charts.narrative_timeline(result.statements, result.contradictions, result.article.title)

# %% [markdown]
# The actor network sums it up: vermillion edges for contradictions, dashed green edges for support,
# wider edges for more pairs; a vermillion ring marks an actor who contradicts itself.

# %%
charts.actor_network(result.actors, result.contradictions, result.supports, result.article.title)
