"""The schema: one SQLAlchemy Core table per thing the product keeps.

The same tables serve SQLite (the embedded default) and PostgreSQL (production); Alembic migrations
in ``store/migrations`` create them. Personnummer live in ``recipients`` only; logs refer to
recipients, staff and providers by id, so personal data sits in one place.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from loggutdrag.store.types import UtcDateTime

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# SQLite only gives an INTEGER PRIMARY KEY autoincrement semantics; BigInteger stays 64-bit on PG.
Id = BigInteger().with_variant(Integer(), "sqlite")

# --- who -----------------------------------------------------------------------------------------

providers = Table(
    "providers",
    metadata,
    Column("id", Id, primary_key=True),
    Column("code", String(40), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("ownership", String(20), nullable=False, server_default="private"),  # municipal|private
    Column("org_number", String(20)),
    Column("contact_email", String(200)),
)

staff = Table(
    "staff",
    metadata,
    Column("id", Id, primary_key=True),
    Column("provider_id", ForeignKey("providers.id"), nullable=False),
    Column("username", String(80), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("valid_from", Date),
    Column("valid_to", Date),
)

recipients = Table(
    "recipients",
    metadata,
    Column("id", Id, primary_key=True),
    # Always the 12-digit form without separator: YYYYMMDDNNNN.
    Column("personnummer", String(12), nullable=False, unique=True),
    Column("name", String(200)),
    Column("street", String(200)),
    Column("postcode", String(10)),
    Column("city", String(100)),
    Column("protected_identity", Boolean, nullable=False, server_default="0"),
    CheckConstraint("length(personnummer) = 12", name="personnummer_12_digits"),
)

# --- safety alarms ------------------------------------------------------------------------------

alarms = Table(
    "alarms",
    metadata,
    Column("id", Id, primary_key=True),
    Column("external_id", String(80), nullable=False),  # the vendor's alarm id
    Column("alarm_type", String(20), nullable=False),  # trygghetslarm | akutlarm
    Column("provider_id", ForeignKey("providers.id"), nullable=False),
    Column("recipient_id", ForeignKey("recipients.id")),  # an akutlarm may have none
    Column("address", String(300)),
    Column("active_from", Date, nullable=False),
    Column("active_to", Date),  # inclusive last active day; empty = still active
    UniqueConstraint("external_id", "active_from"),
    CheckConstraint("alarm_type in ('trygghetslarm', 'akutlarm')", name="alarm_type"),
    Index(None, "provider_id", "active_from"),
    Index(None, "recipient_id", "active_from"),
)

alarm_calls = Table(
    "alarm_calls",
    metadata,
    Column("id", Id, primary_key=True),
    Column("external_id", String(80), nullable=False, unique=True),
    Column("alarm_external_id", String(80)),
    Column("recipient_id", ForeignKey("recipients.id")),
    Column("provider_id", ForeignKey("providers.id")),
    Column("triggered_at", UtcDateTime, nullable=False),
    Column("answered_at", UtcDateTime),
    Column("operator", String(120)),
    Column("reason", String(200)),
    Column("escalated", Boolean, nullable=False, server_default="0"),
    Column("escalated_at", UtcDateTime),
    Column("escalated_to", String(200)),
    Column("acknowledged_at", UtcDateTime),
    Column("arrived_at", UtcDateTime),
    Column("closed_at", UtcDateTime),
    Index(None, "recipient_id", "triggered_at"),
    Index(None, "provider_id", "triggered_at"),
)

# --- digital locks --------------------------------------------------------------------------------

locks = Table(
    "locks",
    metadata,
    Column("id", Id, primary_key=True),
    Column("external_id", String(80), nullable=False, unique=True),
    Column("recipient_id", ForeignKey("recipients.id")),
)

lock_events = Table(
    "lock_events",
    metadata,
    Column("id", Id, primary_key=True),
    Column("external_id", String(80), nullable=False, unique=True),
    Column("occurred_at", UtcDateTime, nullable=False),
    # Ids of locks, recipients, providers and staff without foreign-key constraints: the importer
    # resolves every id from rows it read or created in the same transaction, and a constraint
    # check per row and key cost PostgreSQL's COPY half its speed (bench/RESULTS.md, Import).
    Column("lock_id", Id, nullable=False),
    Column("recipient_id", Id),
    Column("provider_id", Id),
    Column("staff_id", Id),
    Column("event", String(20), nullable=False),  # unlock | lock | denied | battery_low
    Column("method", String(40)),
    Index(None, "recipient_id", "occurred_at"),
    Index(None, "staff_id", "occurred_at"),
    Index(None, "provider_id", "occurred_at"),
)

# --- visual digital supervision (cameras) ---------------------------------------------------------

cameras = Table(
    "cameras",
    metadata,
    Column("id", Id, primary_key=True),
    Column("serial", String(80), nullable=False, unique=True),
    Column("recipient_id", ForeignKey("recipients.id")),
)

supervision_orders = Table(
    "supervision_orders",
    metadata,
    Column("id", Id, primary_key=True),
    Column("external_id", String(80), nullable=False, unique=True),
    Column("recipient_id", ForeignKey("recipients.id"), nullable=False),
    Column("camera_id", ForeignKey("cameras.id"), nullable=False),
    Column("provider_id", ForeignKey("providers.id"), nullable=False),
    Column("planned_time", String(5), nullable=False),  # local HH:MM
    Column("weekdays", String(7), nullable=False, server_default="1234567"),  # ISO weekdays
    Column("valid_from", Date, nullable=False),
    Column("valid_to", Date),
    Index(None, "recipient_id", "valid_from"),
    Index(None, "provider_id", "valid_from"),
)

lookins = Table(
    "lookins",
    metadata,
    Column("id", Id, primary_key=True),
    Column("external_id", String(80), nullable=False, unique=True),
    Column("order_id", ForeignKey("supervision_orders.id")),
    Column("order_external_id", String(80)),  # the vendor's order id (order_id is filled from it)
    Column("camera_id", ForeignKey("cameras.id")),
    Column("recipient_id", ForeignKey("recipients.id")),
    Column("provider_id", ForeignKey("providers.id")),
    Column("planned_at", UtcDateTime, nullable=False),
    Column("performed_at", UtcDateTime),
    Column("operator", String(120)),
    Column("outcome", String(20), nullable=False),
    Column("action", String(20), nullable=False, server_default="none"),
    Column("action_at", UtcDateTime),
    Index(None, "recipient_id", "planned_at"),
    Index(None, "provider_id", "planned_at"),
)

# --- imports --------------------------------------------------------------------------------------

import_runs = Table(
    "import_runs",
    metadata,
    Column("id", Id, primary_key=True),
    Column("source", String(40), nullable=False),
    Column("filename", String(300), nullable=False),
    Column("file_sha256", String(64), nullable=False),
    Column("profile", String(300)),  # a profile name or the path of a .toml
    Column("started_at", UtcDateTime, nullable=False),
    Column("finished_at", UtcDateTime),
    Column("status", String(20), nullable=False),  # running | finished | failed
    Column("read", Integer, nullable=False, server_default="0"),
    Column("inserted", Integer, nullable=False, server_default="0"),
    Column("duplicates", Integer, nullable=False, server_default="0"),
    Column("rejected", Integer, nullable=False, server_default="0"),
    Column("started_by", String(80)),
    # import: register periods that changed (counted among duplicates), and the resume point
    Column("updated", Integer, nullable=False, server_default="0"),
    Column("last_line", Integer, nullable=False, server_default="0"),
)

quarantine = Table(
    "quarantine",
    metadata,
    Column("id", Id, primary_key=True),
    Column("import_run_id", ForeignKey("import_runs.id"), nullable=False),
    Column("source", String(40), nullable=False),
    Column("line", Integer, nullable=False),
    Column("external_id", String(80)),
    Column("reason", Text, nullable=False),
    Column("raw", JSON, nullable=False),  # the row as read, to retry after fixing a profile
    Column("resolved_at", UtcDateTime),
    Index(None, "source", "resolved_at"),
)

# --- cases (requests) and their documents --------------------------------------------------------

diary_counters = Table(
    "diary_counters",
    metadata,
    Column("year", Integer, primary_key=True),
    Column("last_number", Integer, nullable=False),
)

cases = Table(
    "cases",
    metadata,
    Column("id", Id, primary_key=True),
    Column("diary_number", String(40), nullable=False, unique=True),
    Column("kind", String(40)),
    Column("scope", String(20)),
    Column("provider_id", ForeignKey("providers.id")),
    Column("recipient_id", ForeignKey("recipients.id")),
    Column("staff_id", ForeignKey("staff.id")),
    Column("requester_category", String(20)),
    Column("request", JSON, nullable=False),  # the request as received and supplemented
    Column("verdict", JSON, nullable=False),  # the latest verdict
    Column("status", String(30), nullable=False),
    Column("received_at", UtcDateTime, nullable=False),
    Column("complete_at", UtcDateTime),  # when the request became complete: the clock starts
    Column("due", Date),
    Column("created_by", String(80)),
    Column("updated_at", UtcDateTime, nullable=False),
    Index(None, "status", "due"),
    Index(None, "provider_id", "received_at"),
    Index(None, "recipient_id"),
)

case_events = Table(
    "case_events",
    metadata,
    Column("id", Id, primary_key=True),
    Column("case_id", ForeignKey("cases.id"), nullable=False),
    Column("at", UtcDateTime, nullable=False),
    Column("actor", String(80), nullable=False),
    Column("from_status", String(30)),
    Column("to_status", String(30), nullable=False),
    Column("reason", Text),
    Index(None, "case_id", "at"),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Id, primary_key=True),
    Column("case_id", ForeignKey("cases.id")),
    Column(
        "kind", String(30), nullable=False
    ),  # extract | consent | letter | receipt | dispatch_list | billing
    Column("filename", String(200), nullable=False),
    Column("media_type", String(100), nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("created_by", String(80), nullable=False),
    Column("diary_number", String(40)),  # e.g. the registry's number of a signed consent
    Column("confidential", Boolean, nullable=False, server_default="1"),
    Index(None, "case_id", "created_at"),
)

deliveries = Table(
    "deliveries",
    metadata,
    Column("id", Id, primary_key=True),
    Column("case_id", ForeignKey("cases.id"), nullable=False),
    Column("document_id", ForeignKey("documents.id"), nullable=False),
    Column("method", String(30), nullable=False),  # service_desk | in_person | registered_mail
    Column("delivered_at", UtcDateTime, nullable=False),
    Column("delivered_by", String(80), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("addressee", JSON),
    Index(None, "case_id"),
)

# --- people who sign in, and the audit trail -----------------------------------------------------

users = Table(
    "users",
    metadata,
    Column("id", Id, primary_key=True),
    Column("username", String(80), nullable=False, unique=True),
    Column("display_name", String(200), nullable=False),
    Column("role", String(30), nullable=False),
    Column("provider_id", ForeignKey("providers.id")),
    Column("password_hash", String(200)),
    Column("active", Boolean, nullable=False, server_default="1"),
    Column("failed_logins", Integer, nullable=False, server_default="0"),
    Column("locked_until", UtcDateTime),
)

audit_events = Table(
    "audit_events",
    metadata,
    Column("id", Id, primary_key=True),
    Column("at", UtcDateTime, nullable=False),
    Column("actor", String(80), nullable=False),
    Column("action", String(40), nullable=False),
    Column("case_id", ForeignKey("cases.id")),
    Column("subject_recipient_id", ForeignKey("recipients.id")),  # whose data
    Column("subject_staff_id", ForeignKey("staff.id")),
    Column("details", JSON, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False, unique=True),
    Index(None, "case_id", "at"),
    Index(None, "subject_recipient_id", "at"),
    Index(None, "actor", "at"),
)

# One row (id 1), written in the same transaction as each audit entry: the last entry's id and hash
# and how many there are, so removing the newest entries is found too.
audit_head = Table(
    "audit_head",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("last_id", BigInteger, nullable=False),
    Column("last_hash", String(64), nullable=False),
    Column("entries", BigInteger, nullable=False),
)
