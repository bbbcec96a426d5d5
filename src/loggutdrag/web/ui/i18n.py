"""The pages' language: Swedish (the source language, the default) or English.

The texts are marked in the templates with ``_()``/``{% trans %}`` (Jinja2's i18n extension,
newstyle gettext) and in the page code with :func:`gettext`; the Swedish text is the message id.
English lives in ``locale/en/LC_MESSAGES/messages.po``, read with Babel at first use (no compile
step). A middleware puts the request's language (the ``lang`` cookie) in a context variable, so the
gettext callables installed once in the Jinja2 environment pick the right catalogue.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextvars import ContextVar
from functools import cache
from gettext import NullTranslations
from io import BytesIO
from pathlib import Path
from typing import TypeVar

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

K = TypeVar("K")

DEFAULT_LANGUAGE = "sv"
LANGUAGES = ("sv", "en")
LANG_COOKIE = "lang"
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"

current_language: ContextVar[str] = ContextVar("current_language", default=DEFAULT_LANGUAGE)


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(language: str) -> NullTranslations:
    """The catalogue of ``language``; Swedish (the message ids themselves) needs none."""
    if language == DEFAULT_LANGUAGE or language not in LANGUAGES:
        return NullTranslations()
    with po_path(language).open("rb") as file:
        catalog = read_po(file, locale=language)
    compiled = BytesIO()
    write_mo(compiled, catalog)  # in memory: the .po is the only file kept
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def language_of(cookie: str | None) -> str:
    """The language a ``lang`` cookie asks for; anything unknown is Swedish."""
    return cookie if cookie in LANGUAGES else DEFAULT_LANGUAGE


def gettext(message: str) -> str:
    return translations(current_language.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(current_language.get()).ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 - the conventional name of the no-op marker
    """Mark a text for the catalogue without translating it now (module-level labels)."""
    return message


def translated(labels: Mapping[K, str]) -> dict[K, str]:
    """A label table in the request's language (the tables themselves are Swedish)."""
    return {key: gettext(label) for key, label in labels.items()}
