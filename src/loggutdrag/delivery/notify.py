"""Notices that a delivered extract is waiting on the service-desk case: a webhook and/or e-mail.

A notice carries no personal data: only the diary number, the kind of extract and where to fetch
it, so it can travel over ordinary channels.
"""

from __future__ import annotations

import smtplib
from dataclasses import dataclass
from email.message import EmailMessage

import httpx


@dataclass(frozen=True)
class Notice:
    case_id: int
    diary_number: str
    provider: str | None
    kind_title: str
    filename: str
    sha256: str

    @property
    def subject_sv(self) -> str:
        return f"Loggutdrag klart – ärende {self.diary_number}"

    @property
    def text_sv(self) -> str:
        return (
            f"Loggutdraget i ärende {self.diary_number} ({self.kind_title}) är klart och bifogat "
            "ärendet. Logga in i loggutdrag för att hämta filen.\n\n"
            f"Fil: {self.filename}\nKontrollsumma (SHA-256): {self.sha256}\n\n"
            "Detta meddelande innehåller inga personuppgifter.\n"
            "Välfärdsteknikteamet"
        )

    def payload(self) -> dict[str, object]:
        return {
            "event": "extract_delivered",
            "case_id": self.case_id,
            "diary_number": self.diary_number,
            "provider": self.provider,
            "kind": self.kind_title,
            "filename": self.filename,
            "sha256": self.sha256,
            "message_sv": self.subject_sv,
        }


def send_webhook(url: str, notice: Notice, *, client: httpx.Client | None = None) -> int:
    """POST the notice as JSON; returns the HTTP status (raises on a network error or non-2xx)."""
    owned = client is None
    http = client or httpx.Client(timeout=10.0)
    try:
        response = http.post(url, json=notice.payload())
        response.raise_for_status()
        return response.status_code
    finally:
        if owned:
            http.close()


def send_email(host: str, port: int, sender: str, to: str, notice: Notice) -> None:
    """Send the notice by SMTP (plain; the server is the municipality's internal relay)."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = notice.subject_sv
    message.set_content(notice.text_sv)
    with smtplib.SMTP(host, port, timeout=10) as smtp:
        smtp.send_message(message)
