"""The Plan card: what Spectrum understood, as readable sentences, with Confirm / Edit / Cancel.

Each action is one sentence with before → after values (:func:`desktop.domain.describe.describe`
through :meth:`Backend.plan_view`); targets are links that open the record; clarification
questions show their candidates as buttons. Destructive actions are red and need a second,
explicit confirmation: the first Confirm arms the button ("Confirm delete"), the second applies.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QEnterEvent, QFocusEvent, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from desktop.domain.plan import ACTION_FIELDS, Plan
from desktop.services.facades.plans import ActionView
from desktop.ui.theme import set_scaled_font
from desktop.ui.widgets.common import set_button_text


def _clear(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        assert item is not None  # count() > 0
        w = item.widget()
        sub = item.layout()
        if w is not None:
            w.deleteLater()
        elif sub is not None:
            _clear(sub)


def sentence_html(sentence: str, target: tuple[str, str, str] | None) -> str:
    """``sentence`` as HTML with the target's quoted name turned into a ``type:id`` link."""
    text = html.escape(sentence, quote=False)
    if target and target[1].isdigit():
        name = html.escape(target[2], quote=False)
        link = f'<a href="{target[0]}:{target[1]}">{name}</a>'
        if f'"{name}"' in text:
            text = text.replace(f'"{name}"', f"“{link}”", 1)
        elif name in text:
            text = text.replace(name, link, 1)
    return text


def evidence_html(transcript: str, spans: list[tuple[int, int]] | None) -> str:
    """The transcript, quoted, as HTML with the character ``spans`` (``[start, end)``) marked with
    ``<b><u>`` so the words an action came from stand out; spans outside the text are ignored."""
    if not transcript:
        return ""
    marks = [0] * (len(transcript) + 1)
    for start, end in spans or []:
        start, end = max(0, start), min(len(transcript), end)
        for k in range(start, end):
            marks[k] = 1
    out, k = [], 0
    while k < len(transcript):
        j = k
        while j < len(transcript) and marks[j] == marks[k]:
            j += 1
        piece = html.escape(transcript[k:j], quote=False)
        out.append(f"<b><u>{piece}</u></b>" if marks[k] else piece)
        k = j
    return "“" + "".join(out) + "”"


class _ActionLabel(QLabel):
    """An action's sentence; tells the card when the pointer or keyboard focus is on it."""

    hovered = Signal(int)  # action index, -1 = left

    def __init__(self, text: str, index: int) -> None:
        super().__init__(text)
        self.index = index

    def enterEvent(self, event: QEnterEvent) -> None:  # noqa: N802 - Qt override
        self.hovered.emit(self.index)
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        self.hovered.emit(-1)
        super().leaveEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        self.hovered.emit(self.index)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        self.hovered.emit(-1)
        super().focusOutEvent(event)


class PlanCard(QFrame):
    """Shows one Plan. Signals:
        confirmed(Plan, bool): apply it (second value: the destructive confirmation was given).
        queued(Plan): send it to the approvals queue instead.
        edit_requested(str): put the instruction back in the text field (a plan with nothing to edit).
        fields_requested(Plan): open the field editor for the plan's actions
            (:func:`desktop.ui.widgets.plan_editor.open_plan_editor`).
        cancelled(): dismiss. candidate_picked(int, Target): answer question i with a record.
        link_activated(str, int): open record (type, id).
    """

    WARNING = "This plan deletes data. Press Confirm delete to apply it, or Cancel."
    confirmed = Signal(object, bool)
    queued = Signal(object)
    edit_requested = Signal(str)
    fields_requested = Signal(object)
    cancelled = Signal()
    candidate_picked = Signal(int, object)
    link_activated = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PlanCard")
        self.plan: Plan | None = None
        self.views: list[ActionView] = []
        self._armed = False
        self._busy = False
        #: Text of the Confirm button for a new plan (Approvals uses "Approve").
        self.confirm_label = "Confirm"
        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 14, 18, 14)
        outer.setSpacing(8)
        head = QHBoxLayout()
        self.title = QLabel("Plan")
        set_scaled_font(self.title, 1.15, bold=True)
        self.transcript = QLabel()
        self.transcript.setObjectName("Muted")
        self.transcript.setWordWrap(True)
        head.addWidget(self.title)
        head.addWidget(self.transcript, 1)
        outer.addLayout(head)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(6)
        outer.addLayout(self.rows)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("Muted")
        outer.addWidget(self.message)
        self.warning = QLabel(self.WARNING)
        self.warning.setObjectName("Destructive")
        self.warning.setWordWrap(True)
        self.warning.hide()
        outer.addWidget(self.warning)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_btn = QPushButton("Cancel")
        self.cancel_btn.setToolTip("Dismiss this plan (Esc)")
        self.cancel_btn.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.edit_btn = QPushButton("Edit")
        self.edit_btn.setToolTip("Edit the plan's fields before confirming — stage, amount, dates, text (Ctrl+E)")
        self.edit_btn.setShortcut(QKeySequence("Ctrl+E"))
        self.later_btn = QPushButton("Send to approvals")
        self.later_btn.setToolTip("Queue this plan in Approvals to decide later")
        self.confirm_btn = QPushButton("Confirm")
        self.confirm_btn.setObjectName("Primary")
        self.confirm_btn.setToolTip("Apply this plan (Ctrl+Enter)")
        self.confirm_btn.setShortcut(QKeySequence("Ctrl+Return"))
        for b in (self.cancel_btn, self.edit_btn, self.later_btn, self.confirm_btn):
            buttons.addWidget(b)
        outer.addLayout(buttons)
        self.cancel_btn.clicked.connect(self.cancelled.emit)
        self.edit_btn.clicked.connect(self._edit)
        self.later_btn.clicked.connect(lambda: self.plan and self.queued.emit(self.plan))
        self.confirm_btn.clicked.connect(self._confirm)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    # -- content ---------------------------------------------------------------------------------
    def show_plan(self, plan: Plan, views: list[ActionView]) -> None:
        """Show ``plan`` with its action views (:class:`desktop.services.facades.plans.ActionView`)."""
        self.plan, self.views = plan, views
        self._armed = False
        self.setProperty("destructive", plan.destructive)
        self.style().unpolish(self)
        self.style().polish(self)
        self.transcript.setTextFormat(Qt.TextFormat.RichText)
        self.transcript.setText(evidence_html(plan.transcript, None))
        _clear(self.rows)
        waiting = [v for v in views if getattr(v, "pending", False)]
        views = [v for v in views if not getattr(v, "pending", False)]
        for i, v in enumerate(views, 1):
            row = QHBoxLayout()
            num = QLabel("⚠" if v.destructive else f"{i}.")
            num.setObjectName("Destructive" if v.destructive else "Muted")
            num.setFixedWidth(num.fontMetrics().horizontalAdvance("00.") + 6)
            lab = _ActionLabel(sentence_html(v.sentence, v.target), i - 1)
            lab.hovered.connect(self.highlight)
            lab.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            act = plan.actions[i - 1] if i - 1 < len(plan.actions) else None
            if act is not None:
                words = "; ".join(f"“{plan.transcript[a:b]}”" for a, b in act.evidence if plan.transcript[a:b].strip())
                sure = "" if act.confidence >= 0.9 else f" Confidence {act.confidence:.0%}: check the record."
                lab.setToolTip(f"From {words}.{sure}" if words else sure.strip())
            lab.setTextFormat(Qt.TextFormat.RichText)
            lab.setWordWrap(True)
            lab.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                        | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
            lab.linkActivated.connect(self._link)
            lab.setAccessibleName(v.sentence)
            if v.destructive:
                lab.setObjectName("Destructive")
            row.addWidget(num, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(lab, 1)
            self.rows.addLayout(row)
        for v in waiting:
            # what happens once the question below is answered: shown, never applied from here
            after = QLabel(f"After you answer: {v.sentence}")
            after.setObjectName("Muted")
            after.setWordWrap(True)
            after.setAccessibleName(f"After you answer: {v.sentence}")
            self.rows.addWidget(after)
        for qi, question in enumerate(plan.clarifications):
            q = QLabel(f"? {question}")
            q.setWordWrap(True)
            set_scaled_font(q, 1.0, bold=True)
            self.rows.addWidget(q)
            cands = plan.candidates[qi] if qi < len(plan.candidates) else []
            if cands:
                line = QHBoxLayout()
                for t in cands:
                    b = QPushButton(t.name)
                    b.setObjectName("Candidate")
                    b.setToolTip(f"Answer: {t.name} ({t.type} #{t.id})")
                    b.clicked.connect(lambda _=False, qi=qi, t=t: self.candidate_picked.emit(qi, t))
                    line.addWidget(b)
                line.addStretch(1)
                self.rows.addLayout(line)
        message = plan.message if plan.message not in plan.clarifications else None
        self.message.setText(message or ("" if plan.actions or plan.clarifications else "Nothing to do."))
        self.message.setVisible(bool(self.message.text()))
        self.warning.hide()
        self.warning.setText(self.WARNING)
        self.confirm_btn.setObjectName("Primary")
        set_button_text(self.confirm_btn, self.confirm_label)
        self.confirm_btn.setToolTip("Apply this plan (Ctrl+Enter)")  # also after an armed delete
        self.confirm_btn.setEnabled(plan.mutating and not plan.clarifications)
        self.later_btn.setEnabled(plan.mutating)
        self._restyle(self.confirm_btn)
        self.show()

    def highlight(self, index: int) -> None:
        """Mark in the transcript the words action ``index`` came from (its evidence spans);
        ``-1`` clears the marks. Called when an action row is hovered or focused."""
        if self.plan is None:
            return
        acts = self.plan.actions
        spans = acts[index].evidence if 0 <= index < len(acts) else None
        self.transcript.setText(evidence_html(self.plan.transcript, spans))

    def candidate_buttons(self) -> list[QPushButton]:
        """The candidate buttons currently shown (tests, keyboard navigation)."""
        return [w for w in self.findChildren(QPushButton) if w.objectName() == "Candidate" and w.isVisible()]

    @staticmethod
    def _restyle(w: QWidget) -> None:
        w.style().unpolish(w)
        w.style().polish(w)

    def _link(self, href: str) -> None:
        kind, _, ident = href.partition(":")
        if ident.isdigit():
            self.link_activated.emit(kind, int(ident))

    def _edit(self) -> None:
        """Field editor for a plan with editable fields; otherwise (a question open, only deletes or
        read-only answers) back to the text field to rephrase."""
        editable = self.plan is not None and not self.plan.clarifications and any(
            not a.read_only and ACTION_FIELDS[a.kind] - {"filters", "object"} for a in self.plan.actions)
        if editable:
            self.fields_requested.emit(self.plan)
        else:
            self.edit_requested.emit(self.plan.transcript if self.plan else "")

    def arm(self, warning: str | None = None) -> None:
        """First confirmation of a destructive plan: show the warning (``warning`` replaces its text)
        and turn Confirm into "Confirm delete"; nothing is applied."""
        self._armed = True
        if warning:
            self.warning.setText(warning)
        self.warning.show()
        set_button_text(self.confirm_btn, "Confirm delete")
        self.confirm_btn.setObjectName("Danger")
        self._restyle(self.confirm_btn)
        self.confirm_btn.setToolTip("Second confirmation: this deletes data (Ctrl+Enter)")

    def _confirm(self) -> None:
        if self.plan is None or not self.confirm_btn.isEnabled():
            return
        if self.plan.destructive and not self._armed:
            self.arm()
            return
        self.confirmed.emit(self.plan, bool(self.plan.destructive and self._armed))

    @property
    def armed(self) -> bool:
        """True after the first Confirm of a destructive plan."""
        return self._armed

    @property
    def busy(self) -> bool:
        """True while the shown plan is being applied."""
        return self._busy

    def set_busy(self, busy: bool) -> None:
        """Disable the buttons while the plan is being applied."""
        self._busy = busy
        for b in (self.confirm_btn, self.edit_btn, self.later_btn):
            b.setEnabled(not busy and (b is not self.confirm_btn or bool(
                self.plan and self.plan.mutating and not self.plan.clarifications)))
