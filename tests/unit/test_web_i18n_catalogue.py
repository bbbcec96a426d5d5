"""Every text the pages mark for translation has an English translation in the package's .po."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from loggutdrag.auth.roles import ROLE_LABELS_SV
from loggutdrag.domain.lifecycle import STATUS_SV
from loggutdrag.services.audit import ACTION_LABELS_SV
from loggutdrag.web.ui import i18n

WEB_DIR = Path(i18n.__file__).parent.parent
METHODS = [("ui/templates/**.html", "jinja2.ext:babel_extract"), ("**.py", "python")]
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
OPTIONS = {"ui/templates/**.html": {"trimmed": "true"}}
# Label tables of the lower layers that the pages show translated (`i18n.translated`).
LABEL_TABLES: tuple[dict[Any, str], ...] = (STATUS_SV, ROLE_LABELS_SV, ACTION_LABELS_SV)


def _msgids() -> set[str | tuple[str, ...]]:
    found = extract_from_dir(WEB_DIR, METHODS, keywords=KEYWORDS, options_map=OPTIONS)
    ids: set[str | tuple[str, ...]] = {message for _file, _line, message, _c, _x in found}
    ids.update(label for table in LABEL_TABLES for label in table.values())
    return ids


def _catalogue() -> dict[str, tuple[str, ...]]:
    with i18n.po_path("en").open("rb") as file:
        catalog = read_po(file, locale="en")
    result: dict[str, tuple[str, ...]] = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        result[key] = tuple(str(s) for s in strings)
    return result


def test_the_templates_mark_their_texts_for_translation() -> None:
    ids = _msgids()
    assert "Logga in" in ids
    assert ("%(num)d rad lästes", "%(num)d rader lästes") in ids
    assert "Ärende %(number)s" in ids  # a page title, marked in the page code
    assert "Låslogg (digital nyckelhantering)" in ids  # marked with N_ in order_form.py
    assert len(ids) > 150


def test_every_marked_text_has_an_english_translation() -> None:
    catalogue = _catalogue()
    untranslated = []
    for message in _msgids():
        key = message if isinstance(message, str) else message[0]
        strings = catalogue.get(key, ())
        if not strings or not all(s.strip() for s in strings):
            untranslated.append(key)
    assert untranslated == [], f"texts without an English translation: {untranslated}"


def test_the_catalogue_keeps_the_placeholders_of_each_text() -> None:
    catalogue = _catalogue()
    wrong = []
    for key, strings in catalogue.items():
        names = sorted(part.split(")", 1)[0] for part in key.split("%(")[1:])
        for string in strings:
            if sorted(part.split(")", 1)[0] for part in string.split("%(")[1:]) != names:
                wrong.append((key, string))
    assert wrong == []


@pytest.mark.parametrize(
    ("language", "expected"), [("en", "Sign in"), ("sv", "Logga in"), ("xx", "Logga in")]
)
def test_gettext_follows_the_current_language(language: str, expected: str) -> None:
    token = i18n.current_language.set(i18n.language_of(language))
    try:
        assert i18n.gettext("Logga in") == expected
    finally:
        i18n.current_language.reset(token)


def test_ngettext_picks_the_english_plural() -> None:
    token = i18n.current_language.set("en")
    try:
        assert i18n.ngettext("%(num)d rad lästes", "%(num)d rader lästes", 1) == "%(num)d row read"
        assert i18n.ngettext("%(num)d rad lästes", "%(num)d rader lästes", 3) == (
            "%(num)d rows read"
        )
    finally:
        i18n.current_language.reset(token)
