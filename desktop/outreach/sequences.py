"""The sequence engine (issue 15): moves each enrolled contact through its agent's e-mail sequence
(:class:`desktop.domain.sequence.SequenceSpec`, the loadout's ``sequence:`` block).

A sequence is a durable chain per contact: its state (step position, phase, A/B variants, the
approvals it queued) lives in ``sequence_enrollments`` and every transition is one committed
transaction, so :func:`tick` - run at start and then periodically (the app's e-mail sender child,
``spectrum sequence tick``) - resumes each one where it was after a restart or a crash.

One :func:`tick` looks at every active enrollment that is due and, per step:

* **email** - the send-time rules that refuse (kill switch, do-not-contact, withdrawn consent,
  frequency cap) are checked first; then a variant is drawn (``random.Random`` seeded with
  ``"<seed>:<enrollment>:<step>"``: reproducible, recorded in the enrollment and on the outbox row),
  and a ``send_email`` plan goes to the approvals queue (``source = agent:<name>``), or, when the
  step is ``auto_approve``, straight to the executor. The step waits until its outbox row is
  ``sent``; a blocked / failed / cancelled row stops the sequence or (``if_blocked: skip``) skips
  the step, with the reason; a rejected approval stops it.
* **wait** - ``business_days`` weekdays after the newest e-mail was sent (unless a reply came).
* **task** - a ``create_task`` plan (approvals unless ``auto_approve``), then the next step.

A reply to any of the sequence's e-mails (the IMAP reply matching) stops it (status ``replied``) in
the reply's own transaction; so does a kill switch (the engine leaves a killed agent's enrollments
untouched until it is enabled again). ``stop_sequence`` plans ("stop emailing Nina") cancel one.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from desktop.domain.plan import Action, Plan, Target
from desktop.domain.sequence import SequenceSpec, SequenceStep, add_business_days, render
from desktop.outreach import rules
from desktop.store import agents as agents_store
from desktop.store import email_outbox as eo
from desktop.store import sequences as store
from desktop.store.db import Workspace
from desktop.store.executor import PlanRejected, apply_plan

log = logging.getLogger(__name__)


@dataclass
class TickReport:
    """What one :func:`tick` did: ``[(enrollment id, sentence)]`` per outcome."""

    proposed: list[tuple[int, str]] = field(default_factory=list)
    advanced: list[tuple[int, str]] = field(default_factory=list)
    finished: list[tuple[int, str]] = field(default_factory=list)


def sequence_name(agent: str, spec: SequenceSpec) -> str:
    """The sequence's name: ``spec.name``, else the agent's."""
    return spec.name or agent


def choose_variant(step: SequenceStep, seed: int, enrollment_id: int, position: int) -> str:
    """The variant name for one recipient of one step: a uniform draw from ``random.Random`` seeded
    with ``"<seed>:<enrollment id>:<position>"`` (the same inputs give the same variant)."""
    names = [v.name for v in step.all_variants()]
    return names[0] if len(names) == 1 else random.Random(f"{seed}:{enrollment_id}:{position}").choice(names)


def enroll(workspace: Workspace, agent: str, spec: SequenceSpec, contact_id: int, *, now: datetime,
           deal_id: int | None = None) -> tuple[int, bool]:
    """Enroll ``contact_id`` in ``agent``'s sequence (its first step is due at ``now``, naive UTC).
    Returns ``(enrollment id, created)``; an active enrollment is returned as it is."""
    with workspace.uow() as uow:
        out = store.enroll(uow.session, agent=agent, sequence=sequence_name(agent, spec), contact_id=contact_id,
                           deal_id=deal_id, seed=spec.seed, now=now)
        uow.commit()
    return out


def cancel_for_contact(workspace: Workspace, contact_id: int, *, now: datetime, actor: str = "user",
                       reason: str = "stopped by you") -> list[int]:
    """Cancel every active sequence of ``contact_id`` (queued e-mails cancelled, pending approvals
    rejected); returns the enrollment ids."""
    with workspace.uow() as uow:
        ids = store.stop_for_contact(uow.session, contact_id, now, reason=reason, actor=actor)
        uow.commit()
    return ids


class _Engine:
    def __init__(self, workspace: Workspace, specs: Mapping[str, SequenceSpec], now: datetime,
                 report: TickReport) -> None:
        self.ws, self.specs, self.now, self.report = workspace, specs, now, report

    # -- helpers ---------------------------------------------------------------------------
    def _update(self, e: store.Enrollment, text: str | None = None, **values: Any) -> None:
        with self.ws.uow() as uow:
            store.update(uow.session, e.id, self.now, log=text, **values)
            uow.commit()

    def _stop(self, e: store.Enrollment, status: str, reason: str) -> None:
        with self.ws.uow() as uow:
            store.stop(uow.session, e.id, self.now, status=status, reason=reason, actor=f"agent:{e.agent}")
            uow.commit()
        self.report.finished.append((e.id, f"{status}: {reason}"))

    def _next(self, e: store.Enrollment, text: str) -> store.Enrollment:
        self._update(e, text, position=e.position + 1, phase="ready", next_at=self.now)
        self.report.advanced.append((e.id, text))
        return self._reload(e)

    def _reload(self, e: store.Enrollment) -> store.Enrollment:
        with self.ws.uow() as uow:
            fresh = store.get(uow.session, e.id)
        if fresh is None:
            raise LookupError(f"sequence enrollment #{e.id} disappeared")
        return fresh

    def _target(self, e: store.Enrollment, values: dict[str, str]) -> Target:
        return Target(type="contact", id=str(e.contact_id), name=values.get("name") or f"contact {e.contact_id}")

    def _blocker(self, e: store.Enrollment) -> str | None:
        """The send-time rule that would refuse an e-mail to the contact now, or None."""
        with self.ws.uow() as uow:
            probe = eo.EmailRow(0, "", "queued", "", "", "", e.contact_id, e.deal_id, e.agent, None, None, None,
                                self.now, None, None, None, 0, None)
            d = rules.decide(eo.facts(uow.session, probe, self.now), self.now)
        return d.reason if d.action == "block" else None

    def _submit(self, e: store.Enrollment, step: SequenceStep, plan: Plan) -> str | None:
        """Approvals or (auto) the executor. Returns an error sentence when the executor refused."""
        if step.auto_approve:
            try:
                apply_plan(self.ws, plan, actor=f"agent:{e.agent}", source="agent", now=self.now)
            except PlanRejected as exc:
                return str(exc)
            self._update(e, f"step {e.position + 1}: applied (auto-approved)", phase="proposed")
            return None
        with self.ws.uow() as uow:
            store.propose_approval(uow.session, e.id, e.position, now=self.now, source=f"agent:{e.agent}",
                                   plan_json=plan.model_dump_json())
            uow.commit()
        return None

    # -- steps -----------------------------------------------------------------------------
    def run(self, e: store.Enrollment) -> None:
        spec = self.specs.get(e.agent)
        if spec is None:
            return  # its loadout is gone or has no sequence any more: left as it is
        for _ in range(len(spec.steps) + 2):  # at most every step once per tick
            if e.status != store.ACTIVE:
                return
            if e.position >= len(spec.steps):
                self._update(e, "done", status="done", reason="all steps done")
                self.report.finished.append((e.id, "done"))
                return
            step = spec.steps[e.position]
            moved = getattr(self, f"_{step.kind}")(e, step)
            if moved is None:
                return
            e = moved

    def _email(self, e: store.Enrollment, step: SequenceStep) -> store.Enrollment | None:
        with self.ws.uow() as uow:
            row = store.step_email(uow.session, e.id, e.position)
        if e.phase == "ready" and row is None:
            return self._propose_email(e, step)
        if row is None:  # proposed: still in approvals (or the approval was decided otherwise)
            approval_id = e.state.get("approvals", {}).get(str(e.position))
            if approval_id is None:
                return None
            with self.ws.uow() as uow:
                status, error = store.approval_status(uow.session, int(approval_id))
            if status in ("rejected", "missing"):
                self._stop(e, "stopped", f"step {e.position + 1}'s e-mail was rejected in approvals")
            elif status == "failed":
                self._stop(e, "stopped", f"step {e.position + 1}'s e-mail failed: {error}")
            elif status == "applied":  # approved after an edit that dropped its sequence reference
                return self._next(e, f"step {e.position + 1}: approved (its e-mail is not linked to the sequence)")
            return None
        if row.status in eo.OPEN:
            return None
        if row.status == "sent":
            return self._next(e, f"step {e.position + 1}: e-mail sent (variant {row.variant})")
        reason = row.reason or row.status
        if row.status in ("blocked", "dead") and step.if_blocked == "skip":
            return self._next(e, f"step {e.position + 1} skipped: {reason}")
        self._stop(e, "stopped", f"step {e.position + 1}'s e-mail was {row.status}: {reason}")
        return None

    def _propose_email(self, e: store.Enrollment, step: SequenceStep) -> store.Enrollment | None:
        blocked = self._blocker(e)
        if blocked is not None:
            if step.if_blocked == "skip":
                return self._next(e, f"step {e.position + 1} skipped: {blocked}")
            self._stop(e, "stopped", f"step {e.position + 1} not sent: {blocked}")
            return None
        name = e.variants.get(str(e.position)) or choose_variant(step, e.seed, e.id, e.position)
        variant = next(v for v in step.all_variants() if v.name == name)
        with self.ws.uow() as uow:
            values = store.contact_values(uow.session, e.contact_id, e.deal_id)
            earlier = [r for r in store.emails_of(uow.session, e.id) if r.status == "sent"]
        fields: dict[str, object] = {"subject": render(variant.subject, values).strip(),
                                     "body": render(variant.body, values), "sequence": f"{e.id}:{e.position}:{name}"}
        if step.in_thread and earlier:
            fields["in_reply_to"] = earlier[-1].message_id
        self._update(e, f"step {e.position + 1}: variant {name}", state={
            "variants": {**e.variants, str(e.position): name}})
        seq = sequence_name(e.agent, self.specs[e.agent])
        plan = Plan(transcript=f"{e.agent} sequence {seq}, step {e.position + 1}, to {values['name']} "
                               f"[seq:{e.id}:{e.position}]",
                    actions=[Action(kind="send_email", target=self._target(e, values), fields=fields)])
        error = self._submit(e, step, plan)
        if error is not None:
            if step.if_blocked == "skip":
                return self._next(e, f"step {e.position + 1} skipped: {error}")
            self._stop(e, "stopped", f"step {e.position + 1} not sent: {error}")
            return None
        self.report.proposed.append((e.id, f"step {e.position + 1} e-mail (variant {name})"))
        return None

    def _wait(self, e: store.Enrollment, step: SequenceStep) -> store.Enrollment | None:
        if e.phase != "waiting":
            with self.ws.uow() as uow:
                sent = [r.sent_at for r in store.emails_of(uow.session, e.id) if r.sent_at is not None]
            until = add_business_days(max(sent) if sent else self.now, step.business_days)
            self._update(e, f"step {e.position + 1}: waiting until {until:%Y-%m-%d %H:%M} UTC unless they reply",
                         phase="waiting", next_at=until)
            e = self._reload(e)
        if e.next_at is not None and e.next_at > self.now:
            return None
        return self._next(e, f"step {e.position + 1}: no reply after {step.business_days} business day(s)")

    def _task(self, e: store.Enrollment, step: SequenceStep) -> store.Enrollment | None:
        if e.phase == "proposed":  # queued already (a crash between queueing and moving on)
            return self._next(e, f"step {e.position + 1}: task proposed")
        if step.auto_approve:  # applied before a crash? the plan's audit entry carries its marker
            with self.ws.uow() as uow:
                done = agents_store.find_audit_marker(uow.session, f"agent:{e.agent}", f"[seq:{e.id}:{e.position}]",
                                                      e.created_at)
            if done is not None:
                return self._next(e, f"step {e.position + 1}: task applied")
        with self.ws.uow() as uow:
            values = store.contact_values(uow.session, e.contact_id, e.deal_id)
        due = (self.now + timedelta(days=step.due_in_days)).date().isoformat()
        plan = Plan(transcript=f"{e.agent} sequence step {e.position + 1} for {values['name']} "
                               f"[seq:{e.id}:{e.position}]",
                    actions=[Action(kind="create_task", target=self._target(e, values),
                                    fields={"title": render(step.title, values).strip(), "due_date": due})])
        error = self._submit(e, step, plan)
        if error is not None:
            self._stop(e, "stopped", f"step {e.position + 1}'s task failed: {error}")
            return None
        self.report.proposed.append((e.id, f"step {e.position + 1} task"))
        return self._next(self._reload(e), f"step {e.position + 1}: task proposed")


def tick(workspace: Workspace, specs: Mapping[str, SequenceSpec], now: datetime) -> TickReport:
    """Advance every due active enrollment once (see the module docstring). ``specs``: ``{agent
    name: its loadout's sequence}``; ``now``: naive UTC. Enrollments of killed agents wait."""
    report = TickReport()
    with workspace.uow() as uow:
        due = store.due(uow.session, now)
        killed = eo.killed_agents(uow.session)
    engine = _Engine(workspace, specs, now, report)
    for e in due:
        if e.agent in killed or "*" in killed:
            continue
        try:
            engine.run(e)
        except Exception:  # one enrollment's failure is logged and must not stop the others
            log.exception("sequence enrollment %s failed", e.id)
    return report


def ticker(workspace: Workspace, specs: Callable[[], Mapping[str, SequenceSpec]],
           clock: Callable[[], datetime]) -> Callable[[], TickReport]:
    """A no-argument callable running :func:`tick` with the current ``specs()`` at ``clock()``
    (for the sender's watch loop)."""
    return lambda: tick(workspace, specs(), clock())
