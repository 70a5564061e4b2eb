"""A name doubted for its confidence alone is read a second time; both readings alike and every word a
known name clear the doubt; a sure second reading a letter or two from an unsure first one replaces it,
still in review; readings that disagree leave it as it was (G dev 701: 'Даниел Тодоров Ярков' at 0.04
for 'Ангел', read 'Прара ...' the second time, stays in review)."""

from __future__ import annotations

from ocr import checks
from ocr.namereread import vouch_names


def _row(name: str, second: str | None) -> checks.RowDraft:
    d = checks.RowDraft(values={"name": name})
    d.review.add("name", checks.LOW_CONFIDENCE)
    if second is not None:
        d.alts["name"] = [second]
    return d


def test_a_known_name_read_alike_twice_needs_no_person():
    d = _row("Фаня Василова Йорданова", "Фаня Василова Йорданова")
    vouch_names([d])
    assert "name" not in d.review


def test_a_name_read_otherwise_the_second_time_stays_in_review():
    d = _row("Даниел Тодоров Ярков", "Прара Тодоров Ярков")
    vouch_names([d])
    assert d.values["name"] == "Даниел Тодоров Ярков" and "name" in d.review
    d = _row("Даниел Тодоров Ярков", None)
    vouch_names([d])
    assert "name" in d.review


def test_a_sure_second_reading_replaces_an_unsure_first_one_but_a_person_still_sees_it():
    d = _row("Десислава Цеетакова Кирилова", "Десислава Цветанова Кирилова")
    vouch_names([d])
    assert d.values["name"] == "Десислава Цветанова Кирилова" and "name" in d.review


def test_a_name_flagged_for_another_reason_is_left_alone():
    d = checks.RowDraft(values={"name": "Фаня Василова Йорданова"})
    d.review.add("name", checks.PAGE_PLAUSIBILITY)
    d.alts["name"] = ["Фаня Василова Йорданова"]
    vouch_names([d])
    assert "name" in d.review
