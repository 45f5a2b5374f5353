"""Approvals: the queue of pending plans from voice, typed text, agents and MCP clients (the "From"
column says which: Voice, Typed, Agent: <name>, MCP: <client>). Select one to see it as a Plan card; approve (destructive plans need the second confirmation), edit its fields (stage,
amount, dates, text: :mod:`desktop.ui.widgets.plan_editor`; the edited plan is validated and saved
back to the queue, still pending) or rephrase it, reject, or batch-approve every non-destructive plan.

Keyboard: the queue table has focus first (arrows select), Tab reaches the card's buttons;
Ctrl+E edits, Ctrl+Enter approves, Ctrl+Shift+A approves all safe plans. While the focus is inside
this panel, Ctrl+E / Ctrl+Enter act on the approval shown here even when the command bar's Plan card
(which uses the same keys) is visible too."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from desktop.domain.describe import describe_plan, source_label
from desktop.domain.plan import Plan
from desktop.services.change import Change
from desktop.services.facades.approvals import ApprovalsFacade
from desktop.services.facades.plans import ActionView, PendingPlan, SafeApprovals
from desktop.ui import theme
from desktop.ui.models import ROLE_ROW, DictTableModel
from desktop.ui.widgets.common import heading, set_button_text
from desktop.ui.widgets.plan_card import PlanCard
from desktop.ui.widgets.plan_editor import PlanEditorDialog, open_plan_editor
from desktop.ui.widgets.tables import make_table

if TYPE_CHECKING:  # the planner's reply reader loads on the first spoken reply, not at start-up
    from desktop.planner.replies import Reply


def origin_text(source: str, created_at: datetime) -> str:
    """The line above the Plan card saying where the selected plan came from."""
    label = source_label(source)
    when = f"{created_at:%Y-%m-%d %H:%M} UTC"
    if source.startswith("mcp:"):
        return (f"From {label} (an assistant connected with `spectrum mcp`), queued {when}. "
                "It proposed this plan; nothing changes until you approve it.")
    return f"From {label}, queued {when}."


class ApprovalsPanel(QWidget):
    """The approvals queue."""

    def __init__(self, facade: ApprovalsFacade, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.facade = facade
        self.items: list[PendingPlan] = []
        self.current_id: int | None = None
        self._edited: Plan | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 20)
        lay.setSpacing(12)
        head = QHBoxLayout()
        head.addWidget(heading("Approvals"))
        head.addStretch(1)
        self.count = QLabel("")
        self.count.setObjectName("Muted")
        head.addWidget(self.count)
        self.batch = QPushButton("Approve all safe")
        self.batch.setObjectName("Primary")
        self.batch.setToolTip("Approve every pending plan that deletes nothing and has no open question (Ctrl+Shift+A)")
        self.batch.setShortcut("Ctrl+Shift+A")
        self.batch.clicked.connect(self.approve_all_safe)
        head.addWidget(self.batch)
        lay.addLayout(head)
        self.result = QLabel("")
        self.result.setObjectName("Muted")
        self.result.setWordWrap(True)
        lay.addWidget(self.result)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.model = DictTableModel([("id", "#"), ("source", "From"), ("created_at", "Queued"),
                                     ("summary", "Plan"), ("flags", "")], parent=self)
        self.model.row_color = lambda r: theme.current().danger if "destructive" in r["flags"] else None
        self.table = make_table(self.model, 3, "Pending approvals")
        split.addWidget(self.table)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(8, 0, 0, 0)
        self.card = PlanCard()
        self.card.later_btn.hide()
        set_button_text(self.card.cancel_btn, "Reject")
        self.card.cancel_btn.setToolTip("Reject this plan; nothing is applied")
        self.card.cancel_btn.setShortcut("")
        self.card.confirm_label = "Approve"
        set_button_text(self.card.confirm_btn, "Approve")
        self.card.confirm_btn.setToolTip("Apply this plan (Ctrl+Enter)")
        self.card.hide()
        self.origin = QLabel("")
        self.origin.setObjectName("Muted")
        self.origin.setWordWrap(True)
        self.origin.hide()
        self.placeholder = QLabel("Select a pending plan to review it.")
        self.placeholder.setObjectName("Muted")
        rl.addWidget(self.placeholder)
        rl.addWidget(self.origin)
        rl.addWidget(self.card)
        rl.addStretch(1)
        split.addWidget(right)
        split.setSizes([520, 480])
        lay.addWidget(split, 1)
        self.card.confirmed.connect(self._approve)
        self.card.cancelled.connect(self._reject)
        self.card.edit_requested.connect(self._rephrase)
        self.card.fields_requested.connect(self.edit_fields)
        self.plan_editor: PlanEditorDialog | None = None
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._select(cur))
        facade.watch(self, lambda _ch: self.refresh(), {"approvals"})

    def _card_button(self, event: QKeyEvent) -> QPushButton | None:
        """The card button Ctrl+E / Ctrl+Enter stands for, if the card is shown."""
        if not self.card.isVisible():
            return None
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods != Qt.KeyboardModifier.ControlModifier:
            return None
        return {Qt.Key.Key_E: self.card.edit_btn, Qt.Key.Key_Return: self.card.confirm_btn,
                Qt.Key.Key_Enter: self.card.confirm_btn}.get(Qt.Key(event.key()))

    def event(self, event: QEvent) -> bool:  # Qt API
        # Claim Ctrl+E / Ctrl+Enter before the window's shortcuts (the command bar's Plan card has
        # the same keys; both visible would make them ambiguous): the key press then reaches
        # keyPressEvent below.
        # (a ShortcutOverride event is a QKeyEvent)
        if event.type() == QEvent.Type.ShortcutOverride and self._card_button(cast(QKeyEvent, event)) is not None:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        button = self._card_button(event)
        if button is not None:
            if button.isEnabled():
                button.click()
            event.accept()
            return
        super().keyPressEvent(event)

    def refresh(self) -> None:
        """Reload the queue."""
        self.facade.pending(self.show_items)

    def show_items(self, items: list[PendingPlan]) -> None:
        """Show pending approvals (:class:`desktop.services.facades.plans.PendingPlan`)."""
        self.items = items
        rows = []
        for it in items:
            lines = describe_plan(it.plan)
            flags = ("⚠ destructive" if it.plan.destructive else "") + (" question" if it.plan.clarifications else "")
            rows.append({"id": it.id, "source": source_label(it.source), "created_at": f"{it.created_at:%Y-%m-%d %H:%M}",
                         "summary": " · ".join(lines)[:160] or it.plan.transcript, "flags": flags.strip(),
                         "item": it})
        self.model.set_rows(rows)
        self.count.setText(f"{len(items)} pending")
        self.batch.setEnabled(any(not i.plan.destructive and not i.plan.clarifications for i in items))
        if self.current_id not in {i.id for i in items}:
            self.current_id = None
            self.card.hide()
            self.origin.hide()
            self.placeholder.show()
        self.facade.refreshed()

    def _select(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        it = index.data(ROLE_ROW)["item"]
        self.current_id, self._edited = it.id, None
        self.origin.setText(origin_text(it.source, it.created_at))
        self.facade.plan_view(it.plan, lambda views: self._show(it.plan, views))

    def _show(self, plan: Plan, views: list[ActionView]) -> None:
        self.placeholder.hide()
        self.origin.show()
        self.card.show_plan(plan, views)
        self.card.later_btn.hide()

    def _approve(self, plan: Plan, destructive_ok: bool) -> None:
        if self.current_id is None:
            return
        self.card.set_busy(True)
        self.facade.approve(self.current_id, self._edited, destructive_ok,
                            done=lambda _c: self._after(f"Approved #{self.current_id}: applied."),
                            error=lambda e: self._after(f"Not applied: {e}", failed=True))

    def _reject(self) -> None:
        if self.current_id is not None:
            self.facade.reject(self.current_id, done=lambda _c: self._after(f"Rejected #{self.current_id}."))

    def edit_fields(self, plan: Plan) -> None:
        """Open the field editor for the selected pending plan; Save validates it and stores it
        back in the queue (``Backend.update_approval``), still pending, and shows it."""
        approval_id = self.current_id
        if approval_id is None:
            return

        def saved(edited: Plan) -> None:
            def stored(_change: Change) -> None:
                self.result.setText(f"Saved the edited plan #{approval_id}; approve it to apply.")
                if self.current_id == approval_id:
                    self._edited = None
                    self.facade.plan_view(edited, lambda v: self._show(edited, v))
            self.facade.update(approval_id, edited, done=stored, error=lambda e: self.result.setText(f"Not saved: {e}"))

        open_plan_editor(self, self.facade, plan, saved=saved, rephrase=self._rephrase)

    def _rephrase(self, text: str) -> None:
        new, ok = QInputDialog.getText(self, "Edit plan", "Rephrase the instruction:", text=text)
        if ok and new.strip():
            def show(plan: Plan) -> None:
                self._edited = plan
                self.facade.plan_view(plan, lambda v: self._show(plan, v))
            self.facade.replan(new.strip(), show)

    def _after(self, message: str, failed: bool = False) -> None:
        self.result.setText(message)
        self.card.set_busy(False)
        if not failed:
            self.card.hide()
            self.origin.hide()
            self.placeholder.show()
            self.current_id = None

    # -- spoken replies ("approve all", "reject the Acme one") -----------------------------------
    def reply_items(self) -> tuple[tuple[str, str], ...]:
        """The queue as (approval id, label) pairs in table order, for the reply reader: the label
        is the source and the plan's sentences ("agent:ghostbuster: Draft an email to Tom Becker ...")."""
        return tuple((str(it.id), f"{it.source}: " + (" · ".join(describe_plan(it.plan)) or it.plan.transcript))
                     for it in self.items)

    def act_on_reply(self, reply: Reply) -> None:
        """Carry out a spoken approvals reply (:class:`desktop.planner.replies.Reply`): approve_all
        approves every safe plan (destructive ones are skipped and named); reject_all rejects every
        pending plan; approve / reject one item. A destructive plan is never approved by voice: it is
        selected and its card asks for the explicit confirmation."""
        kind = reply.kind
        if kind == "approve_all":
            self.approve_all_safe()
        elif kind == "reject_all":
            ids = [it.id for it in self.items]
            self.facade.reject_many(ids, done=lambda _c: self.result.setText(f"Rejected {len(ids)} plan(s)."))
        elif kind in ("approve", "reject") and reply.approval is not None:
            item = next((it for it in self.items if str(it.id) == str(reply.approval)), None)
            if item is None:
                self.result.setText("That plan is no longer pending.")
                return
            i = item.id
            if kind == "reject":

                def rejected(_c: Change) -> None:
                    if self.current_id == i:
                        self._after(f"Rejected #{i}.")
                    else:
                        self.result.setText(f"Rejected #{i}.")

                self.facade.reject(item.id, done=rejected)
            elif item.plan.destructive or item.plan.clarifications:
                self.select(item.id)
                self.result.setText(f"#{item.id} deletes data or has an open question: review it and press Approve.")
            else:
                self.facade.approve(item.id, None, False,
                                    done=lambda _c: self.result.setText(f"Approved #{i}: applied."),
                                    error=lambda e: self.result.setText(f"#{i} not applied: {e}"))
        else:
            self.result.setText("Say “approve all”, “approve the first one”, “reject the Acme one” or “reject all”.")

    def select(self, approval_id: int) -> None:
        """Select the pending plan ``approval_id`` in the table (shows its card)."""
        for row in range(self.model.rowCount()):
            if self.model.index(row, 0).data(ROLE_ROW)["id"] == approval_id:
                self.table.setCurrentIndex(self.model.index(row, 0))
                return

    def approve_all_safe(self) -> None:
        """Approve every non-destructive pending plan without open questions."""
        def done(result: SafeApprovals) -> None:
            msg = f"Approved {len(result.approved)} plan(s)."
            if result.skipped:
                msg += " Skipped: " + "; ".join(f"#{i} ({why})" for i, why in result.skipped)
            self.result.setText(msg)
        self.facade.approve_all_safe(done)
