"""A full sandbox round through the real push and pull path (executor plans -> outbox ->
StoreState -> SyncWorker / SyncEngine -> adapter), used by the recorded-requests contract tests
(``test_contract_requests.py``) and by ``scripts/hubspot_contract_check.py`` (the same round
through Stoplight Prism validating against HubSpot's published OpenAPI files).

The round: connect (key property), full pull, local creates (a company with empty fields, a
contact without a phone, a deal, a note, a call, a meeting, an e-mail, a task without a due date),
push; updates (set and clear a phone, clear a deal's amount and close date, stage moves, a contact
moved to another company, a contact taken off a deal), push; a stage made locally with no CRM
stage (held, then mapped where the code can map), push; a remote edit and an incremental pull; a
delete, push.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import delete, select

from desktop.domain.plan import Action, Plan, Target
from desktop.store import schema as s
from desktop.store.executor import apply_plan
from desktop.store.sync_state import StoreState
from desktop.sync.engine import SyncEngine
from desktop.sync.worker import SyncWorker

OLD_MS = 1_700_000_000_000
OLD_S = 1_700_000_000


def _plan(ws, text: str, *actions: Action, destructive: bool = False) -> Any:
    return apply_plan(ws, Plan(transcript=text, actions=list(actions), requires_confirmation=True),
                      confirmed_destructive=destructive)


def _id(ws, model, **where) -> int:
    with ws.uow() as uow:
        return uow.session.execute(select(model.id).filter_by(**where)).scalars().first()


def _t(kind: str, local_id: int, name: str = "") -> Target:
    return Target(type=kind, id=str(local_id), name=name or kind)


def seed_hubspot(hs) -> dict[str, Any]:
    """Remote records the round starts from (HubSpot emulator data)."""
    acme = hs.create("companies", {"name": "Acme", "domain": "acme.test"}, updated_ms=OLD_MS)
    initech = hs.create("companies", {"name": "Initech"}, updated_ms=OLD_MS)
    ada = hs.create("contacts", {"firstname": "Ada", "lastname": "Lovelace", "email": "ada@acme.test",
                                 "phone": "555-0100"}, updated_ms=OLD_MS)
    bo = hs.create("contacts", {"firstname": "Bo", "lastname": "Ng", "email": "bo@acme.test"},
                   updated_ms=OLD_MS)
    hs.associate("contacts", ada["id"], "companies", acme["id"])
    hs.associate("contacts", bo["id"], "companies", acme["id"])
    deal = hs.create("deals", {"dealname": "Pilot", "dealstage": "qualifiedtobuy", "pipeline": "default",
                               "amount": "1000", "closedate": "2026-12-31"}, updated_ms=OLD_MS)
    for c in (ada, bo):
        hs.associate("deals", deal["id"], "contacts", c["id"])
    hs.associate("deals", deal["id"], "companies", acme["id"])
    return {"acme": acme, "initech": initech, "ada": ada, "bo": bo, "deal": deal}


def seed_pipedrive(pd) -> dict[str, Any]:
    """Remote records the round starts from (Pipedrive emulator data)."""
    acme = pd.create("organizations", {"name": "Acme"}, updated_s=OLD_S)
    pd.create("organizations", {"name": "Initech"}, updated_s=OLD_S)
    ada = pd.create("persons", {"first_name": "Ada", "last_name": "Lovelace", "org_id": acme["id"],
                                "phones": [{"value": "555-0100", "primary": True}]}, updated_s=OLD_S)
    bo = pd.create("persons", {"first_name": "Bo", "last_name": "Ng", "org_id": acme["id"]},
                   updated_s=OLD_S)
    deal = pd.create("deals", {"title": "Pilot", "stage_id": 1, "pipeline_id": 1, "value": 1000,
                               "person_id": ada["id"], "org_id": acme["id"]}, updated_s=OLD_S)
    return {"acme": acme, "ada": ada, "bo": bo, "deal": deal}


async def sandbox_round(ws, adapter, source: str, *, remote_edit: Callable[[], None] | None = None
                        ) -> dict[str, Any]:
    """Run the round against ``adapter`` (remote already seeded). Returns what each push did:
    ``{"pushes": [DrainReport, ...], "held": [reasons seen], "mapped": bool}``."""
    state = StoreState(ws, source)
    engine = SyncEngine(adapter, state)
    worker = SyncWorker(adapter, state, backoff_base_s=0.0)
    out: dict[str, Any] = {"pushes": [], "held": [], "mapped": False}

    async def sync() -> None:
        await engine.pull()
        out["pushes"].append(await worker.drain())

    ensure = getattr(adapter, "ensure_key_property", None)
    if ensure is not None:
        await ensure()
    await sync()  # full pull

    # -- creates ---------------------------------------------------------------------------------
    _plan(ws, "New company Globex, Kim at Globex, a deal", Action(
        kind="create_company", fields={"name": "Globex"}), Action(
        kind="create_contact", fields={"first_name": "Kim", "last_name": "Park", "company": "Globex",
                                       "email": "kim@globex.test"}), Action(
        kind="create_deal", fields={"name": "Globex rollout", "company": "Globex", "stage": None,
                                    "amount": 25000}))
    deal_id = _id(ws, s.Deal, name="Pilot")
    kim = _id(ws, s.Contact, first_name="Kim")
    for kind in ("note", "call", "meeting", "email"):
        _plan(ws, f"log a {kind} on Pilot", Action(kind="log_activity", target=_t("deal", deal_id, "Pilot"),
                                                 fields={"activity_type": kind, "body": f"{kind} body"}))
    _plan(ws, "task for Kim", Action(kind="create_task", target=_t("contact", kim, "Kim"),
                                     fields={"title": "Send the deck"}))
    _plan(ws, "task with a date", Action(kind="create_task", target=_t("deal", deal_id, "Pilot"),
                                         fields={"title": "Follow up", "due_date": "2026-12-20"}))
    await sync()

    # -- updates: set and clear fields, stage moves, associations --------------------------------
    ada = _id(ws, s.Contact, first_name="Ada")
    bo = _id(ws, s.Contact, first_name="Bo")
    _plan(ws, "Kim's phone", Action(kind="update_contact", target=_t("contact", kim, "Kim"),
                                    fields={"phone": "555-0199", "job_title": "CTO"}))
    _plan(ws, "clear Ada's phone", Action(kind="update_contact", target=_t("contact", ada, "Ada"),
                                          fields={"phone": ""}))
    _plan(ws, "Pilot: no amount, no close date, to contract sent", Action(
        kind="update_deal", target=_t("deal", deal_id, "Pilot"),
        fields={"amount": "", "close_date": "", "stage": _crm_stage(ws, source, 2)}))
    await sync()
    _plan(ws, "Pilot won", Action(kind="update_deal", target=_t("deal", deal_id, "Pilot"),
                                  fields={"stage": _won_stage(ws)}))
    _plan(ws, "Ada moved to Initech", Action(kind="update_contact", target=_t("contact", ada, "Ada"),
                                             fields={"company": "Initech"}))
    with ws.uow() as uow:  # Bo taken off the deal (a link edit in the app)
        uow.session.execute(delete(s.DealContact).where(s.DealContact.deal_id == deal_id,
                                                        s.DealContact.contact_id == bo))
        uow.commit()
    _plan(ws, "Pilot next step", Action(kind="update_deal", target=_t("deal", deal_id, "Pilot"),
                                        fields={"next_step": "kickoff", "amount": 5000}))
    await sync()

    # -- a stage made in Spectrum: held, then mapped --------------------------------------------
    with ws.uow() as uow:
        d = uow.session.get(s.Deal, deal_id)
        uow.session.add(s.Stage(pipeline_id=d.pipeline_id, label="Legal Review", position=20))
        uow.commit()
    _plan(ws, "Pilot to legal review", Action(kind="update_deal", target=_t("deal", deal_id, "Pilot"),
                                              fields={"stage": "Legal Review"}))
    await sync()
    summary = state.summary()
    out["held"] = [h["reason"] for h in summary.get("held", [])]
    try:
        from desktop.store.sync_state import map_stage
    except ImportError:
        map_stage = None
    if map_stage is not None:
        map_stage(ws, source, "Legal Review", _crm_stage_id(ws, source, 1))
        out["mapped"] = True
        await sync()

    # -- a remote edit, an incremental pull, a delete --------------------------------------------
    if remote_edit is not None:
        remote_edit()
    task = _id(ws, s.Task, title="Send the deck")
    _plan(ws, "delete the deck task", Action(kind="delete_record", target=_t("task", task, "task")),
          destructive=True)
    await sync()
    return out


def _stages(ws, source: str) -> list[tuple[int, str, str]]:
    """(local id, label, CRM id) of the stages pulled from ``source``, in pipeline order."""
    with ws.uow() as uow:
        return [tuple(r) for r in uow.session.execute(
            select(s.Stage.id, s.Stage.label, s.ExternalId.record_id).join(
                s.ExternalId, (s.ExternalId.local_id == s.Stage.id)
                & (s.ExternalId.entity_type == "stage") & (s.ExternalId.source == source))
            .order_by(s.Stage.pipeline_id, s.Stage.position))]


def _crm_stage(ws, source: str, index: int) -> str:
    return _stages(ws, source)[index][1]


def _crm_stage_id(ws, source: str, index: int) -> str:
    return _stages(ws, source)[index][2]


def _won_stage(ws) -> str:
    with ws.uow() as uow:
        return uow.session.execute(select(s.Stage.label).where(s.Stage.is_won.is_(True))
                                   .order_by(s.Stage.pipeline_id, s.Stage.position)).scalars().first()
