"""An ЕГН misread into another valid one (its check digit holds by chance): the second reading by the other
model, combined digit by digit with the first, makes another valid ЕГН, and the field goes to a person.
A second reading that only adds its own misread digits, none or a different person's, leaves the first. No OCR."""

from __future__ import annotations

from archive_core import egn
from ocr.egn_second import disagree, far_apart


def test_the_two_misreads_of_e_dev_501_are_doubted():
    # 5907057761 read 6907067761, read again 5907057764: the truth is the second's start, the first's end
    assert egn.is_valid("6907067761") and egn.is_valid("5907057761")
    assert disagree("6907067761", "5907057764")
    # 3505150630 read 3505158630, read again 3505150639
    assert egn.is_valid("3505158630")
    assert disagree("3505158630", "3505150639")


def test_a_second_reading_that_agrees_or_only_misreads_the_check_digit_leaves_the_first():
    assert not disagree("5907057761", "5907057761")
    assert not disagree("5907057761", "5907057764")  # the check digit alone: never another valid ЕГН
    assert not disagree("5907057761", None)
    assert not disagree("5907057761", "590705776")


def test_a_second_reading_of_another_number_altogether_is_not_one_egn_read_twice():
    assert not disagree("5907057761", "1234567890")


def test_two_readings_three_digits_apart_leave_neither_model_trusted():
    # Q dev 9020 p1, a phone's blurred photograph: 3504114962 read 2804114982 (valid by chance), read again
    # 2594114962 (not valid, and no mix of the two is another valid one): the first went out unflagged
    assert egn.is_valid("2804114982") and not disagree("2804114982", "2594114962")
    assert far_apart("2804114982", "2594114962")
    # the models' usual disagreement on a right ЕГН, one or two digits, leaves it standing
    assert not far_apart("5907057761", "5907057764")
    assert not far_apart("5907057761", "5907087764")
    assert not far_apart("5907057761", None)
    assert not far_apart("5907057761", "590705776")
