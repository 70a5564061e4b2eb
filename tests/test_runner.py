"""The runner loads the reading stage and the engine's models once, before it forks its workers."""

from __future__ import annotations

import sys
from pathlib import Path

from archive_core.errors import ConfigError
from ocr import runner, tess

LIMITS = runner.Limits(max_file_bytes=1 << 20, max_pixels=1 << 20)


class Engine:
    def __init__(self, fail: bool = False) -> None:
        self.loaded: list[bool] = []
        self.fail = fail

    def load(self, *, figures: bool = True) -> None:
        self.loaded.append(figures)
        if self.fail:
            raise ConfigError("no model")


def test_the_stage_and_its_models_are_loaded_before_the_workers() -> None:
    engine = Engine()
    runner._load_stage("extract", engine)  # type: ignore[arg-type]
    runner._load_stage("tables", engine)  # type: ignore[arg-type]
    assert "ocr.extract" in sys.modules and "ocr.structure" in sys.modules
    assert engine.loaded == [True, False]  # the table stage reads with the text model only


def test_a_model_that_does_not_load_fails_each_page_not_the_run(tmp_path: Path) -> None:
    outs = list(runner.run([tmp_path / "a.png", tmp_path / "b.png"], limits=LIMITS,
                           engine=Engine(fail=True), workers=1))  # type: ignore[arg-type]  # fmt: skip
    assert [o.ok for o in outs] == [False, False]


def test_the_tesseract_engine_loads_its_models_for_this_thread() -> None:
    tess.TesseractEngine(lang="bul", digits_lang="eng").load()
    assert {"bul", "eng"} <= set(tess._local.apis)


def test_the_readers_dictionary_and_word_lists_are_loaded_before_the_workers() -> None:
    from ocr import employer_spelling, names

    employer_spelling.dictionary.cache_clear()
    names.lexicon.cache_clear()
    runner._load_stage("extract", Engine())  # type: ignore[arg-type]
    assert employer_spelling.dictionary.cache_info().currsize == 1  # a worker's first page does not load it
    assert names.lexicon.cache_info().currsize == 1
    assert "numpy.ma" in sys.modules
