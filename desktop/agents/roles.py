"""The built-in agents' work: think tools, the ``propose_plan`` act tool and each kind's chain.

Every think tool does its job deterministically (scores, stale deals, metrics, template drafts) and
uses the LLM only for language (``ctx.say``) when the loadout resolves to a model. A think tool that
wants a change puts a ``"plan"`` (Plan JSON) in its output; the following ``propose_plan`` step takes
the newest such plan. ``"_next"`` in an output inserts further steps right after it; ``"chat"`` is
posted to the agent's teammate chat by the service.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from desktop.agents import bant as B
from desktop.agents.chain import StepSpec
from desktop.agents.tools import ToolContext, figure, money, ref, tool
from desktop.domain.plan import Action, Plan, Target


def chain_for(loadout: Any, input: dict[str, Any] | None = None) -> list[StepSpec]:
    """The steps of one run of ``loadout`` (``input``: e.g. ``{"text": note, "deal": "Globex"}`` for
    post-call)."""
    p = loadout.params or {}
    input = input or {}
    if loadout.kind == "qualifier":
        if input.get("bant") is not None:  # handed over by post-call: one deal's verdict and route
            return [StepSpec("qualify_deal", {"bant": input["bant"], "deal": input.get("deal"),
                                              "text": input.get("text") or ""}), StepSpec("propose_plan")]
        return [StepSpec("qualify_leads", {"hot_limit": int(p.get("hot_limit", 5))}), StepSpec("propose_plan")]
    if loadout.kind == "ghostbuster":
        return [StepSpec("stalled_deals", {"days": int(p.get("stale_days", 7)),
                                           "limit": int(p.get("max_deals", 5))})]
    if loadout.kind == "post_call":
        if input.get("text"):
            steps = [StepSpec("plan_from_note", {"text": input["text"], "deal": input.get("deal"),
                                                 "log": bool(input.get("log", True)),
                                                 "follow_up": not loadout.handoff}), StepSpec("propose_plan")]
            if loadout.handoff:
                steps.append(StepSpec("hand_off", {"to": loadout.handoff}))
            return steps
        return [StepSpec("recent_calls", {"hours": int(p.get("lookback_hours", 24)),
                                          "limit": int(p.get("max_calls", 5))})]
    if loadout.kind == "follow_up":
        return [StepSpec("sequence_candidates", {"band": str(p.get("band", "WARM")),
                                                 "limit": int(p.get("max_contacts", 3)),
                                                 "reenroll_days": int(p.get("reenroll_days", 90))})]
    if loadout.kind == "briefing":
        return [StepSpec("morning_brief", {"leads": int(p.get("top_leads", 5))})]
    if loadout.kind == "cfo":
        return [StepSpec("finance_summary")]
    return []


def _workday(day: date, days: int) -> date:
    d = day + timedelta(days=days)
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return d


# -- act -------------------------------------------------------------------------------------------
@tool("propose_plan", "act", "Offer the newest plan of this run for approval (or apply it with autonomy auto).")
async def propose_plan(ctx: ToolContext) -> dict:
    plan_json = next((ctx.outputs[p]["plan"] for p in sorted(ctx.outputs, reverse=True)
                      if ctx.outputs[p].get("plan")), None)
    if plan_json is None or ctx.propose is None:
        return {"skipped": True, "message": "nothing to propose"}
    return await ctx.propose(Plan.model_validate(plan_json))


@tool("hand_off", "think", "Hand this run's result (the deal, the note and its BANT+) to the next agent of the chain.")
async def hand_off(ctx: ToolContext, to: str) -> dict:
    """Create the next agent's run (once: a resumed step finds the run it created before, by its
    idempotency key) with this run's deal, note and BANT+ as its input; the service runs it next."""
    from dataclasses import asdict

    from desktop.store import agents as store

    src = next((ctx.outputs[p] for p in sorted(ctx.outputs, reverse=True) if "bant" in ctx.outputs[p]), None)
    if src is None or src.get("target") is None:
        return {"skipped": True, "message": f"nothing to hand to {to}: the note names no deal"}
    key = f"{ctx.agent.name}:{ctx.run_id}:handoff"
    inp = {"bant": src["bant"], "deal": src["target"]["id"], "text": ctx.input.get("text") or ""}
    with ctx.workspace.uow() as uow:
        child = store.run_by_parent(uow.session, key)
        if child is None:
            lo = ctx.loadouts.get(to) if ctx.loadouts else None
            if lo is None:
                return {"skipped": True, "message": f"no agent called {to!r} to hand over to"}
            state = {"steps": [asdict(s) for s in chain_for(lo, inp)], "input": inp, "now": ctx.now.isoformat(),
                     "parent_run": ctx.run_id, "parent_key": key}
            child = store.create_run(uow.session, to, ctx.now, state)
        uow.commit()
    return {"handoff": {"agent": to, "run_id": child}, "message": f"handed over to {to} (run #{child})"}


def _follow_up_text(q: B.Bant) -> str:
    nxt = q.next_step or "the next step we discussed"
    return (f"Hi,\n\nThank you for your time today. As agreed, {nxt}."
            + (f" We noted your timeline of {q.timeline}." if q.timeline else "")
            + "\n\nLet me know if I missed anything.\n\nBest regards")


@tool("qualify_deal", "think", "Give one deal a verdict (qualified / nurture / disqualified) from its BANT+ and route "
      "it: hot -> a call task today and the follow-up draft, warm -> a sequence (draft now, task in a week), "
      "cold -> a nurture check-in in 30 days.")
async def qualify_deal(ctx: ToolContext, bant: dict, deal: Any = None, text: str = "") -> dict:
    target = _deal_target(ctx, deal)
    fields = {k: bant.get(k) for k in ("budget", "authority", "need", "timeline", "competitor", "next_step",
                                        "sentiment", "evidence")}
    if fields.get("competitor") is None and bant.get("competition"):
        fields["competitor"] = bant["competition"]
    q = B.Bant(**fields)
    verdict = B.qualify(q, text, ctx.now)
    out: dict[str, Any] = {"verdict": verdict.as_dict(), "bant_filled": q.filled}
    if target is None:
        out["message"] = "no deal to route"
        return out
    today = ctx.now.date()
    why = "; ".join(verdict.reasons)
    actions = [Action(kind="log_activity", target=target, fields={
        "activity_type": "note", "body": f"Qualifier verdict: {verdict.verdict}, route {verdict.route} ({why})."})]
    if verdict.route in ("hot", "warm"):
        body = await ctx.say("follow_up", _follow_up_text(q), {"note": text[:2000], "bant": q.as_dict()})
        actions.append(Action(kind="draft_email", target=target,
                              fields={"subject": f"Follow-up: {target.name}", "body": body}))
    if verdict.route == "hot":
        actions.append(Action(kind="create_task", target=target, fields={
            "title": f"Call today: {target.name} is HOT ({verdict.verdict})", "due_date": today.isoformat()}))
    elif verdict.route == "warm":
        actions.append(Action(kind="create_task", target=target, fields={
            "title": f"Sequence: follow up on {target.name} if no reply", "due_date": _workday(today, 5).isoformat()}))
    else:
        actions.append(Action(kind="create_task", target=target, fields={
            "title": f"Nurture: check in with {target.name}", "due_date": _workday(today, 30).isoformat()}))
    plan = Plan(transcript=f"Qualifier: {target.name} is {verdict.verdict} ({verdict.route})", actions=actions)
    out.update(deal=ref("deal", target.id, target.name), plan=plan.model_dump(mode="json"))
    return out


# -- qualifier -------------------------------------------------------------------------------------
@tool("qualify_leads", "think", "Score every contact, extract BANT+ for the HOT ones and plan call tasks.")
async def qualify_leads(ctx: ToolContext, hot_limit: int = 5) -> dict:
    from desktop.agents.scoring import Scorer, rank
    from desktop.store import agents as store
    from desktop.store import queries

    with ctx.session() as uow:
        rows = store.lead_features(uow.session, ctx.now)
        ranking = rank(Scorer((ctx.agent.params or {}).get("icp")), rows, top=0, per_band=max(hot_limit * 3, 10))
        hot = ranking.by_band["HOT"][: hot_limit * 3]
        notes = store.notes_text(uow.session, [s.contact_id for s in hot])
        busy = {s.contact_id for s in hot if any(t["status"] == "open" for t in
                                                  queries.tasks_for(uow.session, contact_id=s.contact_id))}
    top: list[dict[str, Any]] = []
    actions: list[Action] = []
    for s in hot:
        entry = s.as_dict()
        entry["bant"] = B.extract(notes.get(s.contact_id, ""), ctx.now).as_dict()
        top.append(entry)
        if s.do_not_contact or s.contact_id in busy or len(actions) >= hot_limit:
            continue
        why = "; ".join(s.reasons) or "strong ICP fit"
        actions.append(Action(kind="create_task", target=Target(type="contact", id=str(s.contact_id), name=s.name),
                              fields={"title": f"Call {s.name} - HOT lead, score {s.score} ({why})",
                                      "due_date": ctx.now.date().isoformat()}))
    out: dict[str, Any] = {"scored": ranking.scored, "bands": ranking.bands, "hot": top[:hot_limit],
                           "warm": [s.as_dict() for s in ranking.by_band["WARM"][:10]]}
    if actions:
        out["plan"] = Plan(transcript=f"Qualifier: call {len(actions)} HOT lead(s) today",
                           actions=actions).model_dump(mode="json")
    return out


# -- ghostbuster -----------------------------------------------------------------------------------
@tool("stalled_deals", "think", "Find open deals with no activity for N+ days and queue a diagnosis of each.")
async def stalled_deals(ctx: ToolContext, days: int = 7, limit: int = 5) -> dict:
    from desktop.agents.chain import recent_proposals
    from desktop.agents.tools import stale_deals

    found = await stale_deals(ctx, days=days, limit=limit * 4)
    # no repeats: a deal whose re-engagement is pending, or was approved / rejected lately, waits
    seen = recent_proposals(ctx.workspace, ctx.agent, ctx.now)
    waiting = [d for d in found["deals"] if any(f"{k}:deal:{d['id']}" in seen for k in ("draft_email", "create_task"))]
    found["deals"] = [d for d in found["deals"] if d not in waiting][:limit]
    nxt = []
    for d in found["deals"]:
        nxt += [{"tool": "diagnose_stall", "args": {"deal_id": d["id"]}}, {"tool": "propose_plan", "args": {}}]
    return {"total": found["total"], "deals": found["deals"], "_next": nxt,
            "already_proposed": [{"id": d["id"], "name": d["name"]} for d in waiting]}


def stall_reasons(deal: dict, now: datetime) -> list[str]:
    """Why a deal stalled, from its record (days inactive, next step, close date, competitor,
    sentiment and BANT gaps in its notes)."""
    reasons = []
    acts = deal.get("activities") or []
    last = deal.get("last_activity_at")
    if last:
        days = (now - datetime.fromisoformat(str(last))).days
        reasons.append(f"no activity for {days} days")
    if not deal.get("next_step"):
        reasons.append("no next step agreed")
    if deal.get("close_date"):
        close = date.fromisoformat(str(deal["close_date"])[:10])
        if close < now.date():
            reasons.append(f"close date {close.isoformat()} has passed")
        elif (close - now.date()).days <= 14:
            reasons.append(f"close date {close.isoformat()} is within two weeks")
    if deal.get("competitor"):
        reasons.append(f"competing with {deal['competitor']}")
    notes = "\n".join(" ".join(x for x in (a.get("subject"), a.get("body")) if x) for a in acts)
    q = B.extract(notes, now)
    if q.sentiment == "negative" or any(a.get("sentiment") == "negative" for a in acts[:3]):
        reasons.append("the last conversations were negative")
    if q.budget is None and q.authority is None:
        reasons.append("budget and decision-maker never confirmed")
    if not deal.get("contacts"):
        reasons.append("no contact on the deal")
    return reasons


@tool("diagnose_stall", "think", "Explain why one deal stalled and draft a re-engagement email and task.")
async def diagnose_stall(ctx: ToolContext, deal_id: int) -> dict:
    from desktop.agents.tools import show_record

    rec = (await show_record(ctx, "deal", str(deal_id))).get("record")
    if rec is None:
        return {"deal_id": deal_id, "error": "deal no longer exists"}
    reasons = stall_reasons(rec, ctx.now)
    contact = (rec.get("contacts") or [{}])[0]
    first = contact.get("first_name") or "there"
    topic = rec["name"].split(" - ", 1)[-1]
    template = (f"Hi {first},\n\nIt's been a little while since we last spoke about {topic}. "
                f"I wanted to check where things stand on your side"
                + (f" - is {rec['next_step']} still the plan?" if rec.get("next_step") else ".")
                + "\n\nWould a 20-minute call this week help to agree the next step?\n\nBest regards")
    body = await ctx.say("draft", template, {"deal": rec["name"], "stage": rec.get("stage_label"),
                                             "reasons": reasons, "contact": first})
    target = Target(type="deal", id=str(rec["id"]), name=rec["name"])
    plan = Plan(transcript=f"Ghostbuster: re-engage {rec['name']}", actions=[
        Action(kind="draft_email", target=target, fields={"subject": f"Next steps on {topic}", "body": body}),
        Action(kind="create_task", target=target, fields={
            "title": f"Re-engage {rec['name']} (stalled: {reasons[0] if reasons else 'no activity'})",
            "due_date": _workday(ctx.now.date(), 2).isoformat()})])
    last = rec.get("last_activity_at")
    quiet = (ctx.now - datetime.fromisoformat(str(last))).days if last else None
    return {"deal": ref("deal", rec["id"], rec["name"]), "reasons": reasons, "draft": body, "days_inactive": quiet,
            "plan": plan.model_dump(mode="json")}


# -- follow-up sequences ---------------------------------------------------------------------------
def sequence_outline(spec: Any) -> str:
    """The steps of a sequence in words: ``e-mail -> wait 3 business days unless they reply ->
    follow-up e-mail (in thread) -> call task``."""
    parts, emails = [], 0
    for st in spec.steps:
        if st.kind == "email":
            emails += 1
            parts.append(("e-mail" if emails == 1 else "follow-up e-mail") + (" (in thread)" if st.in_thread else "")
                         + (" (A/B)" if len(st.variants) > 1 else ""))
        elif st.kind == "wait":
            parts.append(f"wait {st.business_days} business day{'s' if st.business_days != 1 else ''} unless they reply")
        else:
            parts.append("task: " + (st.title or "follow up"))
    return " -> ".join(parts)


@tool("sequence_candidates", "think", "Find contacts of one lead band (WARM by default) who may start this agent's "
      "e-mail sequence, and queue an enrolment proposal for each.")
async def sequence_candidates(ctx: ToolContext, band: str = "WARM", limit: int = 3, reenroll_days: int = 90) -> dict:
    """Contacts scored in ``band`` that are not do-not-contact, have not withdrawn e-mail consent,
    have an e-mail address, are in no active sequence, were not in this one within ``reenroll_days``
    and have no enrolment of this agent pending, approved lately or rejected lately (no repeats);
    at most ``limit``. Each gets a ``plan_enrolment`` + ``propose_plan`` step."""
    from desktop.agents.chain import recent_proposals
    from desktop.agents.compliance import check_plan
    from desktop.agents.tools import score_leads
    from desktop.store import queries
    from desktop.store import sequences as seq_store

    spec = ctx.agent.sequence
    if spec is None:
        return {"skipped": True, "message": f"{ctx.agent.name} has no sequence: add a 'sequence:' block to its loadout"}
    name = spec.name or ctx.agent.name  # as desktop.outreach.sequences.sequence_name
    scored = (await score_leads(ctx, limit=max(50, limit * 10), band=band.upper()))["top"]
    seen = recent_proposals(ctx.workspace, ctx.agent, ctx.now)
    since = ctx.now - timedelta(days=reenroll_days)
    picked: list[dict] = []
    passed_over: list[dict] = []
    with ctx.session() as uow:
        busy = seq_store.active_contacts(uow.session)
        recent = {e.contact_id for e in seq_store.listed(uow.session, limit=10_000)
                  if e.agent == ctx.agent.name and e.sequence == name and (e.finished_at or e.created_at) >= since}
        for sc in scored:
            cid, who = sc["contact_id"], sc["name"]
            why = None
            if f"enroll_sequence:contact:{cid}" in seen:
                approval, status = seen[f"enroll_sequence:contact:{cid}"]
                why = f"already proposed (approval #{approval}, {status})"
            elif cid in busy:
                why = "already in an active sequence"
            elif cid in recent:
                why = f"was in the {name} sequence within {reenroll_days} days"
            else:
                rows = queries.contacts_by_ids(uow.session, [cid])
                if not rows or not rows[0].email:
                    why = "no e-mail address"
                else:
                    probe = Plan(transcript="", actions=[Action(kind="enroll_sequence", target=Target(
                        type="contact", id=str(cid), name=who), fields={"agent": ctx.agent.name, "sequence": name})])
                    checked = check_plan(probe, uow.session)
                    if not checked.actions:
                        why = checked.message or "blocked by do-not-contact or consent"
            if why is None:
                if len(picked) < limit:
                    picked.append({"id": cid, "name": who, "score": sc["score"], "reasons": sc["reasons"][:3]})
            else:
                passed_over.append({"id": cid, "name": who, "why": why})
    nxt = []
    for c in picked:
        nxt += [{"tool": "plan_enrolment", "args": {"contact_id": c["id"]}}, {"tool": "propose_plan", "args": {}}]
    return {"sequence": name, "outline": sequence_outline(spec), "band": band.upper(), "contacts": picked,
            "passed_over": passed_over, "_next": nxt}


@tool("plan_enrolment", "think", "Plan one contact's enrolment in this agent's e-mail sequence.")
async def plan_enrolment(ctx: ToolContext, contact_id: int) -> dict:
    from desktop.store import queries

    spec = ctx.agent.sequence
    if spec is None:
        return {"skipped": True, "message": "no sequence"}
    with ctx.session() as uow:
        rows = queries.contacts_by_ids(uow.session, [int(contact_id)])
    if not rows:
        return {"contact_id": contact_id, "error": "contact no longer exists"}
    c = rows[0]
    name, outline = spec.name or ctx.agent.name, sequence_outline(spec)
    plan = Plan(transcript=f"{ctx.agent.role}: start the {name} sequence for {c.name}", actions=[
        Action(kind="enroll_sequence", target=Target(type="contact", id=str(c.id), name=c.name),
               fields={"agent": ctx.agent.name, "sequence": name, "seed": spec.seed, "steps": outline})])
    return {"contact": ref("contact", c.id, c.name), "sequence": name, "outline": outline,
            "plan": plan.model_dump(mode="json")}


# -- post-call -------------------------------------------------------------------------------------
def _deal_target(ctx: ToolContext, deal: Any) -> Target | None:
    if deal in (None, ""):
        return None
    from desktop.store import queries
    from desktop.store.errors import WorkspaceError

    with ctx.session() as uow:
        try:
            d = queries.show(uow.session, "deal", str(deal))
        except WorkspaceError:
            return None
    return Target(type="deal", id=str(d["id"]), name=d["name"])


@tool("extract_bant", "think", "Extract budget, authority, need, timeline, competition and next step from text.")
async def extract_bant(ctx: ToolContext, text: str) -> dict:
    return B.extract(text, ctx.now).as_dict()


@tool("plan_from_note", "think", "Turn a call note into a plan: log the call, update the deal with BANT+, "
      "draft the follow-up and create the next task (offline planner + extraction).")
async def plan_from_note(ctx: ToolContext, text: str, deal: Any = None, log: bool = True,
                         follow_up: bool = True) -> dict:
    """The call note as a plan: the call logged on the deal (and its contact), a BANT+ note with the
    sentence each field came from, competitor / next step / close date (from the timeline: the
    user confirms it by approving) on the deal; with ``follow_up`` also a draft and the next task
    (off when a next agent of the chain routes the deal)."""
    from desktop.agents.compliance import check_plan
    from desktop.agents.tools import planner_for
    from desktop.planner.offline import PlanContext

    target = _deal_target(ctx, deal)
    base = planner_for(ctx).plan(text, now=ctx.now, context=PlanContext(target=target))
    with ctx.workspace.uow() as uow:
        base = check_plan(base, uow.session)  # no outreach to do-not-contact contacts
    q = B.extract(text, ctx.now)
    actions = [a for a in base.actions if not a.read_only and (log or a.kind != "log_activity")]
    if target is None:
        target = next((a.target for a in actions if a.target is not None and a.target.type == "deal"), None)
    kinds = {a.kind for a in actions}
    if log and "log_activity" not in kinds and target is not None:
        actions.insert(0, Action(kind="log_activity", target=target, fields={
            "activity_type": "call", "body": text.strip()[:4000], "sentiment": q.sentiment}))
    if target is not None:
        upd = {k: v for k, v in {"competitor": q.competitor, "next_step": q.next_step,
                                  "close_date": q.timeline}.items() if v}
        existing = next((a for a in actions if a.kind == "update_deal" and a.target == target), None)
        if upd and existing is not None:
            existing.fields.update({k: v for k, v in upd.items() if k not in existing.fields})
        elif upd:
            actions.append(Action(kind="update_deal", target=target, fields=upd))
        bant_lines = bant_note(q)
        if bant_lines:
            actions.append(Action(kind="log_activity", target=target, fields={
                "activity_type": "note", "body": bant_lines}))
        if follow_up and "draft_email" not in kinds:
            nxt = q.next_step or "the next step we discussed"
            template = (f"Hi,\n\nThank you for your time today. As agreed, {nxt}."
                        + (f" We noted your timeline of {q.timeline}." if q.timeline else "")
                        + "\n\nLet me know if I missed anything.\n\nBest regards")
            body = await ctx.say("follow_up", template, {"note": text[:2000], "bant": q.as_dict()})
            actions.append(Action(kind="draft_email", target=target,
                                  fields={"subject": f"Follow-up: {target.name}", "body": body}))
        if follow_up and "create_task" not in kinds and "book_meeting" not in kinds:
            due = q.timeline if q.timeline and q.timeline <= _workday(ctx.now.date(), 14).isoformat() else None
            actions.append(Action(kind="create_task", target=target, fields={
                "title": f"Next step: {q.next_step or 'follow up on the call'} ({target.name})",
                "due_date": due or _workday(ctx.now.date(), 2).isoformat()}))
    plan = Plan(transcript=f"Post-call: {text.strip()[:160]}", actions=actions,
                clarifications=list(base.clarifications), candidates=list(base.candidates),
                message=base.message if not actions else None)
    return {"bant": q.as_dict(), "target": target.model_dump() if target else None,
            "plan": plan.model_dump(mode="json") if plan.mutating or plan.clarifications else None}


def bant_note(q: B.Bant) -> str | None:
    """The BANT+ note stored on the deal (and its contact): one line per known field with the
    sentence it came from; None when the note stated none."""
    names = [("budget", "Budget"), ("authority", "Authority"), ("need", "Need"), ("timeline", "Timeline"),
             ("competitor", "Competitor"), ("next_step", "Next step")]
    ev = q.evidence or {}
    lines = []
    for key, label in names:
        v = getattr(q, key)
        if v is None:
            continue
        shown = money(v) if key == "budget" else str(v)
        lines.append(f"{label}: {shown}" + (f' - "{ev[key]}"' if ev.get(key) else ""))
    return ("BANT+\n" + "\n".join(lines)) if lines else None


@tool("recent_calls", "think", "Find calls and meetings of the last N hours whose deal has no open task and "
      "queue post-call processing for each.")
async def recent_calls(ctx: ToolContext, hours: int = 24, limit: int = 5) -> dict:
    from desktop.store import agents as store
    from desktop.store import queries

    with ctx.session() as uow:
        calls = store.recent_calls(uow.session, ctx.now - timedelta(hours=hours), limit=limit * 3)
        todo = [c for c in calls if c["deal_id"] is not None and c["at"] <= ctx.now
                and not any(t["status"] == "open" for t in queries.tasks_for(uow.session, deal_id=c["deal_id"]))]
    todo = todo[:limit]
    nxt = []
    for c in todo:
        text = " ".join(x for x in (c["subject"], c["body"]) if x)
        nxt += [{"tool": "plan_from_note", "args": {"text": text, "deal": c["deal_id"], "log": False}},
                {"tool": "propose_plan", "args": {}}]
    out: dict[str, Any] = {"calls": [{**c, "at": c["at"].isoformat()} for c in todo], "_next": nxt}
    if not todo:
        out["message"] = f"No calls or meetings in the last {hours} h without a follow-up task."
    return out


# -- briefing and CFO ------------------------------------------------------------------------------
@tool("morning_brief", "think", "Today's tasks, top leads to call and why, deals at risk, revenue moves since yesterday.")
async def morning_brief(ctx: ToolContext, leads: int = 5) -> dict:
    from desktop.agents.tools import open_tasks, score_leads, stale_deals
    from desktop.store import agents as store
    from desktop.store import metrics

    tasks = (await open_tasks(ctx))["tasks"]
    top = [x for x in (await score_leads(ctx, limit=leads * 2))["top"] if not x["do_not_contact"]][:leads]
    stale = await stale_deals(ctx, limit=5)
    with ctx.session() as uow:
        mrr_now = float(metrics.mrr_cents(uow.session, ctx.now)) / 100
        mrr_then = float(metrics.mrr_cents(uow.session, ctx.now - timedelta(days=1))) / 100
        moves = store.deals_changed_since(uow.session, ctx.now - timedelta(days=1))
    lines = [f"Good morning - here is your brief for {ctx.now.date().isoformat()}.", "", f"Today's tasks ({len(tasks)}):"]
    lines += [f"  - {t['title']}" + (f" (due {t['due_date']})" if t["due_date"] else "") for t in tasks[:10]] or ["  - none"]
    lines += ["", "Leads to call:"]
    lines += [f"  - {x['name']} ({x['company'] or 'no company'}): {x['band']} {x['score']} - "
              f"{'; '.join(x['reasons']) or 'ICP fit'}" for x in top] or ["  - none"]
    lines += ["", f"Deals at risk ({stale['total']} with no activity for 7+ days):"]
    lines += [f"  - {d['name']} ({d['stage']}, {money(d['amount'])}): {d['days_inactive']} days quiet"
              for d in stale["deals"]] or ["  - none"]
    won = [m for m in moves if m["won"]]
    lost = [m for m in moves if m["lost"]]
    new = [m for m in moves if m["new"]]
    lines += ["", "Revenue moves since yesterday:", f"  - MRR {money(mrr_now)} ({mrr_now - mrr_then:+,.0f})"]
    lines += [f"  - won {m['name']} {money(m['amount'])}" for m in won]
    lines += [f"  - lost {m['name']} {money(m['amount'])}" for m in lost]
    lines += [f"  - new deal {m['name']} {money(m['amount'])}" for m in new]
    text = "\n".join(lines)
    context = ([ref("task", t["id"], t["title"]) for t in tasks[:10]]
               + [ref("contact", x["contact_id"], x["name"], score=x["score"]) for x in top]
               + [ref("deal", d["id"], d["name"]) for d in stale["deals"]]
               + [figure("mrr", round(mrr_now, 2), "Stripe subscriptions (active + past_due)"),
                  figure("mrr_change_1d", round(mrr_now - mrr_then, 2), "MRR now minus 24 hours ago")])
    text = await ctx.say("brief", text, {"tasks": len(tasks), "leads": top, "stale": stale["deals"], "moves": moves})
    return {"chat": text, "context": context, "tasks": len(tasks), "leads": top,
            "at_risk": stale["deals"], "moves": moves}


def finance_text(r: dict, mrr_30: float, what: dict | None = None) -> str:
    """The CFO's summary lines from :func:`revenue_report` output and MRR 30 days ago."""
    mrr = r["mrr"] or 0.0
    lines = [f"Burn is {money(r['burn'])}/month (average of the last 3 full months).",
             f"MRR is {money(mrr)} ({mrr - mrr_30:+,.0f} over 30 days); ARR {money(r['arr'])}."]
    if r["cash_balance"] is None:
        lines.append("Runway: unknown - set the cash balance with `spectrum set cash AMOUNT`.")
    elif r["runway_months"] is None:
        lines.append(f"Cash {money(r['cash_balance'])}; not burning cash, so runway is not limited by burn.")
    else:
        lines.append(f"Cash {money(r['cash_balance'])} gives {r['runway_months']} months of runway.")
    if what:
        hire = (f"{what['hires']} hire(s) at {money(what['annual_salary'])}/year (loaded x{what['loaded_factor']})"
                if what.get("annual_salary") else f"{money(what['extra_monthly'])}/month more")
        lines.append(f"With {hire}: burn {money(what['burn'])} -> {money(what['new_burn'])}/month"
                     + (f", runway {what['runway_months']} -> {what['new_runway_months']} months."
                        if what.get("new_runway_months") is not None else "."))
    return " ".join(lines)


@tool("finance_summary", "think", "Burn, runway, MRR movement over 30 days, ARR.")
async def finance_summary(ctx: ToolContext) -> dict:
    from desktop.agents.tools import revenue_report
    from desktop.store import metrics

    r = await revenue_report(ctx)
    with ctx.session() as uow:
        mrr_30 = float(metrics.mrr_cents(uow.session, ctx.now - timedelta(days=30))) / 100
    text = finance_text(r, mrr_30)
    context = [figure(k, r[k], "spectrum report") for k in ("burn", "mrr", "arr", "cash_balance", "runway_months")]
    context.append(figure("mrr_30_days_ago", round(mrr_30, 2), "MRR at now - 30 days"))
    text = await ctx.say("summary", text, {"report": r, "mrr_30_days_ago": mrr_30})
    return {"chat": text, "context": context, "report": r}
