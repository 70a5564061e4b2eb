"""A money figure read unsure whose only proof is a sum through a figure in doubt (issue 9, silent errors).

A row's sum proves its figures when it holds on figures none of which is in doubt. Two columns typed in
the same face misread alike keep a sum as surely as two right readings do: R dev 10066 p7 (raised
stotinki on a black-and-white microfilm) read the base pay `56⁸⁹` as 56.29 at confidence 0.45 and the gross
pay `56⁸⁹` as 56.29 too; base + additional = gross held, the gross went to review on its other sum (the
other model read it 56.89, the deductions' parts disagreed), and the base pay went out wrong on the strength
of the gross it was copied into.

Here a figure read under the confidence floor (or read by the second model alone) is kept out of review
only by a holding sum of the row whose other figures are all out of review, or by its column adding up to
its printed total; otherwise it goes to a person (``LOW_CONFIDENCE``). A figure read sure, or one that
a sum of undoubted figures proves, is left as it is: the rule adds doubt only where the reading itself
was unsure and the arithmetic that vouched for it leans on a figure already doubted.
"""

from __future__ import annotations

from . import checks


def doubt_unsure_on_doubted(
    drafts: list[checks.RowDraft], totals: dict[str, str], present: list[str], carried: dict[str, str]
) -> None:
    """Send to review each money figure read unsure that no sum of undoubted figures, nor its column's
    printed total, proves."""
    money = [f for f in checks.MONEY if f in present]
    closed = {f for f in money if checks._adds_up(drafts, totals, f, carried)}
    for d in drafts:
        for f in money:
            if f in d.review or f in closed or d.values.get(f) is None:
                continue
            if d.conf.get(f, 1.0) >= checks.CONF_FLOOR and f not in d.second_only:
                continue
            through = [names for ok, names in d.sums(present) if ok and f in names]
            if not through:
                continue  # no sum through it: the checks' own floor (``_check_money``) answers for it
            if any(all(n == f or n not in d.review for n in names) for names in through):
                continue
            d.review.add(f, checks.LOW_CONFIDENCE)
