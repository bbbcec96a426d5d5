"""The command line never shows a traceback: an unexpected error gets a Swedish line and exit 70."""

from __future__ import annotations

import importlib

import pytest

# `loggutdrag.cli.app` is also the name of the Typer object re-exported by the package.
cli_app = importlib.import_module("loggutdrag.cli.app")


def test_an_unexpected_error_exits_70_without_its_text_or_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def crash() -> None:
        raise RuntimeError("parameter 19400101-1234 in a failed statement")  # personal data

    monkeypatch.setattr(cli_app, "app", crash)
    with pytest.raises(SystemExit) as exit_info:
        cli_app.main()
    assert exit_info.value.code == cli_app.UNEXPECTED_ERROR == 70
    err = capsys.readouterr().err
    assert "ett oväntat fel inträffade (RuntimeError)" in err
    assert "19400101" not in err
    assert "Traceback" not in err
