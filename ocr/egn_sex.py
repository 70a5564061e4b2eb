"""An ЕГН whose ninth digit tells the other sex than the name beside it: even for a man, odd for a woman.
A valid ЕГН misread by a digit or two into another valid one (its check digit holds by chance), or one
person's ЕГН beside another's name (a row read out of place), shows it; the sheets never hold it. Both
fields go to a person (``checks.EGN_SEX``): either may be the misread one."""

from __future__ import annotations

from archive_core import egn as egn_mod

from .checks import EGN_SEX, RowDraft
from .name_case import capitalised
from .names import female_names, male_names


def name_is_female(name: str) -> bool | None:
    """The sex the name's given name tells (the first or, family name first, the second word), None
    when neither word is a given name of the lists."""
    for w in [capitalised(w) for w in name.split()][:2]:
        if w in female_names():
            return True
        if w in male_names():
            return False
    return None


def flag_sex_disagreeing(drafts: list[RowDraft]) -> None:
    """Each valid ЕГН not already doubted whose ninth digit disagrees with its row's name."""
    for d in drafts:
        v, name = d.values.get("egn"), d.values.get("name")
        if not isinstance(v, str) or not isinstance(name, str) or "egn" in d.review or not egn_mod.is_valid(v):
            continue
        female = name_is_female(name)
        if female is not None and female != egn_mod.is_female(v):
            d.review.add("egn", EGN_SEX)
            d.review.add("name", EGN_SEX)
