"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import loggutdrag.store.types

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "diary_counters",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_diary_counters")),
    )
    op.create_table(
        "import_runs",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("filename", sa.String(length=300), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("profile", sa.String(length=300), nullable=True),
        sa.Column("started_at", loggutdrag.store.types.UtcDateTime(), nullable=False),
        sa.Column("finished_at", loggutdrag.store.types.UtcDateTime(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("read", sa.Integer(), server_default="0", nullable=False),
        sa.Column("inserted", sa.Integer(), server_default="0", nullable=False),
        sa.Column("duplicates", sa.Integer(), server_default="0", nullable=False),
        sa.Column("rejected", sa.Integer(), server_default="0", nullable=False),
        sa.Column("started_by", sa.String(length=80), nullable=True),
        sa.Column("updated", sa.Integer(), server_default="0", nullable=False),
        sa.Column("last_line", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_runs")),
    )
    op.create_table(
        "providers",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("ownership", sa.String(length=20), server_default="private", nullable=False),
        sa.Column("org_number", sa.String(length=20), nullable=True),
        sa.Column("contact_email", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_providers")),
        sa.UniqueConstraint("code", name=op.f("uq_providers_code")),
    )
    op.create_table(
        "recipients",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("personnummer", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("street", sa.String(length=200), nullable=True),
        sa.Column("postcode", sa.String(length=10), nullable=True),
        sa.Column("city", sa.String(length=100), nullable=True),
        sa.Column("protected_identity", sa.Boolean(), server_default="0", nullable=False),
        sa.CheckConstraint(
            "length(personnummer) = 12", name=op.f("ck_recipients_personnummer_12_digits")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recipients")),
        sa.UniqueConstraint("personnummer", name=op.f("uq_recipients_personnummer")),
    )
    op.create_table(
        "alarm_calls",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("external_id", sa.String(length=80), nullable=False),
        sa.Column("alarm_external_id", sa.String(length=80), nullable=True),
        sa.Column(
            "recipient_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column(
            "provider_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("triggered_at", loggutdrag.store.types.UtcDateTime(), nullable=False),
        sa.Column("answered_at", loggutdrag.store.types.UtcDateTime(), nullable=True),
        sa.Column("operator", sa.String(length=120), nullable=True),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.Column("escalated", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("escalated_at", loggutdrag.store.types.UtcDateTime(), nullable=True),
        sa.Column("escalated_to", sa.String(length=200), nullable=True),
        sa.Column("acknowledged_at", loggutdrag.store.types.UtcDateTime(), nullable=True),
        sa.Column("arrived_at", loggutdrag.store.types.UtcDateTime(), nullable=True),
        sa.Column("closed_at", loggutdrag.store.types.UtcDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["provider_id"], ["providers.id"], name=op.f("fk_alarm_calls_provider_id_providers")
        ),
        sa.ForeignKeyConstraint(
            ["recipient_id"], ["recipients.id"], name=op.f("fk_alarm_calls_recipient_id_recipients")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alarm_calls")),
        sa.UniqueConstraint("external_id", name=op.f("uq_alarm_calls_external_id")),
    )
    with op.batch_alter_table("alarm_calls", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_alarm_calls_provider_id_triggered_at"),
            ["provider_id", "triggered_at"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_alarm_calls_recipient_id_triggered_at"),
            ["recipient_id", "triggered_at"],
            unique=False,
        )

    op.create_table(
        "alarms",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("external_id", sa.String(length=80), nullable=False),
        sa.Column("alarm_type", sa.String(length=20), nullable=False),
        sa.Column(
            "provider_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "recipient_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("active_from", sa.Date(), nullable=False),
        sa.Column("active_to", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "alarm_type in ('trygghetslarm', 'akutlarm')", name=op.f("ck_alarms_alarm_type")
        ),
        sa.ForeignKeyConstraint(
            ["provider_id"], ["providers.id"], name=op.f("fk_alarms_provider_id_providers")
        ),
        sa.ForeignKeyConstraint(
            ["recipient_id"], ["recipients.id"], name=op.f("fk_alarms_recipient_id_recipients")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alarms")),
        sa.UniqueConstraint(
            "external_id", "active_from", name=op.f("uq_alarms_external_id_active_from")
        ),
    )
    with op.batch_alter_table("alarms", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_alarms_provider_id_active_from"),
            ["provider_id", "active_from"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_alarms_recipient_id_active_from"),
            ["recipient_id", "active_from"],
            unique=False,
        )

    op.create_table(
        "cameras",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("serial", sa.String(length=80), nullable=False),
        sa.Column(
            "recipient_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.ForeignKeyConstraint(
            ["recipient_id"], ["recipients.id"], name=op.f("fk_cameras_recipient_id_recipients")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cameras")),
        sa.UniqueConstraint("serial", name=op.f("uq_cameras_serial")),
    )
    op.create_table(
        "locks",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("external_id", sa.String(length=80), nullable=False),
        sa.Column(
            "recipient_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.ForeignKeyConstraint(
            ["recipient_id"], ["recipients.id"], name=op.f("fk_locks_recipient_id_recipients")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_locks")),
        sa.UniqueConstraint("external_id", name=op.f("uq_locks_external_id")),
    )
    op.create_table(
        "quarantine",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "import_run_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.String(length=80), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("raw", sa.JSON(), nullable=False),
        sa.Column("resolved_at", loggutdrag.store.types.UtcDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["import_run_id"],
            ["import_runs.id"],
            name=op.f("fk_quarantine_import_run_id_import_runs"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quarantine")),
    )
    with op.batch_alter_table("quarantine", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_quarantine_source_resolved_at"), ["source", "resolved_at"], unique=False
        )

    op.create_table(
        "staff",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "provider_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["provider_id"], ["providers.id"], name=op.f("fk_staff_provider_id_providers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
        sa.UniqueConstraint("username", name=op.f("uq_staff_username")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=30), nullable=False),
        sa.Column(
            "provider_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("password_hash", sa.String(length=200), nullable=True),
        sa.Column("active", sa.Boolean(), server_default="1", nullable=False),
        sa.Column("failed_logins", sa.Integer(), server_default="0", nullable=False),
        sa.Column("locked_until", loggutdrag.store.types.UtcDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["provider_id"], ["providers.id"], name=op.f("fk_users_provider_id_providers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "cases",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("diary_number", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=True),
        sa.Column("scope", sa.String(length=20), nullable=True),
        sa.Column(
            "provider_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column(
            "recipient_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("staff_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("requester_category", sa.String(length=20), nullable=True),
        sa.Column("request", sa.JSON(), nullable=False),
        sa.Column("verdict", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("received_at", loggutdrag.store.types.UtcDateTime(), nullable=False),
        sa.Column("complete_at", loggutdrag.store.types.UtcDateTime(), nullable=True),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("created_by", sa.String(length=80), nullable=True),
        sa.Column("updated_at", loggutdrag.store.types.UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["provider_id"], ["providers.id"], name=op.f("fk_cases_provider_id_providers")
        ),
        sa.ForeignKeyConstraint(
            ["recipient_id"], ["recipients.id"], name=op.f("fk_cases_recipient_id_recipients")
        ),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_cases_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
        sa.UniqueConstraint("diary_number", name=op.f("uq_cases_diary_number")),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_cases_provider_id_received_at"),
            ["provider_id", "received_at"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_cases_recipient_id"), ["recipient_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_status_due"), ["status", "due"], unique=False)

    op.create_table(
        "lock_events",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("external_id", sa.String(length=80), nullable=False),
        sa.Column("occurred_at", loggutdrag.store.types.UtcDateTime(), nullable=False),
        sa.Column("lock_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "recipient_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column(
            "provider_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("staff_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("event", sa.String(length=20), nullable=False),
        sa.Column("method", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lock_events")),
        sa.UniqueConstraint("external_id", name=op.f("uq_lock_events_external_id")),
    )
    with op.batch_alter_table("lock_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_lock_events_provider_id_occurred_at"),
            ["provider_id", "occurred_at"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_lock_events_recipient_id_occurred_at"),
            ["recipient_id", "occurred_at"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_lock_events_staff_id_occurred_at"),
            ["staff_id", "occurred_at"],
            unique=False,
        )

    op.create_table(
        "supervision_orders",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("external_id", sa.String(length=80), nullable=False),
        sa.Column(
            "recipient_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "camera_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "provider_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("planned_time", sa.String(length=5), nullable=False),
        sa.Column("weekdays", sa.String(length=7), server_default="1234567", nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["camera_id"], ["cameras.id"], name=op.f("fk_supervision_orders_camera_id_cameras")
        ),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["providers.id"],
            name=op.f("fk_supervision_orders_provider_id_providers"),
        ),
        sa.ForeignKeyConstraint(
            ["recipient_id"],
            ["recipients.id"],
            name=op.f("fk_supervision_orders_recipient_id_recipients"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervision_orders")),
        sa.UniqueConstraint("external_id", name=op.f("uq_supervision_orders_external_id")),
    )
    with op.batch_alter_table("supervision_orders", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_supervision_orders_provider_id_valid_from"),
            ["provider_id", "valid_from"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_supervision_orders_recipient_id_valid_from"),
            ["recipient_id", "valid_from"],
            unique=False,
        )

    op.create_table(
        "audit_events",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("at", loggutdrag.store.types.UtcDateTime(), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("case_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column(
            "subject_recipient_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=True,
        ),
        sa.Column(
            "subject_staff_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_audit_events_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["subject_recipient_id"],
            ["recipients.id"],
            name=op.f("fk_audit_events_subject_recipient_id_recipients"),
        ),
        sa.ForeignKeyConstraint(
            ["subject_staff_id"], ["staff.id"], name=op.f("fk_audit_events_subject_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_events_hash")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_events_actor_at"), ["actor", "at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_audit_events_case_id_at"), ["case_id", "at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_audit_events_subject_recipient_id_at"),
            ["subject_recipient_id", "at"],
            unique=False,
        )

    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("last_id", sa.BigInteger(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.Column("entries", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )

    op.create_table(
        "case_events",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("case_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("at", loggutdrag.store.types.UtcDateTime(), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("from_status", sa.String(length=30), nullable=True),
        sa.Column("to_status", sa.String(length=30), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_events_case_id_cases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_events")),
    )
    with op.batch_alter_table("case_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_case_events_case_id_at"), ["case_id", "at"], unique=False
        )

    op.create_table(
        "documents",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("case_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", loggutdrag.store.types.UtcDateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("diary_number", sa.String(length=40), nullable=True),
        sa.Column("confidential", sa.Boolean(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_documents_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_documents_case_id_created_at"), ["case_id", "created_at"], unique=False
        )

    op.create_table(
        "lookins",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("external_id", sa.String(length=80), nullable=False),
        sa.Column("order_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("order_external_id", sa.String(length=80), nullable=True),
        sa.Column("camera_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column(
            "recipient_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column(
            "provider_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("planned_at", loggutdrag.store.types.UtcDateTime(), nullable=False),
        sa.Column("performed_at", loggutdrag.store.types.UtcDateTime(), nullable=True),
        sa.Column("operator", sa.String(length=120), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("action", sa.String(length=20), server_default="none", nullable=False),
        sa.Column("action_at", loggutdrag.store.types.UtcDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["camera_id"], ["cameras.id"], name=op.f("fk_lookins_camera_id_cameras")
        ),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["supervision_orders.id"],
            name=op.f("fk_lookins_order_id_supervision_orders"),
        ),
        sa.ForeignKeyConstraint(
            ["provider_id"], ["providers.id"], name=op.f("fk_lookins_provider_id_providers")
        ),
        sa.ForeignKeyConstraint(
            ["recipient_id"], ["recipients.id"], name=op.f("fk_lookins_recipient_id_recipients")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lookins")),
        sa.UniqueConstraint("external_id", name=op.f("uq_lookins_external_id")),
    )
    with op.batch_alter_table("lookins", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_lookins_provider_id_planned_at"),
            ["provider_id", "planned_at"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_lookins_recipient_id_planned_at"),
            ["recipient_id", "planned_at"],
            unique=False,
        )

    op.create_table(
        "deliveries",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("case_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "document_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("method", sa.String(length=30), nullable=False),
        sa.Column("delivered_at", loggutdrag.store.types.UtcDateTime(), nullable=False),
        sa.Column("delivered_by", sa.String(length=80), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("addressee", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_deliveries_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_deliveries_document_id_documents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deliveries")),
    )
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deliveries_case_id"), ["case_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deliveries_case_id"))

    op.drop_table("deliveries")
    with op.batch_alter_table("lookins", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lookins_recipient_id_planned_at"))
        batch_op.drop_index(batch_op.f("ix_lookins_provider_id_planned_at"))

    op.drop_table("lookins")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_case_id_created_at"))

    op.drop_table("documents")
    with op.batch_alter_table("case_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_events_case_id_at"))

    op.drop_table("case_events")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_events_subject_recipient_id_at"))
        batch_op.drop_index(batch_op.f("ix_audit_events_case_id_at"))
        batch_op.drop_index(batch_op.f("ix_audit_events_actor_at"))

    op.drop_table("audit_events")
    op.drop_table("audit_head")
    with op.batch_alter_table("supervision_orders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supervision_orders_recipient_id_valid_from"))
        batch_op.drop_index(batch_op.f("ix_supervision_orders_provider_id_valid_from"))

    op.drop_table("supervision_orders")
    with op.batch_alter_table("lock_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lock_events_staff_id_occurred_at"))
        batch_op.drop_index(batch_op.f("ix_lock_events_recipient_id_occurred_at"))
        batch_op.drop_index(batch_op.f("ix_lock_events_provider_id_occurred_at"))

    op.drop_table("lock_events")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cases_status_due"))
        batch_op.drop_index(batch_op.f("ix_cases_recipient_id"))
        batch_op.drop_index(batch_op.f("ix_cases_provider_id_received_at"))

    op.drop_table("cases")
    op.drop_table("users")
    op.drop_table("staff")
    with op.batch_alter_table("quarantine", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quarantine_source_resolved_at"))

    op.drop_table("quarantine")
    op.drop_table("locks")
    op.drop_table("cameras")
    with op.batch_alter_table("alarms", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alarms_recipient_id_active_from"))
        batch_op.drop_index(batch_op.f("ix_alarms_provider_id_active_from"))

    op.drop_table("alarms")
    with op.batch_alter_table("alarm_calls", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alarm_calls_recipient_id_triggered_at"))
        batch_op.drop_index(batch_op.f("ix_alarm_calls_provider_id_triggered_at"))

    op.drop_table("alarm_calls")
    op.drop_table("recipients")
    op.drop_table("providers")
    op.drop_table("import_runs")
    op.drop_table("diary_counters")
