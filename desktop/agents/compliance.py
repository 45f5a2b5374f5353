"""Compliance: do-not-contact and consent for every plan that reaches out to a person.

* :func:`check_plan` - removes outreach actions (``draft_email``, ``book_meeting``) aimed at a contact
  marked do-not-contact, or whose newest consent record for the channel (email for drafts, phone for
  meetings, or "any") is a withdrawal, and says why in ``plan.message``. Voice, typed, UI and agent
  plans all pass through it before approvals; the executor enforces do-not-contact again at apply time.
* :func:`record_consent` - append a consent record (who, when, how, which channel and purpose);
  a withdrawal for channel ``any`` sets the contact's do-not-contact flag, a grant for ``any`` clears
  it. Every change is an audit entry (kind ``consent``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from desktop.domain.plan import OUTREACH_KINDS, Action, Plan
from desktop.store import agents as store
from desktop.store.db import Workspace

CHANNELS = ("email", "phone", "sms", "any")
_KIND_CHANNEL = {"draft_email": "email", "book_meeting": "phone", "send_email": "email", "enroll_sequence": "email"}
_KIND_WHAT = {"draft_email": "drafting an email to", "book_meeting": "booking a meeting with",
              "send_email": "sending an email to", "enroll_sequence": "starting an e-mail sequence for"}


def _contact_for(action, session, dnc_rows: Mapping[int, bool] | None, deal_contacts: Mapping[int, tuple]) -> int | None:
    t = action.target
    if t is None or t.id.startswith("new:"):
        return None
    try:
        local = int(t.id)
    except ValueError:
        return None
    if t.type == "contact":
        return local
    if t.type == "deal":
        if session is not None:
            return store.primary_contact_of(session, "deal", local)
        ids = deal_contacts.get(local) or ()
        return ids[0] if ids else None
    return None


def check_plan(plan: Plan, session_or_rows: Any) -> Plan:
    """A copy of ``plan`` without outreach to do-not-contact (or consent-withdrawn) contacts.

    Args:
        session_or_rows: a SQLAlchemy ``Session`` (do-not-contact flags and consent records are read),
            or plain rows: an iterable of :class:`~desktop.domain.models.ContactRow` (and optionally
            :class:`~desktop.domain.models.DealRow` to resolve deals to their first contact), or a
            mapping ``{contact_id: do_not_contact}``.
    Returns: the plan unchanged when nothing is blocked; otherwise a new Plan with the blocked actions
        removed and ``message`` explaining each removal (e.g. ``"Not drafting an email to Ana Ruiz:
        marked do-not-contact."``). Targets ``"new:<i>"`` of later actions are renumbered.
    """
    if not any(a.kind in OUTREACH_KINDS for a in plan.actions):
        return plan
    session = None
    dnc: dict[int, bool] = {}
    deal_contacts: dict[int, tuple] = {}
    if hasattr(session_or_rows, "execute"):
        session = session_or_rows
    elif isinstance(session_or_rows, Mapping):
        dnc = {int(k): bool(v) for k, v in session_or_rows.items()}
    else:
        for r in session_or_rows or ():
            if hasattr(r, "contact_ids"):
                deal_contacts[r.id] = tuple(r.contact_ids)
            elif hasattr(r, "do_not_contact"):
                dnc[r.id] = bool(r.do_not_contact)
    blocked: dict[int, str] = {}
    for i, a in enumerate(plan.actions):
        if a.kind not in OUTREACH_KINDS:
            continue
        cid = _contact_for(a, session, dnc, deal_contacts)
        if cid is None:
            continue
        who = a.target.name if a.target and a.target.type == "contact" else None
        what = _KIND_WHAT[a.kind]
        if session is not None:
            from desktop.store import queries

            row = queries.contacts_by_ids(session, [cid])
            flagged = bool(row and row[0].do_not_contact)
            who = row[0].name if row else who
            withdrawn = _withdrawn(store.consents(session, cid), _KIND_CHANNEL[a.kind])
        else:
            flagged, withdrawn = dnc.get(cid, False), None
        who = who or f"contact #{cid}"
        if flagged:
            blocked[i] = f"Not {what} {who}: marked do-not-contact."
        elif withdrawn:
            blocked[i] = f"Not {what} {who}: consent for {withdrawn} was withdrawn."
    if not blocked:
        return plan
    return _without(plan, blocked)


def _withdrawn(records: list[dict], channel: str) -> str | None:
    latest: dict[str, bool] = {}
    for r in records:  # oldest first: the newest record per channel wins
        latest[r["channel"]] = r["granted"]
    for ch in (channel, "any"):
        if latest.get(ch) is False:
            return ch if ch != "any" else "all channels"
    return None


def _without(plan: Plan, blocked: dict[int, str]) -> Plan:
    renumber: dict[str, str] = {}
    kept: list[Action] = []
    for i, a in enumerate(plan.actions):
        if i in blocked:
            continue
        renumber[f"new:{i}"] = f"new:{len(kept)}"
        kept.append(a)
    actions = []
    for a in kept:
        t = a.target
        if t is not None and t.id.startswith("new:"):
            if t.id not in renumber:  # pointed at a removed action: drop it too
                continue
            a = a.model_copy(update={"target": t.model_copy(update={"id": renumber[t.id]})})
        actions.append(a)
    notes = " ".join(blocked[i] for i in sorted(blocked))
    message = f"{plan.message} {notes}" if plan.message else notes
    return Plan(transcript=plan.transcript, actions=actions, clarifications=list(plan.clarifications),
                message=message, candidates=list(plan.candidates))


def record_consent(workspace: Workspace, contact_id: int, *, granted: bool, channel: str = "any",
                   method: str, purpose: str = "marketing", recorded_by: str = "user",
                   now: datetime | None = None) -> dict[str, Any]:
    """Record that ``contact_id`` granted or withdrew consent for ``channel`` (email | phone | sms | any).

    Returns: {"consent_id", "do_not_contact" (after), "changed" (flag flipped)}.
    Raises:
        ValueError: unknown channel or empty method.
        LookupError: no such contact.
    """
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}; use one of {', '.join(CHANNELS)}")
    if not method.strip():
        raise ValueError("say how consent was given or withdrawn (e.g. --method 'verbal on call')")
    now = now or datetime.utcnow()
    from desktop.store import schema as s
    from desktop.store.executor import apply_change, snapshot

    facts: dict[str, Any] = {}

    def change(session, changes) -> dict[str, Any]:
        contact = session.get(s.Contact, contact_id)
        if contact is None:
            raise LookupError(f"no contact with id {contact_id}")
        cid = store.add_consent(session, contact_id=contact_id, channel=channel, purpose=purpose,
                                granted=granted, method=method.strip(), recorded_by=recorded_by, at=now)
        changes.record("consent", cid, "create", None,
                       {"contact_id": contact_id, "channel": channel, "purpose": purpose,
                        "granted": granted, "method": method.strip()})
        before = bool(contact.do_not_contact)
        after = before
        if channel == "any":
            after = not granted
            if after != before:
                snap = snapshot(contact)
                store.set_do_not_contact(session, contact_id, after, now)
                session.flush()
                changes.record("contact", contact_id, "update", snap, snapshot(contact))
        facts.update(cid=cid, before=before, after=after,
                     name=f"{contact.first_name} {contact.last_name}")
        return {"contact_id": contact_id, "channel": channel, "purpose": purpose,
                "granted": granted, "method": method.strip(), "consent_id": cid,
                "do_not_contact": {"before": before, "after": after}}

    # the summary names the contact: read it first (a missing contact is refused by change())
    with workspace.uow() as uow:
        found = uow.session.get(s.Contact, contact_id)
        who = f"{found.first_name} {found.last_name}" if found else f"#{contact_id}"
    apply_change(workspace, change, actor=recorded_by, kind="consent", now=now,
                 summary=f"{'granted' if granted else 'withdrew'} {channel} consent: {who}")
    cid, before, after = facts["cid"], facts["before"], facts["after"]
    return {"consent_id": cid, "do_not_contact": after, "changed": after != before}


def contacts_flags(rows: Iterable[Any]) -> dict[int, bool]:
    """{contact id: do_not_contact} from ContactRow-like rows (for :func:`check_plan` without a session)."""
    return {r.id: bool(r.do_not_contact) for r in rows}
