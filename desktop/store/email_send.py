"""The executor's ``send_email`` handler: one confirmed e-mail becomes, in the plan's one unit of
work, an ``email`` activity on the contact (and their open deal, whose last activity moves), the
draft it came from marked done, and an e-mail outbox row (:mod:`desktop.store.email_outbox`)
that the sender sends after the undo window. The plan's audit entry lists all three.
"""

from __future__ import annotations

import re
from email.utils import parseaddr
from typing import Any

from desktop.domain.plan import Action
from desktop.store import email_outbox
from desktop.store import schema as s
from desktop.store.executor import PlanRejected

_ADDRESS = re.compile(r"^[^@\s<>(),;:\"]+@[^@\s<>(),;:\"]+\.[^@\s<>(),;:\"]+$")


def valid_address(value: str) -> str | None:
    """The bare address of ``value`` (``"Nina <nina@x.com>"`` -> ``nina@x.com``), or None when it
    is not one address."""
    _, addr = parseaddr(value or "")
    return addr if addr and _ADDRESS.match(addr) else None


def _sequence_ref(value: Any) -> tuple[int | None, int | None, str | None]:
    """``"<enrollment id>:<step position>:<variant>"`` (a sequence's e-mail) -> its three parts;
    ``(None, None, None)`` when absent. Raises PlanRejected on any other shape."""
    if not value:
        return None, None, None
    parts = str(value).split(":")
    if len(parts) != 3 or not parts[0].isdigit() or not parts[1].isdigit() or not parts[2]:
        raise PlanRejected(f"bad sequence reference {value!r} (expected enrollment:step:variant)")
    return int(parts[0]), int(parts[1]), parts[2][:20]


def queue_send(run: Any, i: int, a: Action) -> None:
    """Apply one ``send_email`` action inside ``run`` (the executor's ``_Run``).

    Raises:
        PlanRejected: no recipient address (the contact has none and the plan names none), a bad
            address, an empty subject and body, a draft that is not an e-mail draft.
        ComplianceBlocked: the contact is marked do-not-contact.
    """
    deal_id, contact_id = run._links(a) if a.target is not None else (None, None)
    run.contact_dnc(contact_id, a.kind)
    f = a.fields
    contact = run.session.get(s.Contact, contact_id) if contact_id is not None else None
    to = f.get("to") or (contact.email if contact is not None else None)
    if not to:
        who = f"{contact.first_name} {contact.last_name}".strip() if contact is not None else "the recipient"
        raise PlanRejected(f"{who} has no e-mail address: add one (\"{who}'s email is ...\") or write it in To")
    addr = valid_address(str(to))
    if addr is None:
        raise PlanRejected(f"{to!r} is not an e-mail address")
    subject, body = str(f.get("subject") or "").strip(), str(f.get("body") or "").rstrip()
    if not subject and not body:
        raise PlanRejected("the e-mail has no subject and no text")
    if f.get("draft_task"):
        task = run.session.get(s.Task, int(f["draft_task"]))
        if task is None or task.kind != "email_draft":
            raise PlanRejected(f"draft {f['draft_task']} is not an e-mail draft")
        before = run.snapshot(task)
        task.status = "done"
        run.session.flush()
        run.record(i, "task", task.id, "update", before, run.snapshot(task))
    act = s.Activity(type="email", occurred_at=run.now, subject=subject or "E-mail", body=body,
                     contact_id=contact_id, deal_id=deal_id)
    run.session.add(act)
    run.session.flush()
    run.record(i, "activity", act.id, "create", None, run.snapshot(act))
    if deal_id is not None:
        run.touch_deal(i, deal_id)
    actor, source = run.actor, run.source
    agent = next((who.split(":", 1)[1] for who in (actor, source) if who and who.startswith("agent:")), None)
    sender = run.settings.get("email_from") or run.settings.get("sender_address")
    enrollment, step, variant = _sequence_ref(f.get("sequence"))
    item = email_outbox.queue(run.session, now=run.now, actor=actor, agent=agent, contact_id=contact_id,
                              deal_id=deal_id, activity_id=act.id, to_addr=addr, subject=subject,
                              body=body, in_reply_to=f.get("in_reply_to"), sender=sender,
                              enrollment_id=enrollment, seq_step=step, variant=variant)
    run.created[f"new:{i}"] = item.id
    run.record(i, "email", item.id, "create", None,
               {"id": item.id, "message_id": item.message_id, "to_addr": addr, "subject": subject,
                "not_before": item.not_before.isoformat() if item.not_before is not None else None}, {"internal": True})
