"""What the reader loads on its first page, loaded up front: the runner calls ``data`` before it forks
its workers, so they share it instead of each loading its own (issue 9: CPU per page).

A worker's first page used to pay ~0.3 s of CPU more than the next: the Bulgarian hunspell dictionary
(~0.19 s, ``employer_spelling.dictionary``), the image decoders PIL registers on its first ``open``
(~0.07 s) and ``numpy.ma``, which numpy imports when a median of a masked range is first asked for
(~0.06 s, ``unbend``). With two workers on six pages that was 0.1 s a page. The word lists are
loaded too (a few ms). What does not load (no dictionary installed) is left to fail each page as it did.
"""

from __future__ import annotations

from contextlib import suppress

from archive_core.errors import ArchiveError

from . import employer_reread, employer_spelling, header, names, plausibility


def data() -> None:
    """Load the reader's dictionary, word lists and lazily imported libraries in this process."""
    import numpy.ma  # noqa: F401  # numpy imports it on first use (nanmedian), a worker each time
    from PIL import Image

    Image.init()  # every decoder plugin, as the first Image.open would
    for load in (names.lexicon, names.patronymics, names.clipped_names, header.vocabulary, plausibility.wages,
                 employer_spelling.listed_words, employer_reread.known_words):  # fmt: skip
        load()
    with suppress(ArchiveError):  # no dictionary: every page says so when it needs one, as before
        employer_spelling.dictionary()
