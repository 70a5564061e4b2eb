"""Legal forms of the land reform's years: a form read on a sheet of a year when no enterprise was so named is a
form misread (a hand's "ППК" read "АПК" twice, by both readings, on a sheet of 1992: T dev 12020 p1, out without a
doubt). The agrarian-industrial complexes (АПК) were wound up by 1990; the co-operatives of the Закон за
кооперациите (ППК, ЗК, ЗКПУ) were formed from 1991, the liquidation councils (ЛС) of the ТКЗС from 1992. A form
outside its years (a year's margin each side) goes to a person (``form_unsure``); a form of any other kind, or a
sheet with no year read, says nothing."""

from __future__ import annotations

from .employer_doubts import doubt

# form -> (first year, last year) the form was in use, a year's margin given each side (None: no bound)
YEARS: dict[str, tuple[int | None, int | None]] = {
    "АПК": (None, 1991),
    "ППК": (1990, None),
    "ЗК": (1990, None),
    "ЗКПУ": (1990, None),
    "ЛС": (1991, None),
}


def out_of_years(name: str | None, year: int | None) -> list[str]:
    """``form_unsure`` for each legal form of ``name`` outside the quotes that was not in use in ``year``."""
    if not name or year is None:
        return []
    out: list[str] = []
    quoted = False
    for tok in name.split():
        core = tok.strip("„“.,")
        if not quoted and not tok.startswith("„") and core in YEARS:
            first, last = YEARS[core]
            if (first is not None and year < first) or (last is not None and year > last):
                out.append(doubt("form_unsure", core))
        quoted = (quoted or tok.startswith("„")) and "“" not in tok
    return out
