"""e-mail sequences and their A/B variants

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 18:30:00

``sequence_enrollments`` holds each contact's progress through an agent's e-mail sequence (a
durable chain: resumed from here after a restart); ``email_outbox`` gains the enrollment, step and
A/B variant an e-mail belongs to (issue 15).
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sequence_enrollments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("agent", sa.String(100), nullable=False, index=True),
        sa.Column("sequence", sa.String(100), nullable=False),
        sa.Column("contact_id", sa.Integer, sa.ForeignKey("contacts.id", ondelete="SET NULL"), nullable=True,
                  index=True),
        sa.Column("deal_id", sa.Integer, sa.ForeignKey("deals.id", ondelete="SET NULL"), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("phase", sa.String(20), nullable=False),
        sa.Column("next_at", sa.DateTime, nullable=True),
        sa.Column("seed", sa.Integer, nullable=False),
        sa.Column("state", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("finished_at", sa.DateTime, nullable=True),
    )
    op.create_index("ix_sequence_enrollments_status", "sequence_enrollments", ["status", "next_at"])
    with op.batch_alter_table("email_outbox") as batch:
        batch.add_column(sa.Column("enrollment_id", sa.Integer, nullable=True))
        batch.add_column(sa.Column("seq_step", sa.Integer, nullable=True))
        batch.add_column(sa.Column("variant", sa.String(20), nullable=True))
        batch.create_index("ix_email_outbox_enrollment_id", ["enrollment_id"])


def downgrade() -> None:
    with op.batch_alter_table("email_outbox") as batch:
        batch.drop_index("ix_email_outbox_enrollment_id")
        batch.drop_column("variant")
        batch.drop_column("seq_step")
        batch.drop_column("enrollment_id")
    op.drop_table("sequence_enrollments")
