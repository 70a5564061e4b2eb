"""ocr.order_stats gives numpy's medians and percentiles of 8-bit arrays exactly."""

import numpy as np
import pytest

from ocr import order_stats


@pytest.mark.parametrize("shape", [(1, 7), (2, 5), (877, 620), (91, 3), (1170, 2480)])
@pytest.mark.parametrize("axis", [0, 1])
def test_same_as_numpy(shape: tuple[int, int], axis: int) -> None:
    rng = np.random.default_rng(sum(shape) + axis)
    a = np.clip(rng.normal(200, 40, shape), 0, 255).astype(np.uint8)
    assert np.array_equal(order_stats.median(a, axis), np.median(a, axis=axis))
    for q in (0, 0.5, 10, 50, 90, 99.5, 100):
        got, want = order_stats.percentile(a, q, axis), np.percentile(a, q, axis=axis)
        assert got.dtype == want.dtype
        assert np.array_equal(got, want), q


def test_a_page_sample() -> None:
    rng = np.random.default_rng(3)
    page = np.full((3508, 2480), 235, np.uint8)
    page[rng.integers(0, 3508, 4000), :] = rng.integers(0, 255, (4000, 1)).astype(np.uint8)
    band = page[350:3156:3]
    assert np.array_equal(order_stats.percentile(band, 90, 0), np.percentile(band, 90, axis=0))
    assert np.array_equal(order_stats.median(page[:, ::4], 1), np.median(page[:, ::4], axis=1))


@pytest.mark.parametrize("shape", [(1, 1), (1, 2), (3, 5), (4, 4), (877, 620), (1170, 2480)])
def test_the_median_of_a_whole_array_is_numpys(shape: tuple[int, int]) -> None:
    rng = np.random.default_rng(shape[0] * 7 + shape[1])
    for a in (np.clip(rng.normal(200, 40, shape), 0, 255).astype(np.uint8), rng.integers(99, 102, shape).astype(np.uint8)):
        for part in (a, a[:, ::3], a[::2]):
            got = order_stats.median_of(part)
            assert type(got) is float and got == float(np.median(part))


def test_the_paper_of_a_page_is_found_without_sorting_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """film_edges asks every page its paper's light (the median grey, ~0.1 s of CPU as numpy partitions a
    copy of the page: AA dev 19005); counted instead, the same grey, and the film's band painted with it."""
    from ocr import film_edges

    page = np.full((600, 400), 231, np.uint8)
    page[:40] = 20  # a film's dark band across the top
    page[200:260:4] = 60  # typed lines
    want = float(np.median(page))

    def no_partition(*_a, **_k):
        raise AssertionError("np.median sorted the page")

    monkeypatch.setattr(np, "median", no_partition)
    out = film_edges.whitened(page)
    assert (out[:40] == want).all() and (out[200:260:4] == 60).all()


def test_the_median_of_a_page_of_more_pixels_than_a_float32_counts_is_numpys(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 200-dpi scan brought to 300 dpi (Y dev 17001: 3604 x 5211, 18.8 million pixels, past the 2**24 a
    float32 count holds exactly) is counted in bands, not partitioned by numpy (~0.1 s of a page's CPU): the
    same median, to the half grey, where the middle falls between two values and where one value fills it."""
    rng = np.random.default_rng(5)
    h, w = 3604, 5211
    pages = [np.clip(rng.normal(200, 40, (h, w)), 0, 255).astype(np.uint8)]
    halves = np.full((h, w), 100, np.uint8)
    halves[h // 2 :] = 101  # an even count, the two middle values apart
    pages.append(halves)
    wants = [float(np.median(p)) for p in pages]

    def no_partition(*_a, **_k):  # type: ignore[no-untyped-def]
        raise AssertionError("np.median sorted the page")

    monkeypatch.setattr(np, "median", no_partition)
    assert [order_stats.median_of(p) for p in pages] == wants
    assert wants[1] == 100.5
