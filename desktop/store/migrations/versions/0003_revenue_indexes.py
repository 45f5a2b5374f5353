"""revenue indexes on workspaces created before they joined 0001

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21 19:20:00

The (stage, amount) and (stage, close date, amount) deal indexes were added to 0001 after some
workspaces had been created with it; the revenue panel's pipeline, win-rate and closed-won-by-month
queries read through them (closed won by month: ~25 ms -> ~2 ms on 50k deals). Created only when
missing, so fresh workspaces (which have them from 0001) are unchanged.
"""
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

INDEXES = {"ix_deals_stage_amount": "deals (stage_id, amount_cents)",
           "ix_deals_stage_close": "deals (stage_id, close_date, amount_cents)"}


def upgrade() -> None:
    for name, cols in INDEXES.items():
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {cols}")


def downgrade() -> None:
    # 0001 creates these indexes itself on fresh workspaces: leave them in place.
    pass
