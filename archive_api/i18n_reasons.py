"""Why a field (or a whole page) went to review, in words: the reasons of ``ocr.checks.REASONS`` (and
``period`` from ``ingest.records``) as the verification screen shows them beside the field, and the
parts of a doubt about the employer's name (``ingest.employer_doubt``). Merged into
``i18n.MESSAGES``; a reason without words here is shown as its code."""

from __future__ import annotations

REASON_WORDS: dict[str, dict[str, str]] = {
    "bg": {
        "verify.reason": "Защо е за проверка",
        "verify.page_doubt": "Цялата страница е за проверка",
        "reason.check_digit": "контролната цифра или датата на раждане в ЕГН не са верни (или двете разчитания на ЕГН се различават)",
        "reason.row_sum": "сумите на реда не излизат (брутно = основна + допълнително, за получаване = брутно − удръжки)",
        "reason.column_total": "сборът на колоната не е равен на реда „Всичко“",
        "reason.low_confidence": "разчитането е несигурно и никоя сума не го потвърждава",
        "reason.unreadable": "не се чете: стойността липсва или е изведена от сумите на реда",
        "reason.correction": "поправка на ведомостта (зачертана стойност с нова над нея), която не се чете сигурно",
        "reason.page_plausibility": "сумите на страницата не са правдоподобни (напр. всички 100 пъти по-малки, или допълнителното възнаграждение над основното)",
        "reason.readings_disagree": "двете разчитания се различават и никоя проверка не решава коя е вярна",
        "reason.out_of_range": "стойност извън възможното (дни над работните дни на месеца или несъответстващи на заплатата, сума далеч от другите в колоната)",
        "reason.row_number": "номерът по ред не следва реда на редовете (ред липсва или два са слети)",
        "reason.column_fill": "стойността не е прочетена (или е прочетена неясно) и е попълнена с това, което оставя сборът на колоната, но другите суми на страницата не я потвърждават: сверете я с листа",
        "reason.column_reconcile": "прочетената стойност е променена, за да излезе сборът на колоната, но сумите на реда или другите колони не я потвърждават: сверете я с листа",
        "reason.total_fix": "прочетената стойност е поправена с една цифра, за да излезе сборът на колоната, но сумите на реда или другите колони не я потвърждават: сверете я с листа",
        "reason.period": "месецът или годината липсват или са извън периода на архива",
        "employer.heading": "Работодател, както е прочетен",
        "employer.mark": "за проверка",
        "employer.part.corrected": "думата е прочетена „{word}“ и е поправена на „{near}“ (разлика от две букви): сверете я с листа",
        "employer.part.unsure": "думата „{word}“ е разчетена неуверено и не е позната дума от имената на работодатели",
        "employer.confirm": "Потвърждавам името на работодателя",
        "employer.confirmed": "Името на работодателя е потвърдено от",
        "queue.employer_doubt": "името на работодателя е за проверка",
    },
    "en": {
        "verify.reason": "Why it is under review",
        "verify.page_doubt": "The whole page is under review",
        "reason.check_digit": "the ЕГН's check digit or birth date is wrong (or the two readings of the ЕГН differ)",
        "reason.row_sum": "the row's sums do not hold (gross = base + additional, net = gross − deductions)",
        "reason.column_total": "the column does not add up to the “Всичко” (total) row",
        "reason.low_confidence": "the reading is uncertain and no sum vouches for it",
        "reason.unreadable": "unreadable: the value is missing or was filled in from the row's sums",
        "reason.correction": "a correction on the sheet (a struck-out value with a new one above it) that cannot be read for sure",
        "reason.page_plausibility": "the page's amounts are not believable (e.g. all a hundred times too small, or additional pay above base pay)",
        "reason.readings_disagree": "the two readings differ and no check decides which is right",
        "reason.out_of_range": "a value out of range (more days than the month's working days or days that do not fit the pay, an amount far off its column's others)",
        "reason.row_number": "the printed row number does not follow the order of the rows (a row lost or two merged)",
        "reason.column_fill": "the value was not read (or not read clearly) and was filled in with what the column's total leaves, but the page's other sums do not confirm it: check it against the sheet",
        "reason.column_reconcile": "the value read was changed so that the column adds up, but the row's sums or the other columns do not confirm it: check it against the sheet",
        "reason.total_fix": "the value read was changed by one digit so that the column adds up, but the row's sums or the other columns do not confirm it: check it against the sheet",
        "reason.period": "the month or year is missing or outside the archive's period",
        "employer.heading": "Employer, as read",
        "employer.mark": "under review",
        "employer.part.corrected": "the word was read “{word}” and corrected to “{near}” (two letters apart): check it against the sheet",
        "employer.part.unsure": "the word “{word}” was read with low confidence and is no known word of employers' names",
        "employer.confirm": "I confirm the employer's name",
        "employer.confirmed": "The employer's name was confirmed by",
        "queue.employer_doubt": "the employer's name is under review",
    },
}
