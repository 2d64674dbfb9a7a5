"""What every benchmark does with its table: print it and append it to benchmarks/results.md."""

from __future__ import annotations

from helpers.paths import PROJECT_ROOT

RESULTS = PROJECT_ROOT / "benchmarks" / "results.md"


def publish(lines: list[str]) -> None:
    """Print the lines and append them to ``benchmarks/results.md``."""
    text = "\n".join(lines)
    print(text)
    with RESULTS.open("a", encoding="utf-8") as fh:
        fh.write(text + "\n")
