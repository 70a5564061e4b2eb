"""What a synthetic sheet says (before any drawing): employers' files, their staff, months and money.

The money adds up the way the checks in domain.md expect: gross = base + extra, net = gross - deductions,
each money column sums to the totals row, days worked never exceed the days of the month. The same people
appear month after month at one employer, so certificates can be checked against the truth.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from archive_core import egn as egn_mod
from archive_core.records import MONEY_FIELDS

from . import data

CENT = Decimal("0.01")


@dataclass
class Person:
    egn: str
    name: str
    position: str
    salary: Decimal  # monthly base at the file's first year, scaled by inflation later


@dataclass
class SheetContent:
    employer: str
    year: int
    month: int
    sheet: int
    layout: tuple[str, ...]
    headings: dict[str, str]
    rows: list[dict[str, object]]  # payroll-page/1 row fields (money as Decimal here)
    totals: dict[str, Decimal]
    decimal_comma: bool = False
    thousands_space: bool = False
    dash_zero: bool = False
    thousands_sep: str = " "  # what separates the thousands when thousands_space is on: " ", ".", "'"
    stotinki: bool = False  # amounts typed in stotinki, without any separator (146802 for 1468.02)
    title: str = "РАЗЧЕТНО-ПЛАТЕЖНА ВЕДОМОСТ"
    period_text: str = ""
    extra: dict[str, object] = field(default_factory=dict)
    carried_in: dict[str, Decimal] | None = None  # "От пренос" row: totals carried from the previous sheet
    carry_out: bool = False  # the bottom row is "Пренос" (carried to the next sheet), not "Всичко"
    # family K: the decimal separator when it is neither "." nor "," (a dash: 1468-02); row numbers typed "1."
    decimal_sep: str = ""
    row_dot: bool = False
    # family K: the body the employer answered to, printed above it, and a word before the employer's name
    # (neither is the employer's name: the truth keeps the name alone)
    parent: str = ""
    employer_label: str = ""
    # family L: every amount in two columns, leva and stotinki (no decimal separator typed); the thousands
    # separated on some amounts only (the typist's habit was not steady); group headings over runs of
    # columns ((first column, last column, label), e.g. "Удръжки" over the itemised deductions and their
    # total); the words of the "От пренос" and "Пренос" rows; the employer's address under its name (not
    # part of the name)
    split_cents: bool = False
    loose_thousands: bool = False
    groups: tuple[tuple[str, str, str], ...] = ()
    carry_in_label: str = ""
    carry_out_label: str = ""
    address: str = ""
    total_label: str = ""  # family L: the totals row's word ("Общо:") where it is not "Всичко"
    # family N: what follows the row number (")": "1)"), every amount ("лв.") and the days ("д.": "21д."),
    # and what stands for a zero amount ("—", "х"); the truth keeps the values
    row_mark: str = ""
    currency: str = ""
    days_suffix: str = ""
    zero_mark: str = ""
    # family O: what a typist typed after "=" for no stotinki ("150=-"; the truth 150.00); the month as
    # typed on a printed form's line "за месец ...... 19.. г." (the year's last two digits typed after the
    # printed "19"); the words of a department's subtotal row (each row's department is its "dept" key)
    whole_mark: str = ""
    form_month: str = ""
    subtotal_label: str = ""
    # family P: the row numbers' digits with leading zeros ("01": 2); the ЕГН typed under the name in the name's
    # column (the layout has no ЕГН column; the truth keeps it); a printout's computer centre and the date of its
    # run, printed over the client's header (neither is the employer)
    row_zeros: int = 0
    egn_under_name: bool = False
    # family AE: the truth has the ЕГН only where the layout prints it (its first layout prints none; the rows keep
    # it, the items are keyed by it). S's and AF's layouts without one still keep it in the truth
    egn_printed_only: bool = False
    centre: str = ""
    run_date: str = ""
    # family R: the money in whole leva (no stotinki typed: "3 450" is 3450.00)
    whole_leva: bool = False
    # family U: how a negative amount (a correction of an earlier month) is printed: "" as "-12.50", "paren" as
    # "(12.50)" (the truth -12.50 either way)
    negative: str = ""


def patronymic_of(father: str) -> str:
    """Петър -> Петров, Георги -> Георгиев, Никола -> Николов, Илия -> Илиев, Христо -> Христов."""
    if father.endswith("ър"):
        return father[:-2] + "ров"
    if father.endswith("й"):
        return father[:-1] + "ев"
    if father.endswith("и"):
        return father + "ев"
    if father.endswith("я"):
        return father[:-1] + "ев"
    if father.endswith("а"):
        return father[:-1] + "ов"
    if father.endswith("о"):
        return father + "в"
    return father + "ов"


def _person(rng: random.Random, year: int) -> Person:
    female = rng.random() < 0.45
    first = rng.choice(data.FEMALE_FIRST if female else data.MALE_FIRST)
    patronymic = patronymic_of(rng.choice(data.FATHERS))
    surname = rng.choice(data.SURNAMES)
    if female:
        patronymic += "а"
        surname += "а"
    born = date(rng.randint(1925, min(1975, year - 18)), rng.randint(1, 12), rng.randint(1, 28))
    egn = egn_mod.make(born, rng.randint(0, 499), female)
    lo, hi = data.PAY_RANGE[year]
    salary = Decimal(rng.randint(lo * 100, hi * 100)) / 100
    return Person(egn, f"{first} {patronymic} {surname}", rng.choice(data.POSITIONS), salary)


def hire(rng: random.Random, year: int) -> Person:
    """One more person on a file's roster, hired in ``year`` (family Q's larger staff)."""
    return _person(rng, year)


def pay_scale(year0: int, year: int) -> Decimal:
    """How much a post's pay of ``year0`` grew by ``year``: the ratio of the middles of their pay ranges."""
    lo0, hi0 = data.PAY_RANGE[year0]
    lo1, hi1 = data.PAY_RANGE[year]
    return Decimal(lo1 + hi1) / Decimal(lo0 + hi0)


def working_days(year: int, month: int) -> int:
    days = egn_mod.days_in_month(year, month)
    return sum(1 for d in range(1, days + 1) if date(year, month, d).weekday() < 5)


@dataclass
class EmployerFile:
    """One closed employer's file (дело): a roster paid month after month."""

    employer: str
    file_no: str
    start: tuple[int, int]
    staff: list[Person]
    layout: tuple[str, ...]
    headings: dict[str, str]
    decimal_comma: bool
    sheet_no: int = 0
    tab_numbers: dict[str, int] = field(default_factory=dict)  # family J: personnel number by ЕГН
    class_pct: dict[str, int] = field(default_factory=dict)  # family K: class for years of service by ЕГН
    groups: tuple[tuple[str, str, str], ...] = ()  # family L: group headings (SheetContent.groups)
    departments: dict[str, str] = field(default_factory=dict)  # family O: each person's department by ЕГН
    pairs: tuple[tuple[str, str], ...] = ()  # family X: the two-tier columns, (upper field, lower field or "")


def make_file(
    rng: random.Random, index: int, *, staff: int | None = None, years: tuple[int, int] = (1980, 1996)
) -> EmployerFile:
    year = rng.randint(*years)
    names = data.EMPLOYERS_1990S if year >= 1991 and rng.random() < 0.6 else data.EMPLOYERS_SOCIALIST
    layout = rng.choice(data.LAYOUTS)
    headings = {c: rng.choice(data.COLUMNS[c].headings) for c in layout}
    n = staff if staff is not None else rng.randint(8, 20)
    people = [_person(rng, year) for _ in range(n)]
    return EmployerFile(
        employer=rng.choice(names),
        file_no=f"{rng.randint(100, 9999)}/{index + 1}",
        start=(year, rng.randint(1, 12)),
        staff=people,
        layout=layout,
        headings=headings,
        decimal_comma=rng.random() < 0.3,
        sheet_no=rng.randint(0, 30),
    )


def cents(x: Decimal) -> Decimal:
    """``x`` rounded half up to the stotinka (0.01)."""
    return x.quantize(CENT, rounding=ROUND_HALF_UP)


def amount_or_nought(v: object) -> Decimal:
    """A money field's value, or nought where it holds no amount (None, a dash)."""
    return v if isinstance(v, Decimal) else Decimal(0)


def make_sheet(
    rng: random.Random, ef: EmployerFile, month_index: int, *, dash_zero: bool = False
) -> SheetContent:
    y0, m0 = ef.start
    k = (m0 - 1) + month_index
    year, month = y0 + k // 12, k % 12 + 1
    year = min(year, 1996)
    wd = working_days(year, month)
    dim = egn_mod.days_in_month(year, month)
    cols = set(ef.layout)
    rows: list[dict[str, object]] = []
    totals = {f: Decimal(0) for f in MONEY_FIELDS if f in cols}
    # Some people miss a month (leave, not yet hired); order stays the roster's.
    present = [p for p in ef.staff if rng.random() > 0.08] or ef.staff[:1]
    for i, p in enumerate(present, start=1):
        days = wd if rng.random() < 0.7 else rng.randint(0, wd)
        days = min(days, dim)
        base = cents(p.salary * pay_scale(y0, year) * Decimal(days) / Decimal(wd)) if wd else Decimal(0)
        extra = Decimal(0) if rng.random() < 0.25 else cents(base * Decimal(rng.randint(2, 40)) / 100)
        gross = base + extra
        ded = cents(gross * Decimal(rng.randint(80, 220)) / 1000)
        net = gross - ded
        row: dict[str, object] = {
            "row": i,
            "egn": p.egn,
            "name": p.name,
            "position": p.position if "position" in cols else None,
            "days_worked": days if "days_worked" in cols else None,
            "days_paid": days,  # the days the pay is for, also where no column shows them (not in the truth)
        }
        money = {"base_pay": base, "extra_pay": extra, "gross_pay": gross, "deductions": ded, "net_pay": net}
        for f in MONEY_FIELDS:
            row[f] = money[f] if f in cols else None
            if f in cols:
                totals[f] += money[f]
        rows.append(row)
    ef.sheet_no += 1
    mname = data.MONTHS[month - 1]
    period_text = rng.choice(
        (f"за м. {mname} {year} г.", f"за месец {mname} {year} год.", f"за м. {mname.upper()} {year} г.")
    )
    return SheetContent(
        employer=ef.employer,
        year=year,
        month=month,
        sheet=ef.sheet_no,
        layout=ef.layout,
        headings=ef.headings,
        rows=rows,
        totals=totals,
        decimal_comma=ef.decimal_comma,
        thousands_space=year >= 1991 and rng.random() < 0.35,
        dash_zero=dash_zero,
        title=rng.choice(("РАЗЧЕТНО-ПЛАТЕЖНА ВЕДОМОСТ", "ВЕДОМОСТ ЗА ЗАПЛАТИ", "ПЛАТЕЖНА ВЕДОМОСТ")),
        period_text=period_text,
    )


def money_text(value: Decimal, sheet: SheetContent) -> str:
    """How the sheet prints an amount (separator, thousands spaces, dash for zero)."""
    if value == 0 and sheet.dash_zero:
        return "-"
    if value == 0 and sheet.zero_mark:
        return sheet.zero_mark
    if sheet.currency:  # family N: "лв." after the amount
        return _typed(value, sheet) + sheet.currency
    return _typed(value, sheet)


def _typed(value: Decimal, sheet: SheetContent) -> str:
    if value < 0 and sheet.negative == "paren":  # family U: "(12.50)"
        return f"({_typed(-value, sheet)})"
    if sheet.stotinki:
        return str(int(value * 100))
    whole, frac = f"{value:.2f}".split(".")
    if sheet.whole_mark and frac == "00":  # family O: "150=-"
        frac = sheet.whole_mark
    if sheet.thousands_space and len(whole) > 3 and not (sheet.loose_thousands and _plain(value)):
        whole = f"{int(whole):,}".replace(",", sheet.thousands_sep)
    if sheet.whole_leva:
        return whole
    return whole + (sheet.decimal_sep or ("," if sheet.decimal_comma else ".")) + frac


def _plain(value: Decimal) -> bool:
    """Family L: is this amount typed without its thousands separator? The same amount always the same way."""
    return int(abs(value) * 100) % 7 in (0, 3, 5)


def department_runs(rows: list[dict[str, object]]) -> list[tuple[int, int, str]]:
    """Family O: the runs of rows of one department, as (first, last + 1, department); none where the rows
    have no department."""
    runs: list[tuple[int, int, str]] = []
    for i, r in enumerate(rows):
        dept = str(r.get("dept") or "")
        if not dept:
            continue
        if runs and runs[-1][2] == dept and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1, dept)
        else:
            runs.append((i, i + 1, dept))
    return runs


def split_carried(sheet: SheetContent, at: int) -> tuple[SheetContent, SheetContent]:
    """One month's payroll typed on two sheets: the first ends with "Пренос" (its own sums), the second
    starts with "От пренос" (those sums) and ends with the month's "Всичко"."""
    from dataclasses import replace

    first_rows, second_rows = sheet.rows[:at], sheet.rows[at:]
    carried: dict[str, Decimal] = {
        f: sum((Decimal(str(r[f])) for r in first_rows), Decimal(0)) for f in sheet.totals
    }
    first = replace(sheet, rows=first_rows, totals=carried, carry_out=True)
    second = replace(sheet, rows=second_rows, carried_in=carried, sheet=sheet.sheet + 1)
    return first, second


def carried_pages(
    sheet: SheetContent, ef: EmployerFile, rng: random.Random, room: int, *, three_from: int, three_share: float
) -> list[SheetContent]:
    """The month's sheet on two pages (three, on a ``three_share`` of the months with ``three_from`` rows or more,
    where ``room`` pages are left): each but the last ends with "Пренос" (the sums so far, its printed totals),
    each but the first begins with "Пренос от предходна(та) страница" (the sums before it); the row numbers run
    on, each page its own sheet number. No carried row is a person's (families Q and U)."""
    from dataclasses import replace

    rows = sheet.rows
    n = 3 if len(rows) >= three_from and room >= 3 and rng.random() < three_share else 2
    size = len(rows) / n
    cuts = [int(round(size * k)) + rng.randint(-1, 1) for k in range(1, n)]
    pages: list[SheetContent] = []
    before: dict[str, Decimal] | None = None
    run = {f: Decimal(0) for f in sheet.totals}
    for k, (a, b) in enumerate(zip([0, *cuts], [*cuts, len(rows)], strict=True)):
        for f in run:
            run[f] += sum((Decimal(str(r[f])) for r in rows[a:b]), Decimal(0))
        pages.append(replace(sheet, rows=rows[a:b], totals=dict(run), carried_in=before, carry_out=k < n - 1,
                             sheet=sheet.sheet + k))  # fmt: skip
        before = dict(run)
    ef.sheet_no += n - 1
    return pages
