"""Why personal data is looked at: a required parameter of every search and view (``StatedPurpose``),
kept in the audit log with the look-up."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Query

from archive_core.audit import Purpose
from archive_core.errors import UsageError


@dataclass(frozen=True)
class Stated:
    purpose: Purpose
    text: str | None


def stated_purpose(
    purpose: Annotated[
        Purpose,
        Query(
            description="why the data is looked at: certificate (an application), person_request, "
            "authority (court, public body), verification, other (then purpose_text is required)"
        ),
    ],
    purpose_text: Annotated[
        str | None,
        Query(max_length=500, description="application number, legal basis; required with 'other'"),
    ] = None,
) -> Stated:
    text = purpose_text.strip() if purpose_text and purpose_text.strip() else None
    if purpose is Purpose.other and text is None:
        raise UsageError("при цел 'other' опишете целта в purpose_text")
    return Stated(purpose, text)


StatedPurpose = Annotated[Stated, Depends(stated_purpose)]
