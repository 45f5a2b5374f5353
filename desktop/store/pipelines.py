"""Editing pipeline stages: order, label, win probability (imports create them; users refine them)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.store import schema as s
from desktop.store.audit import append
from desktop.store.errors import RecordNotFound


def _stage(session: Session, label: str, pipeline: str | None) -> s.Stage:
    q = select(s.Stage).join(s.Pipeline, s.Pipeline.id == s.Stage.pipeline_id).where(
        func.lower(s.Stage.label) == label.strip().lower())
    if pipeline:
        q = q.where(func.lower(s.Pipeline.name) == pipeline.strip().lower())
    found = session.execute(q).scalars().all()
    if not found:
        raise RecordNotFound(f"no stage called {label!r}", "list them with `spectrum stages`")
    if len(found) > 1:
        raise RecordNotFound(f"several pipelines have a stage {label!r}", "add --pipeline NAME")
    return found[0]


def edit_stage(session: Session, label: str, *, pipeline: str | None = None, position: int | None = None,
               probability: float | None = None, rename: str | None = None, actor: str = "user") -> s.Stage:
    """Change one stage in the caller's transaction and audit it.

    Args:
        position: new 0-based place in its pipeline (others shift). probability: 0.0-1.0.
        rename: new label.
    Raises:
        RecordNotFound: no such stage (or ambiguous without ``pipeline``).
        ValueError: probability outside 0..1, or an empty label.
    """
    st = _stage(session, label, pipeline)
    before = {"label": st.label, "position": st.position, "probability": st.probability}
    if probability is not None:
        if not 0.0 <= probability <= 1.0:
            raise ValueError("probability must be between 0 and 1 (e.g. 0.4 for 40 %)")
        st.probability = probability
    if rename is not None:
        if not rename.strip():
            raise ValueError("a stage needs a label")
        st.label = rename.strip()
    if position is not None:
        siblings = session.execute(select(s.Stage).where(s.Stage.pipeline_id == st.pipeline_id, s.Stage.id != st.id)
                                   .order_by(s.Stage.position)).scalars().all()
        position = max(0, min(position, len(siblings)))
        ordered = [*siblings[:position], st, *siblings[position:]]
        for i, item in enumerate(ordered):
            item.position = i
    session.flush()
    append(session, at=datetime.utcnow(), actor=actor, kind="stage_edited",
           summary=f"Stage {before['label']} edited",
           payload={"before": before, "after": {"label": st.label, "position": st.position,
                                                "probability": st.probability}})
    return st
