"""outbox rows belong to one CRM

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 23:55:00

``outbox.crm`` names the CRM a row is for (``hubspot`` or ``pipedrive``). A change is written with
no CRM (NULL) and claimed by the first connected CRM that pushes it, so ``spectrum sync status`` no
longer shows the same rows under HubSpot and Pipedrive. Backfill: rows already *sent* before this
migration are given the CRM whose ids the workspace holds for their record (HubSpot when both or
neither); unsent rows stay NULL and are claimed on the next push.
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("crm", sa.String(length=20), nullable=True))
    op.execute(
        "UPDATE outbox SET crm = CASE WHEN EXISTS (SELECT 1 FROM external_ids e WHERE e.source = 'pipedrive' "
        "AND e.entity_type = outbox.entity_type AND e.local_id = outbox.local_id) AND NOT EXISTS "
        "(SELECT 1 FROM external_ids e WHERE e.source = 'hubspot' AND e.entity_type = outbox.entity_type "
        "AND e.local_id = outbox.local_id) THEN 'pipedrive' ELSE 'hubspot' END WHERE status = 'sent'")


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("crm")
