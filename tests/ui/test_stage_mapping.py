"""Issue 13 #2: a stage with no CRM stage is offered for mapping in Settings > Sync stages; mapping
it (audited) releases the held moves."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from desktop.store import schema as s


def test_settings_offers_the_mapping_of_a_stage_the_crm_does_not_have(qtbot, window):
    w = window
    ws = w.bridge.backend.ws
    reason = ("held: stage 'Legal Review' has no HubSpot stage: map it in Settings > Sync stages or "
              "with `spectrum stages 'Legal Review' --map <HubSpot stage> --crm hubspot`")
    with ws.uow() as uow:
        ses = uow.session
        pipe_id = ses.execute(select(s.Stage.pipeline_id)).scalars().first()
        stages = ses.execute(select(s.Stage).where(s.Stage.pipeline_id == pipe_id)
                             .order_by(s.Stage.position)).scalars().all()
        for st, ext in zip(stages, ("appointmentscheduled", "qualifiedtobuy", "contractsent")):
            ses.add(s.ExternalId(source="hubspot", entity_type="stage", record_id=ext, local_id=st.id))
        for st in stages[3:]:
            ses.add(s.ExternalId(source="hubspot", entity_type="stage", record_id=f"x{st.id}", local_id=st.id))
        ses.add(s.Stage(pipeline_id=pipe_id, label="Legal Review", position=99))
        ses.add(s.OutboxItem(created_at=datetime(2026, 12, 6), entity_type="deal", local_id=5004,
                             op="update", payload="{}", idempotency_key="held-ui", status="retrying",
                             last_error=reason, crm="hubspot",
                             next_attempt_at=datetime(2099, 1, 1)))
        uow.commit()
    panel = w.settings_panel
    panel.refresh()
    qtbot.waitUntil(lambda: len(panel.stage_map_rows) == 1, timeout=10000)
    crm, stage, combo, button = panel.stage_map_rows[0]
    assert (crm, stage) == ("hubspot", "Legal Review")
    label = panel.stage_map_form.labelForField(combo.parentWidget()).text()
    assert label == "Legal Review → HubSpot · 1 held"
    combo.setCurrentIndex(combo.findData("contractsent"))
    with qtbot.waitSignal(w.bridge.changed, timeout=10000):
        button.click()
    qtbot.waitUntil(lambda: panel.stage_map_rows == [], timeout=10000)
    assert "1 held change(s) go out next sync" in panel.status.text()
    with ws.uow() as uow:
        item = uow.session.execute(select(s.OutboxItem).where(
            s.OutboxItem.idempotency_key == "held-ui")).scalar_one()
        assert item.next_attempt_at is None  # released: the next sync sends it
        kinds = list(uow.session.execute(select(s.AuditEntry.kind)).scalars())
    assert "stage_mapped" in kinds
