"""The Bulgarian spelling dictionary (Debian's hunspell-bg, read through hunspell): whether a word is one
the language has. The employer's name checks ask it (``ocr.employer_spelling`` word by word, ``ocr.read_as_written``
before a word read with confidence is taken for a listed one near it)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import hunspell

from archive_core.errors import ConfigError

DICTIONARY = Path("/usr/share/hunspell/bg_BG")  # Debian's hunspell-bg (scripts/setup.sh): .dic and .aff


@lru_cache(maxsize=1)
def dictionary() -> hunspell.Hunspell:
    if not DICTIONARY.with_suffix(".dic").exists():
        raise ConfigError(
            f"Липсва българският правописен речник ({DICTIONARY}.dic): инсталирайте hunspell-bg (scripts/setup.sh)"
        )
    return hunspell.Hunspell(DICTIONARY.name, hunspell_data_dir=str(DICTIONARY.parent))


def common_word(word: str) -> bool:
    """A common noun or adjective, not only a proper name: the dictionary knows it in small letters."""
    return bool(dictionary().spell(word.lower()))
