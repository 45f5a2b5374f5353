"""Current values of the records a Plan would change, so the Plan card and the terminal can show
``before → after`` for every field."""

from __future__ import annotations

from typing import Any

from desktop.domain.plan import Plan
from desktop.store import schema as s
from desktop.store.db import Workspace

_MODELS = {"deal": s.Deal, "contact": s.Contact, "company": s.Company, "task": s.Task}


def before_values(workspace: Workspace, plan: Plan) -> list[dict[str, Any]]:
    """For each action, ``{field: current value}`` of its target for the fields it sets ({} when
    the action creates something or names no existing record). Amounts are in major units; the
    stage is its label."""
    out: list[dict[str, Any]] = []
    with workspace.uow() as uow:
        for action in plan.actions:
            t = action.target
            if t is None or t.id.startswith("new:") or t.type not in _MODELS or not t.id.isdigit():
                out.append({})
                continue
            obj = uow.session.get(_MODELS[t.type], int(t.id))
            if obj is None:
                out.append({})
                continue
            current: dict[str, Any] = {}
            for key in action.fields:
                if key == "amount" and hasattr(obj, "amount_cents"):
                    current[key] = None if obj.amount_cents is None else obj.amount_cents / 100
                elif key == "stage" and hasattr(obj, "stage_id"):
                    stage = uow.session.get(s.Stage, obj.stage_id)
                    current[key] = stage.label if stage else None
                elif key == "company" and hasattr(obj, "company_id"):
                    co = uow.session.get(s.Company, obj.company_id) if obj.company_id else None
                    current[key] = co.name if co else None
                elif hasattr(obj, key):
                    value = getattr(obj, key)
                    current[key] = value.isoformat() if hasattr(value, "isoformat") else value
            out.append(current)
    return out
