"""Jinja2 templates of the pages (Swedish, English available), with the filters they share."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from fastapi.templating import Jinja2Templates

from loggutdrag.config import get_settings
from loggutdrag.domain.personnummer import Personnummer
from loggutdrag.web.ui import i18n

TEMPLATE_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"

templates = Jinja2Templates(directory=TEMPLATE_DIR)
templates.env.add_extension("jinja2.ext.i18n")
# Installed once: the callables look up the request's language in a context variable.
templates.env.install_gettext_callables(  # type: ignore[attr-defined]
    i18n.gettext, i18n.ngettext, newstyle=True
)


def _zone() -> ZoneInfo:
    try:
        return ZoneInfo(get_settings().timezone)
    except Exception:
        return ZoneInfo("Europe/Stockholm")


def local_time(value: datetime | None) -> str:
    """An instant as people read it: local date and time, with the offset across DST changes."""
    if value is None:
        return ""
    local = value.astimezone(_zone())
    return local.strftime("%Y-%m-%d %H:%M")


def local_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.astimezone(_zone()).date().isoformat()
    return value.isoformat()


def mask_personnummer(value: str | None) -> str:
    """YYYYMMDD-**** for lists: the full number is shown only where a person's data is viewed."""
    if not value:
        return ""
    digits = value.replace("-", "").replace("+", "")
    if len(digits) >= 8:
        return Personnummer(digits).masked if len(digits) == 12 else f"{digits[:6]}-****"
    return "****"


templates.env.filters["local_time"] = local_time
templates.env.filters["local_date"] = local_date
templates.env.filters["mask_pnr"] = mask_personnummer
