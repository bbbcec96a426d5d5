"""The papers that go with a delivered extract (R7-R9), in Swedish.

- in person: a receipt (kvittens) with the extract's checksum and signature lines;
- registered mail: a cover letter to the addressee, and the mail desk's dispatch list (one line per
  letter) saying each goes as a registered letter (rekommenderat brev);
- third-party requests: a pre-filled consent form (samtycke till begäran om loggutdrag av annan
  person) for the recipient to sign.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from loggutdrag.delivery.pdf import (
    ORGANISATION,
    TEAM,
    build_pdf,
    field_table,
    grid_table,
    para,
    signature_block,
)

REGISTERED_LETTER = "rekommenderat brev"


@dataclass(frozen=True)
class DeliveredExtract:
    """What is handed over: enough to identify the file beyond doubt."""

    diary_number: str
    title: str  # the kind of extract, in Swedish
    period: str
    subject: str  # whose logs, as one line
    filename: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Addressee:
    name: str
    street: str
    postcode: str
    city: str

    @property
    def lines(self) -> list[str]:
        return [self.name, self.street, f"{self.postcode} {self.city}".strip()]


def _extract_fields(extract: DeliveredExtract) -> list[tuple[str, str]]:
    return [
        ("Diarienummer", extract.diary_number),
        ("Loggutdrag", extract.title),
        ("Period", extract.period),
        ("Avser", extract.subject),
        ("Fil", f"{extract.filename} ({extract.size} byte)"),
        ("Kontrollsumma (SHA-256)", grouped(extract.sha256)),
    ]


def grouped(digest: str, size: int = 16) -> str:
    """A checksum in groups, easier to read aloud and compare: ``0dc540ac46223457 6f68...``."""
    return " ".join(digest[i : i + size] for i in range(0, len(digest), size))


def receipt_pdf(
    extract: DeliveredExtract, *, receiver: str, handed_over_by: str, when: str
) -> bytes:
    """Kvittens: the extract was handed over in person; both sign."""
    story: list[Flowable] = [
        para("Kvittens – utlämnat loggutdrag", "title"),
        para(
            f"Loggutdraget nedan har lämnats ut personligen av {ORGANISATION}, {TEAM}. "
            "Mottagaren har visat giltig legitimation och kvitterar att hen tagit emot "
            "utdraget. Utdraget innehåller personuppgifter och omfattas av sekretess."
        ),
        field_table(
            [
                *_extract_fields(extract),
                ("Mottagare", receiver),
                ("Utlämnat av", handed_over_by),
                ("Utlämnat", when),
                (
                    "Legitimation kontrollerad",
                    "[  ] Ja    Typ av legitimation: ____________________",
                ),
            ]
        ),
        Spacer(1, 6 * mm),
        signature_block(["Mottagarens underskrift", "Utlämnat av (Välfärdsteknikteamet)"]),
    ]
    return build_pdf(
        story, title=f"Kvittens {extract.diary_number}", reference=f"Dnr {extract.diary_number}"
    )


def cover_letter_pdf(
    extract: DeliveredExtract, addressee: Addressee, *, officer: str, day: date
) -> bytes:
    """The letter that goes with the extract to the addressee, as a registered letter."""
    story: list[Flowable] = [
        *[para(line) for line in addressee.lines],
        Spacer(1, 12 * mm),
        para(f"Datum: {day.isoformat()}", "small"),
        para(f"Ert loggutdrag – diarienummer {extract.diary_number}", "title"),
        para(
            "Här kommer det loggutdrag som du har begärt. Det skickas som rekommenderat brev "
            "eftersom det innehåller personuppgifter som omfattas av sekretess."
        ),
        field_table(_extract_fields(extract)),
        Spacer(1, 4 * mm),
        para(
            "Med kontrollsumman kan du se att filen är densamma som vi skickade. "
            "Har du frågor, kontakta Välfärdsteknikteamet och ange diarienumret."
        ),
        Spacer(1, 8 * mm),
        para("Med vänlig hälsning"),
        para(officer),
        para(f"{TEAM}, {ORGANISATION}"),
    ]
    return build_pdf(
        story, title=f"Följebrev {extract.diary_number}", reference=f"Dnr {extract.diary_number}"
    )


@dataclass(frozen=True)
class DispatchItem:
    diary_number: str
    addressee: Addressee
    contents: str  # what the envelope holds


def dispatch_list_pdf(items: Sequence[DispatchItem], *, day: date, prepared_by: str) -> bytes:
    """The mail desk's list: one line per letter, each to go as a registered letter."""
    rows = [
        [
            str(number),
            item.diary_number,
            ", ".join(line for line in item.addressee.lines if line),
            item.contents,
            REGISTERED_LETTER,
        ]
        for number, item in enumerate(items, start=1)
    ]
    story: list[Flowable] = [
        para(f"Utskickslista – rekommenderade brev {day.isoformat()}", "title"),
        para(
            f"Till administratören (posthanteringen): skicka varje brev nedan som "
            f"{REGISTERED_LETTER}. Breven innehåller loggutdrag med personuppgifter."
        ),
        field_table([("Upprättad av", prepared_by), ("Antal brev", str(len(items)))]),
        Spacer(1, 4 * mm),
        grid_table(
            ["Nr", "Diarienummer", "Mottagare och adress", "Innehåll", "Försändelse"],
            rows,
            [10 * mm, 30 * mm, 58 * mm, 32 * mm, 40 * mm],
        ),
        Spacer(1, 6 * mm),
        signature_block(["Mottaget av administratören"]),
    ]
    return build_pdf(
        story,
        title=f"Utskickslista {day.isoformat()}",
        reference=f"Rekommenderade brev {day.isoformat()}",
    )


@dataclass(frozen=True)
class ConsentForm:
    diary_number: str
    recipient_name: str
    recipient_personnummer: str
    requester_name: str
    requester_relation: str
    kind_title: str
    period: str
    reason: str
    consent_holder: str  # who archives or registers the signed form


def consent_form_pdf(form: ConsentForm) -> bytes:
    """Samtycke till begäran om loggutdrag av annan person, pre-filled from the request (R8)."""
    story: list[Flowable] = [
        para("Samtycke till begäran om loggutdrag av annan person", "title"),
        para(
            "Jag som brukare samtycker till att personen nedan får ta del av loggutdrag som "
            "gäller mig. Samtycket gäller den begäran som beskrivs på blanketten."
        ),
        para("Brukare (den som loggutdraget gäller)", "heading"),
        field_table([("Namn", form.recipient_name), ("Personnummer", form.recipient_personnummer)]),
        para("Den som begär loggutdraget", "heading"),
        field_table(
            [("Namn", form.requester_name), ("Relation till brukaren", form.requester_relation)]
        ),
        para("Begäran", "heading"),
        field_table(
            [
                ("Diarienummer", form.diary_number),
                ("Typ av loggutdrag", form.kind_title),
                ("Period", form.period),
                ("Orsak", form.reason),
            ]
        ),
        para(form.consent_holder, "small"),
        signature_block(["Brukarens underskrift"]),
    ]
    return build_pdf(
        story, title=f"Samtycke {form.diary_number}", reference=f"Dnr {form.diary_number}"
    )


def addressee_text(addressee: Addressee) -> str:
    return ", ".join(line for line in addressee.lines if line)


__all__ = [
    "REGISTERED_LETTER",
    "Addressee",
    "ConsentForm",
    "DeliveredExtract",
    "DispatchItem",
    "addressee_text",
    "consent_form_pdf",
    "cover_letter_pdf",
    "dispatch_list_pdf",
    "receipt_pdf",
]
