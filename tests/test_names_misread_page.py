"""A page whose ЕГН mostly fail their check digit has its glyphs read badly (R dev `--seed 10041 --pages 40`
p10, a dot-matrix microfilm print: five of seven ЕГН failing, 'Петър Йорданов Попов' read 'Петко Йорданов
Попов' at 0.35, every word a known name, and read so again alone: out without a flag). There the lexicon,
which knows both names, vouches for a name only at the full confidence floor, and the same model's second
reading is no vouch."""

from __future__ import annotations

from ocr import checks
from ocr.namereread import vouch_names

VALID = ("7501020023", "6603150049", "5812240069", "4410050084")  # valid ЕГН: check digit holds
FAILING = ("7501020024", "6603150040", "5812240060", "4410050085")


def _draft(name: str, conf: float, egn: str) -> checks.RowDraft:
    d = checks.RowDraft(values={"name": name, "egn": egn})
    d.conf = {"name": conf}
    return d


def _page(egns: tuple[str, ...], conf: float = 0.35) -> list[checks.RowDraft]:
    names = ("Петко Йорданов Попов", "Огнян Маринов Попов", "Пламен Стефанов Атанасов", "Йордан Стефанов Фъртунов")
    drafts = [_draft(n, conf, e) for n, e in zip(names, egns, strict=True)]
    checks.run_checks(drafts, {}, ["egn", "name"], 1984, 9, {})
    return drafts


def test_the_egns_check_digits_tell_a_misread_page() -> None:
    from archive_core import egn

    assert all(egn.is_valid(e) for e in VALID) and not any(egn.is_valid(e) for e in FAILING)
    assert not checks.glyphs_misread(_page(VALID))
    assert checks.glyphs_misread(_page(FAILING))
    assert checks.glyphs_misread(_page((*FAILING[:2], *VALID[2:])))  # half of them fail: misread
    assert not checks.glyphs_misread(_page((FAILING[0], *VALID[1:])))  # one of four: a misread ЕГН only


def test_on_a_misread_page_a_known_name_needs_the_full_floor() -> None:
    assert all("name" not in d.review for d in _page(VALID))  # a page read well: half the floor as before
    assert all(d.review.reasons.get("name") == checks.LOW_CONFIDENCE for d in _page(FAILING))
    assert all("name" not in d.review for d in _page(FAILING, conf=0.9))  # read sure: the name stands


def test_on_a_misread_page_the_same_reading_twice_is_no_vouch() -> None:
    drafts = _page(FAILING)
    for d in drafts:
        d.alts["name"] = [str(d.values["name"])]
    vouch_names(drafts)
    assert all("name" in d.review for d in drafts)
    well = _page(VALID, conf=0.2)  # a page read well: an unsure name read alike twice is vouched for
    for d in well:
        d.alts["name"] = [str(d.values["name"])]
    vouch_names(well)
    assert all("name" not in d.review for d in well)
