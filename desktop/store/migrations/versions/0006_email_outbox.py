"""the e-mail outbox; a contact's time zone

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 06:40:00

``email_outbox`` holds e-mails waiting to be sent from the user's mailbox (issue 15), keyed by their
Message-ID. ``contacts.time_zone`` (an IANA name such as ``Europe/Berlin``, NULL when unknown) lets
sends wait for the contact's sending hours.
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "email_outbox",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("message_id", sa.String(300), nullable=False, unique=True),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("agent", sa.String(100), nullable=True, index=True),
        sa.Column("contact_id", sa.Integer, sa.ForeignKey("contacts.id", ondelete="SET NULL"), nullable=True),
        sa.Column("deal_id", sa.Integer, sa.ForeignKey("deals.id", ondelete="SET NULL"), nullable=True),
        sa.Column("activity_id", sa.Integer, nullable=True),
        sa.Column("to_addr", sa.String(300), nullable=False),
        sa.Column("subject", sa.String(500), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("in_reply_to", sa.String(300), nullable=True),
        sa.Column("references", sa.Text, nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("not_before", sa.DateTime, nullable=True),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("last_error", sa.Text, nullable=True),
        sa.Column("sent_at", sa.DateTime, nullable=True),
        sa.Column("filed_at", sa.DateTime, nullable=True),
        sa.Column("replied_at", sa.DateTime, nullable=True),
        sa.Column("bounced_at", sa.DateTime, nullable=True),
    )
    op.create_index("ix_email_outbox_status", "email_outbox", ["status", "not_before"])
    op.create_index("ix_email_outbox_contact", "email_outbox", ["contact_id", "sent_at"])
    with op.batch_alter_table("contacts") as batch:
        batch.add_column(sa.Column("time_zone", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("contacts") as batch:
        batch.drop_column("time_zone")
    op.drop_table("email_outbox")
