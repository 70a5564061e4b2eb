"""The Markdown table of bench/RESULTS.md from one run of scripts/eval_issue9.sh.

usage: python3 scripts/eval_table.py OUT_DIR TAG [SET=LABEL ...]
Reads OUT_DIR/<set>-TAG.txt (what `archive bench` printed) for every set the evaluation script measures and
prints one row each; a set whose bench did not finish is printed as "not measured". SET=LABEL pairs replace
a row's label (e.g. "N=**N, held out** (16, seed 2037)").
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

LABELS = {
    "S": "S (16, seed 2042)",
    "T": "T (16, seed 2043)",
    "U": "U (16, seed 2044)",
    "V": "V (16, seed 2045)",
    "W": "W (16, seed 2046)",
    "X": "X (16, seed 2047)",
    "Y": "Y (16, seed 2048)",
    "Z": "Z (16, seed 2049)",
    "AA": "AA (16, seed 2050)",
    "AB": "AB (16, seed 2051)",
    "AC": "AC (16, seed 2052)",
    "AD": "AD (16, seed 2053)",
    "AE": "AE (16, seed 2054)",
    "AF": "AF (16, seed 2055)",
    "AG": "AG (16, seed 2056)",
    "AH": "AH (16, seed 2057)",
    "AI": "AI (16, seed 2058)",
    "AJ": "AJ (16, seed 2059)",
    "AL": "AL (16, seed 2061)",
    "AM": "AM (16, seed 2062)",
    "AN": "AN (16, seed 2063)",
    "AO": "AO (16, seed 2064)",
    "AK": "AK (16, seed 2060)",
    "R": "R (16, seed 2041)",
    "Q": "Q (16, seed 2040)",
    "P": "P (16, seed 2039)",
    "O": "O (16, seed 2038)",
    "N": "N (16, seed 2037)",
    "M": "M (16, seed 2036)",
    "L": "L (16, seed 2035)",
    "K": "K (16, seed 2034)",
    "J": "J (16, seed 2033)",
    "I": "I (16, seed 2032)",
    "H": "H (16, seed 2031)",
    "G": "G (16, seed 2030)",
    "F": "F (16, seed 2029)",
    "E": "E (16, seed 2028)",
    "D": "D (16, seed 2027)",
    "B": "B (12, seed 303)",
    "C": "C (12, seed 303)",
    "hard99": "`--hard all` (24, seed 99)",
    "s777": "seed 777 (60)",
}
HEAD = (
    "| set | fields right | wrong, not flagged | review load | rows found | row № right | pages in review whole / failed "
    "| employer (wrong, no doubt) | period (wrong, no doubt) | CPU ours / tesseract |\n"
    "|---|---|---|---|---|---|---|---|---|---|"
)


# what `archive bench` prints (Bulgarian), one figure each
FIGURES = {
    "right": r"точност на полетата: ([\d.]+%)",
    "silent": r"тихи грешки: ([\d.]+%)",
    "review": r"за проверка: ([\d.]+%)",
    "rows": r"намерени редове: ([\d.]+%)",
    "row_no": r"номера на редовете верни: ([\d.]+%)",
    "whole": r"листове за проверка като цяло: (\d+)",
    "pages": r"страници: (\d+) \(",
    "failed": r"\(неуспешни: (\d+)\)",
    "employer": r"работодател: ([\d.]+%)",
    "employer_silent": r"работодател ([\d.]+%), период",
    "period": r"период: ([\d.]+%)",
    "period_silent": r"период ([\d.]+%) \(от",
    "cpu": r"скорост:.*CPU ([\d.]+) s/стр",
    "base": r"\(база\):.*CPU ([\d.]+) s/стр;",
    "ratio": r"отношение CPU: ([\d.]+)×",
}


def row(text: str, label: str) -> str:
    """One table row from the bench's printed summary."""
    f = {}
    for key, pattern in FIGURES.items():
        m = re.search(pattern, text)
        if m is None:
            raise ValueError(f"{label}: the bench output has no {key} ({pattern!r})")
        f[key] = m.group(1)
    return (
        f"| {label} | {f['right']} | {f['silent']} | {f['review']} | {f['rows']} | {f['row_no']} "
        f"| {f['whole']} / {f['failed']} of {f['pages']} | {f['employer']} ({f['employer_silent']}) "
        f"| {f['period']} ({f['period_silent']}) | {f['cpu']} / {f['base']} s = {f['ratio']}× |"
    )


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    out, tag = Path(argv[0]), argv[1]
    labels = dict(LABELS)
    labels.update(dict(a.split("=", 1) for a in argv[2:]))
    print(HEAD)
    for key, label in labels.items():
        f = out / f"{key}-{tag}.txt"
        text = f.read_text(encoding="utf-8") if f.exists() else ""
        print(row(text, label) if "отношение" in text else f"| {label} | not measured |||||||||")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
