"""A page whose ЕГН a face misreads by one look-alike digit is a page read in place: ``checks.guard_page``
does not send it to review as a page, each failing ЕГН keeps its own flag (issue 9, review load; E dev 507
page 4). A page whose ЕГН are not near any valid one stays in review as a page. The one place that
decides it is ``egn_guard.read_in_place`` (also for ЕГН unread under a stamp: tests/test_page_guard_read.py),
and it holds for every caller of the guard (the separator-as-digit reading of ``ocr.extract`` too)."""

from __future__ import annotations

from ocr import checks, egn_guard

KINDS = ["row", "name", "egn", "gross_pay", "deductions", "net_pay"]
# zeros read as 9 or 6, a 3 as 5, in five of eight ЕГН (E dev 507 page 4, E dev 504)
READ = ["6696284000", "3611916794", "5910031750", "4411218843", "3563187898", "6606284000", "7001261589",
        "3505150141"]  # fmt: skip
FAR = ["1234567890", "9876543210", "5555555555", "1212121212", *READ[:2], "3434343434", "7878787878"]


def _page(egns: list[str]) -> list[checks.RowDraft]:
    rows = []
    for e in egns:
        r = checks.RowDraft(values={"name": "Емил Пенчов Попов", "egn": e, "gross_pay": "3092.93",
                                    "deductions": "321.66", "net_pay": "2771.27"})  # fmt: skip
        checks.check_egn(r)
        rows.append(r)
    checks.guard_page(rows, KINDS, [[""] * len(KINDS) for _ in rows])
    return rows


def test_egns_a_look_alike_digit_away_from_valid_do_not_send_the_page_to_review_but_themselves():
    rows = _page(READ)
    assert not any({"gross_pay", "deductions", "net_pay", "name"} & r.review for r in rows)
    assert rows[0].review.reasons.get("egn") == checks.CHECK_DIGIT  # '6696284000' still fails its check
    assert not any(checks.PAGE_PLAUSIBILITY in r.review.reasons.values() for r in rows)


def test_egns_nowhere_near_valid_keep_the_page_in_review():
    rows = _page(FAR)
    assert all(r.review.reasons.get("gross_pay") == checks.PAGE_PLAUSIBILITY for r in rows)


def test_read_in_place_is_the_one_decision():
    assert egn_guard.read_in_place(_page(READ), None, KINDS, None)
    assert not egn_guard.read_in_place(_page(FAR), None, KINDS, None)
    assert not egn_guard.read_in_place([], None, KINDS, None)


def test_the_extraction_driver_does_not_lift_the_page_flag_a_second_time():
    import inspect

    from ocr import extract

    assert "lift_page_flag" not in inspect.getsource(extract)
    assert not hasattr(egn_guard, "lift_page_flag")
