"""The form's number above the table (``ocr.form_imprint``): a word that cannot be its anchor, whatever word
follows it, is passed over before its line is gathered."""

from __future__ import annotations

from ocr.form_imprint import anchor, may_anchor

TEXTS = ["Образец", "Обрезец", "ОбразецС+.5.08", "Бланка", "Формуляр", "Обр.", "0бр.", "Обр", "Обр.ме", "Форма",
         "Ф-р", "Бл.", "ТРЗ", "(ТРЗ)", "ТРЗ-З,", "Иван", "Петров", "заплата", "12", "№", "Сч.", "ТКЗС", "обр.", "Фор",
         "Oбр.", "Бланки", "Формата", ""]  # fmt: skip
NEXT = ["", "№", "16", "No", "мо", "Т-5", "3-ЗП", "Иван", "Сч.", "5-08", "(ЦСУ)"]


def test_a_word_no_next_word_makes_an_anchor_is_passed_over_and_every_anchor_is_kept() -> None:
    for text in TEXTS:
        anchored = [nxt for nxt in NEXT if anchor(text, nxt)]
        if anchored:
            assert may_anchor(text), (text, anchored)
    assert not may_anchor("Иван") and not may_anchor("заплата")
    assert may_anchor("Обр") and not anchor("Обр", "Иван") and anchor("Обр", "16")
