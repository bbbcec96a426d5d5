"""Settings: one object, every field described, no default secret outside development."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from loggutdrag.config import DEFAULT_SECRET_KEY, Mode, Settings


def test_every_setting_has_a_description() -> None:
    undescribed = [name for name, f in Settings.model_fields.items() if not f.description]
    assert undescribed == []


@pytest.mark.parametrize("mode", [Mode.PRODUCTION, Mode.TEST])
def test_the_default_secret_key_is_refused_outside_development(mode: Mode) -> None:
    with pytest.raises(ValidationError, match="LOGGUTDRAG_SECRET_KEY måste sättas"):
        Settings(mode=mode, secret_key=DEFAULT_SECRET_KEY)


def test_development_mode_may_use_the_default_secret_key() -> None:
    assert Settings(mode=Mode.DEVELOPMENT, secret_key=DEFAULT_SECRET_KEY).secret_key


def test_the_default_database_is_an_sqlite_file_in_the_data_dir(tmp_path: Path) -> None:
    settings = Settings(mode=Mode.DEVELOPMENT, data_dir=tmp_path, database_url=None)
    assert settings.effective_database_url == f"sqlite:///{tmp_path}/loggutdrag.db"


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOGGUTDRAG_DATABASE_URL", "postgresql+psycopg://u@h/db")
    monkeypatch.setenv("LOGGUTDRAG_MODE", "development")
    assert Settings().effective_database_url == "postgresql+psycopg://u@h/db"
