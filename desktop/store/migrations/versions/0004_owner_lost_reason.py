"""contact owner and deal lost reason

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05 18:00:00

Plans can now assign a contact to an owner ("give Tom Becker to Morgan") and record why a deal was
lost ("we lost Initech to Zendesk on price"): ``contacts.owner`` (a workspace user's name, as
``deals.owner`` already is) and ``deals.lost_reason`` (free text, HubSpot's ``closed_lost_reason``).
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contacts") as batch:
        batch.add_column(sa.Column("owner", sa.String(length=200), nullable=True))
    with op.batch_alter_table("deals") as batch:
        batch.add_column(sa.Column("lost_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("deals") as batch:
        batch.drop_column("lost_reason")
    with op.batch_alter_table("contacts") as batch:
        batch.drop_column("owner")
