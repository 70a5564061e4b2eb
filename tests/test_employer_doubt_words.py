"""Every doubt about the employer's name the reader can write has words in both languages of the
verification screen (``employer.part.<kind>``): a doubt with none was shown as the reader's Bulgarian in
the English screen too. The reader builds each doubt from ``ocr.employer_doubts.DOUBTS`` only, so the
words of every one it can write are known here."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from archive_api.i18n_reasons import REASON_WORDS
from ingest.employer_doubt import parts_of
from ocr.employer_doubts import DOUBTS, doubt

OCR = Path(__file__).resolve().parent.parent / "ocr"
# the modules that read and check the employer's name: a message to a person there is a doubt of the name
EMPLOYER_MODULES = (
    "header", "employer_spelling", "employer_reread", "employer_band", "superior_body", "unread_ink", "employer_marks",
)


def _slots(text: str) -> set[str]:
    return set(re.findall(r"\{(\w+)\}", text))


@pytest.mark.parametrize("kind", sorted(DOUBTS))
def test_every_kind_of_doubt_has_bulgarian_and_english_words(kind: str) -> None:
    for lang in ("bg", "en"):
        words = REASON_WORDS[lang].get(f"employer.part.{kind}")
        assert words, f"no {lang} words for the employer doubt {kind!r}"
        assert _slots(words) == _slots(DOUBTS[kind]), f"{lang}: {words!r} says other things than {DOUBTS[kind]!r}"


@pytest.mark.parametrize("kind", sorted(DOUBTS))
def test_the_screen_tells_each_kind_back_from_the_readers_words(kind: str) -> None:
    word, near = ("Загарци", "Загорци“, „Загоре") if kind == "maybe" else ("Загарци", "Загорци")
    other = doubt("unsure", "Родииа")
    parts = parts_of(f"{doubt(kind, word, near)}; {other}")
    expected_word = word if "{word}" in DOUBTS[kind] else ""
    expected_near = near if "{near}" in DOUBTS[kind] else ""
    assert [(p.kind, p.word, p.near) for p in parts] == [
        (kind, expected_word, expected_near),
        ("unsure", "Родииа", ""),
    ]


def _literal(node: ast.AST) -> bool:
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str))


def _cyrillic(node: ast.AST) -> str:
    parts = node.values if isinstance(node, ast.JoinedStr) else [node]
    return "".join(p.value for p in parts if isinstance(p, ast.Constant) and isinstance(p.value, str))


def _hand_made_doubts(path: Path) -> list[str]:
    """Lines of ``path`` that put words of their own into a list of doubts, or tell a person to check
    the name in words not taken from ``DOUBTS``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("append", "extend", "add")
            and isinstance(node.func.value, ast.Name)
            and ("doubt" in node.func.value.id or node.func.value.id == "out")
            and node.args
            and (_literal(node.args[0]) or isinstance(node.args[0], ast.List | ast.ListComp))
        ):
            arg = node.args[0]
            elts = [arg] if _literal(arg) else arg.elts if isinstance(arg, ast.List) else [arg.elt]  # type: ignore[attr-defined]
            if any(_literal(e) and re.search("[а-я]", _cyrillic(e)) for e in elts):
                out.append(f"{path.name}:{node.lineno}")
        if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and "doubt" in node.target.id:
            v = node.value
            elts = v.elts if isinstance(v, ast.List) else [v.elt] if isinstance(v, ast.ListComp) else []
            if any(_literal(e) for e in elts):
                out.append(f"{path.name}:{node.lineno}")
        if path.stem in EMPLOYER_MODULES and isinstance(node, ast.expr) and _literal(node) and "провер" in _cyrillic(node):
            out.append(f"{path.name}:{node.lineno}")
    return out


def test_the_reader_writes_no_doubt_of_the_name_in_words_of_its_own() -> None:
    found = [line for p in sorted(OCR.glob("*.py")) if p.name != "employer_doubts.py" for line in _hand_made_doubts(p)]
    assert found == [], f"a doubt written by hand (use ocr.employer_doubts.doubt and give it words): {found}"
