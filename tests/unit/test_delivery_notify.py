"""The delivery notice: e-mail through a real (local) SMTP server and a webhook, no personal
data."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest

from factories_delivery import Inbox, smtp_server
from loggutdrag.delivery.notify import Notice, send_email, send_webhook

NOTICE = Notice(7, "VÄN 2026-007", "VAST", "Låslogg", "VAN-2026-007_lock_log.pdf", "ab" * 32)


@pytest.fixture
def smtp() -> Iterator[tuple[int, Inbox]]:
    with smtp_server() as server:
        yield server


def test_the_notice_is_mailed_through_the_smtp_server(smtp: tuple[int, Inbox]) -> None:
    port, inbox = smtp
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
