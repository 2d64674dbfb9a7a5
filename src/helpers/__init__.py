"""helpers: who contradicts whom in diplomatic news.

Article loading, statement attribution, NLI stance scoring, contradiction
finding, charts and reports, used by the notebooks under ``notebooks/``.
"""

__version__ = "0.1.0"
