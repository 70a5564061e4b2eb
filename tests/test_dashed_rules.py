"""Dashed rules (issue 9, family J): a rule drawn in short dashes is a rule, not text; a dot-matrix
text line's strips, aligned like dashes, are not."""

from __future__ import annotations

import cv2
import numpy as np

from ocr import lines


def _page() -> np.ndarray:
    return np.zeros((900, 2400), dtype=np.uint8)


def _dashed(img: np.ndarray, y: int, x0: int, x1: int, dash: int = 18, gap: int = 10, thick: int = 8) -> None:
    for x in range(x0, x1, dash + gap):
        cv2.rectangle(img, (x, y - thick // 2), (min(x + dash, x1) - 1, y + thick // 2 - 1), 255, -1)


def test_a_rule_of_short_dashes_is_found_and_taken_out_of_the_text() -> None:
    img = _page()
    for y in (150, 400, 650):
        _dashed(img, y, 100, 2300)
    cv2.putText(img, "1 Ivan Petrov 1234.56", (150, 300), cv2.FONT_HERSHEY_SIMPLEX, 3, 255, 8)
    rules = lines.find_rules(img)
    assert [abs(r.pos - y) <= 3 for r, y in zip(rules.horizontal, (150, 400, 650), strict=True)] == [True] * 3
    assert all(r.start <= 110 and r.end >= 2280 for r in rules.horizontal)
    left = cv2.bitwise_and(img, cv2.bitwise_not(rules.mask))
    assert cv2.countNonZero(left[130:170]) == 0  # the dashes go with the rule, none stays as ink
    assert cv2.countNonZero(left[220:320]) > 0  # the text stays


def test_a_vertical_dashed_rule_is_found() -> None:
    img = _page()
    for x in range(400, 2300, 600):
        for y in range(100, 850, 28):
            cv2.rectangle(img, (x - 4, y), (x + 3, y + 17), 255, -1)
    assert len(lines.find_rules(img).vertical) == 4


def test_striped_letters_and_a_few_hyphens_are_no_rule() -> None:
    img = _page()
    cv2.putText(img, "Vasil Iliev Kolev 1295 2709087145", (100, 300), cv2.FONT_HERSHEY_SIMPLEX, 3, 255, 9)
    img[np.arange(img.shape[0]) % 5 >= 3] = 0  # a dot-matrix printer's pin rows, apart
    for x in (300, 700, 1100):  # three hyphens: no rule
        cv2.rectangle(img, (x, 600), (x + 20, 607), 255, -1)
    h, v, *_ = lines.dashed_rules(img)
    assert cv2.countNonZero(h) == 0 and cv2.countNonZero(v) == 0
    assert lines.find_rules(img).horizontal == []


def test_a_flat_pages_dashed_rules_are_drawn_once_for_the_bend_and_the_rules(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ocr import analysis

    ink = _page()
    for y in (150, 400, 650):  # a page ruled in dashes, lying flat
        _dashed(ink, y, 100, 2300)
    img = 255 - ink  # dark dashes on white paper
    calls: list[int] = []
    draw = lines.dashed_rules

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return draw(*args, **kwargs)

    monkeypatch.setattr(lines, "dashed_rules", counted)
    s = analysis.straighten(img, unbend=True)
    rules = lines.find_rules(s.binary, blots=s.blots, dashed=s.dashed)
    assert s.bend is None and len(calls) == 1  # the rules reuse what the bend was measured on
    assert rules.horizontal == lines.find_rules(s.binary, blots=s.blots).horizontal != []


def _vertical_dashed(
    img: np.ndarray, x: int, y0: int, y1: int, dash: int = 26, gap: int = 10, thick: int = 7
) -> None:
    for y in range(y0, y1, dash + gap):
        cv2.rectangle(img, (x - thick // 2, y), (x + thick // 2, min(y + dash, y1) - 1), 255, -1)


def test_a_table_ruled_in_dashes_both_ways_keeps_every_column() -> None:
    """Every row's dashed rule cuts the vertical rules' dashes, and the dashes that meet join into blots
    too thick for a dash: each column's rule is still found (J dev 1008: three of eleven columns lost)."""
    img = _page()
    rows = list(range(100, 800, 44))  # a row of 44 px: one or two vertical dashes between two rules
    columns = (120, 420, 900, 1300, 1750, 2250)
    for y in rows:
        _dashed(img, y, 100, 2270, dash=30, gap=10, thick=7)
    for x in columns:
        _vertical_dashed(img, x, 90, rows[-1] + 10)
    for i, y in enumerate(rows[1:-1]):  # the row numbers typed against the first column's rule
        cv2.putText(img, str(i + 1), (376, y + 34), cv2.FONT_HERSHEY_SIMPLEX, 1, 255, 3)
    found = [r.pos for r in lines.find_rules(img).vertical]
    assert len(found) == len(columns)
    assert all(abs(f - x) <= 3 for f, x in zip(found, columns, strict=True))
    assert len(lines.find_rules(img).horizontal) == len(rows)


def test_a_column_of_capital_letters_is_no_vertical_rule() -> None:
    """Letters whose upright stroke runs their full height (Н, П, 1), one under another in a column of text,
    are no rule however the crossings are read."""
    img = _page()
    for i, y in enumerate(range(120, 860, 44)):
        cv2.putText(img, "HH1" if i % 2 else "PH1", (600, y), cv2.FONT_HERSHEY_SIMPLEX, 1, 255, 3)
    assert lines.find_rules(img).vertical == []


def test_a_column_of_typed_ones_one_a_row_is_no_rule() -> None:
    """Personnel numbers that all begin with 1, typed one a row under each other: thin strokes in line,
    of one length and one spacing, more paper between them than ink (J dev 1013 p1: a "rule" through
    every row's first digit split the column)."""
    img = _page()
    for y in range(120, 860, 42):
        cv2.rectangle(img, (600, y), (608, y + 19), 255, -1)  # the 1
        cv2.putText(img, "458", (614, y + 19), cv2.FONT_HERSHEY_SIMPLEX, 0.8, 255, 2)
    assert lines.find_rules(img).vertical == []
    h, v, *_ = lines.dashed_rules(img)
    assert cv2.countNonZero(v) == 0


def test_a_dashed_rule_broken_by_a_blot_is_one_rule() -> None:
    """A vertical dashed rule whose dashes run into a figure typed against it halfway down: two pieces, each
    shorter than a rule reaches, joined into one rule (J dev 1013 p2: two of its columns lost)."""
    img = _page()
    _vertical_dashed(img, 900, 100, 370)  # 8 dashes, 270 px
    cv2.rectangle(img, (890, 380), (912, 445), 255, -1)  # the blot the dashes ran into
    _vertical_dashed(img, 900, 460, 730)
    found = lines.find_rules(img).vertical
    assert len(found) == 1 and abs(found[0].pos - 900) <= 3
    assert found[0].start <= 110 and found[0].end >= 720


def test_dashes_far_apart_on_one_line_stay_apart() -> None:
    """Two short runs of dashes on one line with a wide stretch of paper between them are no rule."""
    img = _page()
    _vertical_dashed(img, 900, 100, 300)
    _vertical_dashed(img, 900, 560, 760)
    assert lines.find_rules(img).vertical == []


def _crossings_one_by_one(binary, start, along, edge, mid, thick, horizontal, unit):  # type: ignore[no-untyped-def]
    """``lines._crossings`` as it looked into each blot's box on its own (before issue 9's integral image)."""
    big = (thick > lines.DASH_THIN * unit) & (thick <= 2 * lines.CROSS_MAX * lines.DASH_THIN * unit)
    big &= (along >= lines.DASH_MIN * unit) & (along <= lines.CROSS_MAX * lines.DASH_THIN * unit)
    mid, thick, crossed = mid.astype(np.float64), thick.copy(), np.zeros(len(thick), dtype=bool)
    for i in np.nonzero(big)[0].tolist():
        a0, n, t, c0 = int(start[i]), int(along[i]), int(thick[i]), int(edge[i])
        box = binary[c0 : c0 + t, a0 : a0 + n] if horizontal else binary[a0 : a0 + n, c0 : c0 + t]
        full = np.nonzero((box > 0).sum(axis=1 if horizontal else 0) >= lines.CROSS_FULL * n)[0]
        if full.size == 0 or full[-1] - full[0] + 1 > lines.DASH_THIN * unit or full[-1] - full[0] + 1 != full.size:
            continue
        if horizontal:
            cols = np.nonzero((np.delete(box, full, axis=0) > 0).any(axis=0))[0]
            if cols.size and cols[-1] - cols[0] + 1 > lines.DASH_THIN * unit:
                continue
        mid[i], thick[i], crossed[i] = c0 + (full[0] + full[-1]) / 2, full.size, True
    return mid, thick, crossed


def test_dashes_crossed_by_the_other_rules_dashes_or_touched_by_figures_are_found_as_one_by_one() -> None:
    """A dashed table's crossings (a row's dash across a column's, a figure typed against a dash) are
    looked for in all the blots at once (issue 9: CPU per page): the same dashes taken, the same middles
    and thicknesses, as looking into each blot's box on its own."""
    img = _page()
    for y in range(120, 860, 62):  # a table ruled in dashes both ways: its dashes cross
        _dashed(img, y, 60, 2340, dash=22, gap=9, thick=6)
    for x in range(90, 2340, 260):
        for y in range(100, 880, 31):
            cv2.rectangle(img, (x - 3, y), (x + 2, y + 20), 255, -1)
    for k, y in enumerate(range(140, 860, 62)):  # figures and letters typed against the rules
        cv2.putText(img, f"{1234 + 97 * k}.{k:02d} Petrov", (120 + 13 * k, y + 4), cv2.FONT_HERSHEY_SIMPLEX, 1.6, 255, 4)
    _, _, stats, centroids = cv2.connectedComponentsWithStats(img, connectivity=8)
    x, y, w, h = (stats[1:, k] for k in range(4))
    for horizontal in (True, False):
        start, along, mid, thick, edge = (x, w, centroids[1:, 1], h, y) if horizontal else (y, h, centroids[1:, 0], w, x)
        for unit in (1.0, 0.5):
            got = lines._crossings(img, start, along, edge, mid, thick, horizontal, unit)
            want = _crossings_one_by_one(img, start, along, edge, mid, thick, horizontal, unit)
            assert all(g.dtype == v.dtype and np.array_equal(g, v) for g, v in zip(got, want, strict=True))
            if unit == 1.0:
                assert want[2].sum() > 10  # crossings there were to find


def test_dashes_chain_into_the_first_run_they_continue_as_when_every_run_was_compared() -> None:
    """``_runs_of_dashes`` no longer compares a dash with runs that ended more than a gap before it: the runs are
    the same as when each dash was compared with every run begun before it (random dashes, gaps, drifts)."""
    import numpy as np

    from ocr.lines import _runs_of_dashes

    def every_run(start: np.ndarray, length: np.ndarray, mid: np.ndarray, gap: float, drift: float) -> list[list[int]]:
        runs: list[list[int]] = []
        ends: list[float] = []
        mids: list[float] = []
        for i in np.argsort(start, kind="stable").tolist():
            s0, m = float(start[i]), float(mid[i])
            k = next((k for k in range(len(runs)) if -gap / 2 <= s0 - ends[k] <= gap and abs(m - mids[k]) <= drift), -1)
            if k < 0:
                runs.append([i])
                ends.append(s0 + float(length[i]))
                mids.append(m)
            else:
                runs[k].append(i)
                ends[k] = max(ends[k], s0 + float(length[i]))
                mids[k] = m
        return runs

    rng = np.random.default_rng(7)
    for _ in range(300):
        n = int(rng.integers(0, 200))
        start, length = rng.integers(0, int(rng.integers(1, 2000)), n), rng.integers(1, 40, n)
        mid = rng.integers(0, 300, n) + rng.random(n)
        gap, drift = float(rng.choice([6, 12.5, 24])), float(rng.choice([2, 3.5, 6]))
        assert _runs_of_dashes(start, length, mid, gap, drift) == every_run(start, length, mid, gap, drift)


def test_broken_runs_join_as_when_each_lines_last_piece_was_measured_for_every_piece(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """``_joined`` measures a line's last piece (its end, its dashes' median length and middle) once, when it is
    added, not again for every later piece compared with it (AA dev 19001: ~70 000 medians a page): the lines are
    the same as when every comparison measured it (random runs), and the medians two a piece."""
    from ocr.lines import _joined

    def measured_each_time(runs, start, length, mid, gap, drift):  # type: ignore[no-untyped-def]
        pieces = sorted((r for r in runs if len(r) >= lines.DASH_PIECE), key=lambda r: float(start[r[0]]))
        out = [[r] for r in runs if len(r) < lines.DASH_PIECE]
        done: list[list[list[int]]] = []
        for r in pieces:
            r0, rl, rm = float(start[r[0]]), float(np.median(length[r])), float(np.median(mid[r]))
            for d in done:
                last = d[-1]
                end = float(max(start[i] + length[i] for i in last))
                dl, dm = float(np.median(length[last])), float(np.median(mid[last]))
                if 0 <= r0 - end <= gap and abs(rm - dm) <= drift and abs(rl - dl) <= 0.25 * max(rl, dl):
                    d.append(r)
                    break
            else:
                done.append([r])
        return out + done

    rng = np.random.default_rng(11)
    for _ in range(200):
        n = int(rng.integers(0, 120))
        start, length = rng.integers(0, int(rng.integers(1, 3000)), n), rng.integers(5, 40, n)
        mid = rng.integers(0, 60, n) + rng.random(n)
        order = rng.permutation(n).tolist()
        cuts = sorted(rng.choice(np.arange(1, max(2, n)), size=min(n // 3, max(0, n - 1)), replace=False).tolist())
        runs = [sorted(order[a:b], key=lambda i: start[i]) for a, b in zip([0, *cuts], [*cuts, n], strict=True) if b > a]
        gap, drift = float(rng.choice([48, 96])), float(rng.choice([3, 6, 30]))
        assert _joined(runs, start, length, mid, gap, drift) == measured_each_time(runs, start, length, mid, gap, drift)
    medians = [0]
    median = np.median

    def counted(a, *args, **kw):  # type: ignore[no-untyped-def]
        medians[0] += 1
        return median(a, *args, **kw)

    runs = [list(range(k * 4, k * 4 + 4)) for k in range(50)]  # 50 pieces of 4 dashes, far apart on 50 lines
    start, length, mid = np.arange(200) * 1000, np.full(200, 18), np.repeat(np.arange(50) * 100.0, 4)
    monkeypatch.setattr(np, "median", counted)
    assert len(_joined(runs, start, length, mid, 96, 3)) == 50
    assert medians[0] == 2 * 50
