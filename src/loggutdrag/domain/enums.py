"""The product's vocabulary as explicit enums (values are the external contracts' strings)."""

from __future__ import annotations

from enum import StrEnum


class ExtractKind(StrEnum):
    ACTIVE_ALARM_CUSTOMERS = "active_alarm_customers"  # aktiva larmkunder
    ESCALATED_ALARM_CALLS = "escalated_alarm_calls"  # eskalerade larmanrop
    LOCK_LOG = "lock_log"  # låslogg
    SUPERVISION_LOG = "supervision_log"  # visuell digital tillsyn


class Scope(StrEnum):
    PROVIDER = "provider"
    RECIPIENT = "recipient"
    STAFF = "staff"


class RequesterCategory(StrEnum):
    PROVIDER = "provider"  # utförare
    RECIPIENT = "recipient"  # brukaren själv
    THIRD_PARTY = "third_party"  # annan person


class RequesterRole(StrEnum):
    MANAGER = "manager"  # verksamhetschef / annan ansvarig
    STAFF = "staff"


class Channel(StrEnum):
    SERVICE_DESK = "service_desk"  # Lindesk
    IN_PERSON = "in_person"
    PROVIDER = "provider"  # a third party asking through the provider
    ADMINISTRATION_REPRESENTATIVE = "administration_representative"  # VOF-representant


class DeliveryMethod(StrEnum):
    SERVICE_DESK = "service_desk"  # attachment on the Lindesk ticket
    IN_PERSON = "in_person"  # handed over against a receipt
    REGISTERED_MAIL = "registered_mail"  # rekommenderat brev via the mail desk


class ConsentKind(StrEnum):
    POWER_OF_ATTORNEY = "power_of_attorney"  # fullmakt
    WRITTEN_CONSENT = "written_consent"  # skriftligt samtycke


class ConsentHolder(StrEnum):
    PROVIDER = "provider"
    ADMINISTRATION = "administration"


class CaseStatus(StrEnum):
    RECEIVED = "received"
    AWAITING_SUPPLEMENT = "awaiting_supplement"
    READY = "ready"
    EXTRACT_PRODUCED = "extract_produced"
    DELIVERED = "delivered"
    CLOSED = "closed"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"


class AlarmType(StrEnum):
    TRYGGHETSLARM = "trygghetslarm"  # safety alarm of a recipient: billable
    AKUTLARM = "akutlarm"  # the provider's own emergency alarm: listed, not billable (R2)


class LockEventType(StrEnum):
    UNLOCK = "unlock"
    LOCK = "lock"
    DENIED = "denied"
    BATTERY_LOW = "battery_low"


class LookinOutcome(StrEnum):
    IN_BED = "in_bed"
    NOT_IN_BED = "not_in_bed"
    NOT_VISIBLE = "not_visible"
    NO_PICTURE = "no_picture"
    NOT_PERFORMED = "not_performed"


class LookinAction(StrEnum):
    NONE = "none"
    RECHECK = "recheck"
    CALLED_RECIPIENT = "called_recipient"
    CALLED_PROVIDER = "called_provider"
    VISIT = "visit"


class ImportSource(StrEnum):
    ALARM_REGISTER = "alarm-register"
    ALARM_CALLS = "alarm-calls"
    LOCK_EVENTS = "lock-events"
    SUPERVISION_ORDERS = "supervision-orders"
    SUPERVISION_LOOKINS = "supervision-lookins"


class ProviderOwnership(StrEnum):
    MUNICIPAL = "municipal"  # kommunal
    PRIVATE = "private"  # privat


class UserRole(StrEnum):
    OFFICER = "officer"  # Välfärdsteknikteamet
    PROVIDER_MANAGER = "provider_manager"
    PROVIDER_STAFF = "provider_staff"
    ADMINISTRATION_REPRESENTATIVE = "administration_representative"
    ADMIN = "admin"


class DocumentKind(StrEnum):
    EXTRACT = "extract"
    CONSENT = "consent"
    CONSENT_FORM = "consent_form"
    COVER_LETTER = "cover_letter"
    RECEIPT = "receipt"
    DISPATCH_LIST = "dispatch_list"
    BILLING_SUMMARY = "billing_summary"
