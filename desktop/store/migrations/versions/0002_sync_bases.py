"""sync_bases: the remote field values of each synced record as of the last pull or push

Used by the sync layer's field-level conflict check (``desktop.store.sync_state``): a pending local
change to a field conflicts only when the remote value of *that field* moved since this base.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 19:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_bases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.Column('entity_type', sa.String(length=40), nullable=False),
    sa.Column('local_id', sa.Integer(), nullable=False),
    sa.Column('fields', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('sync_bases', schema=None) as batch_op:
        batch_op.create_index('ux_sync_base_record', ['source', 'entity_type', 'local_id'],
                              unique=True)


def downgrade() -> None:
    with op.batch_alter_table('sync_bases', schema=None) as batch_op:
        batch_op.drop_index('ux_sync_base_record')
    op.drop_table('sync_bases')
