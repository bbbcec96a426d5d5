"""The delivery notice: e-mail through a real (local) SMTP server and a webhook, no personal data."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import httpx
import pytest
from aiosmtpd.controller import Controller

from loggutdrag.delivery.notify import Notice, send_email, send_webhook

NOTICE = Notice(7, "VÄN 2026-007", "VAST", "Låslogg", "VAN-2026-007_lock_log.pdf", "ab" * 32)


class _Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], EmailMessage]] = []

    async def handle_DATA(self, _server: Any, _session: Any, envelope: Any) -> str:  # noqa: N802
        message = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp_server() -> Iterator[tuple[int, _Inbox]]:
    inbox = _Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, inbox
    finally:
        controller.stop()


def test_the_notice_is_mailed_through_the_smtp_server(smtp_server: tuple[int, _Inbox]) -> None:
    port, inbox = smtp_server
    send_email("127.0.0.1", port, "loggutdrag@kommun.example", "chef@vast.example", NOTICE)
    ((sender, recipients, message),) = inbox.messages
    assert sender == "loggutdrag@kommun.example"
    assert recipients == ["chef@vast.example"]
    assert "VÄN 2026-007" in str(message["Subject"])
    text = message.get_content()
    assert "Logga in i loggutdrag" in text
    assert "ab" * 32 in text


def test_the_webhook_gets_the_notice_as_json() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200)

    client = httpx.Client(transport=httpx.MockTransport(handler))
    assert send_webhook("http://hook.test/lindesk", NOTICE, client=client) == 200
    (request,) = seen
    assert request.method == "POST"
    assert json.loads(request.content)["diary_number"] == "VÄN 2026-007"


def test_a_failing_webhook_raises_so_the_caller_can_report_it() -> None:
    client = httpx.Client(transport=httpx.MockTransport(lambda _r: httpx.Response(500)))
    with pytest.raises(httpx.HTTPStatusError):
        send_webhook("http://hook.test/lindesk", NOTICE, client=client)
