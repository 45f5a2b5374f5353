"""The plan editor: change the fields of a proposed Plan before it is applied.

One section per action with a typed editor for every field that action kind takes
(:data:`desktop.domain.plan.ACTION_FIELDS`): the stage as a combo of the workspace's stage labels,
amounts as a spin box (major units of the deal's currency, e.g. 100000.00), dates as a
``YYYY-MM-DD`` date editor, times as ``HH:MM``, do-not-contact as a check box, other fields as text.
An empty editor ("—") means "not set" and drops the field. Saving validates the result with the
same pydantic :class:`~desktop.domain.plan.Plan` model the planners produce; errors are shown in the
dialog and nothing is saved. The action kind and its target are not editable here (rephrase the
instruction for that: the "Rephrase…" button).

Keyboard: Tab moves between editors, Ctrl+Enter saves, Esc cancels, Alt+R rephrases.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.models import StageRow
from desktop.domain.plan import ACTION_FIELDS, Plan
from desktop.services.facades.plans import ActionView, EditorData
from desktop.ui.theme import set_scaled_font
from desktop.ui.widgets.common import center_form_labels

#: Field order in the editor (fields not listed follow alphabetically).
FIELD_ORDER = ["name", "first_name", "last_name", "title", "to", "subject", "stage", "amount", "close_date",
               "due_date", "time", "company", "job_title", "email", "phone", "domain", "city", "industry",
               "competitor", "next_step", "activity_type", "sentiment", "body", "do_not_contact", "text"]
DATE_FIELDS = frozenset({"close_date", "due_date"})
#: Suggested values for free-text fields with a small vocabulary (the combo stays editable).
CHOICES = {"activity_type": ["call", "meeting", "email", "note"], "sentiment": ["positive", "neutral", "negative"]}
UNSET = "—"
_NO_DATE = QDate(1900, 1, 1)
_NO_TIME = QTime(0, 0)


def field_label(name: str) -> str:
    """``close_date`` -> ``Close date``."""
    return name.replace("_", " ").capitalize()


def _line_edit(box: QAbstractSpinBox) -> QLineEdit:
    """The line edit of a spin box (it always has one; PySide6 types it Optional)."""
    edit = box.lineEdit()
    assert edit is not None
    return edit


class FieldEditor:
    """A typed editor for one field: ``widget`` (a QWidget) and ``value()`` (None = not set)."""

    def __init__(self, name: str, value: Any, stages: list[str]) -> None:
        self.name = name
        w: QWidget
        self.value: Callable[[], Any]  # the edited value (None = not set)
        if name == "stage":
            combo = QComboBox()
            w = combo
            combo.addItem(UNSET, None)
            for label in stages:
                combo.addItem(label, label)
            if value is not None and combo.findData(value) < 0:
                combo.addItem(str(value), value)  # keep an unknown label visible; validation decides
            combo.setCurrentIndex(max(0, combo.findData(value)) if value is not None else 0)
            self.value = lambda: combo.currentData()
        elif name == "amount":
            spin = QDoubleSpinBox()
            w = spin
            spin.setRange(-1.0, 1e12)
            spin.setDecimals(2)
            spin.setSingleStep(1000.0)
            spin.setGroupSeparatorShown(True)
            spin.setSpecialValueText(UNSET)
            _line_edit(spin).setTextMargins(6, 0, 0, 0)  # style-sheet padding does not reach the edit field
            spin.setValue(float(value) if isinstance(value, (int, float)) else -1.0)
            spin.setToolTip("Amount in the deal's currency (major units); the lowest value (—) means not set")
            self.value = lambda: None if spin.value() < 0 else spin.value()
        elif name in DATE_FIELDS:
            date_edit = QDateEdit()
            w = date_edit
            date_edit.setDisplayFormat("yyyy-MM-dd")
            date_edit.setCalendarPopup(True)
            date_edit.setMinimumDate(_NO_DATE)
            date_edit.setSpecialValueText(UNSET)
            d = QDate.fromString(str(value), "yyyy-MM-dd") if value else QDate()
            date_edit.setDate(d if d.isValid() else _NO_DATE)
            date_edit.setToolTip("Date (YYYY-MM-DD); the earliest date (—) means not set")
            self.value = lambda: None if date_edit.date() == _NO_DATE else date_edit.date().toString("yyyy-MM-dd")
        elif name == "time":
            time_edit = QTimeEdit()
            w = time_edit
            time_edit.setDisplayFormat("HH:mm")
            _line_edit(time_edit).setTextMargins(6, 0, 0, 0)
            t = QTime.fromString(str(value), "HH:mm") if value else QTime()
            time_edit.setTime(t if t.isValid() else _NO_TIME)
            # an unset time stays unset unless the user changes it from 00:00
            self.value = lambda: (time_edit.time().toString("HH:mm") if value or time_edit.time() != _NO_TIME else None)
        elif name == "do_not_contact":
            check = QCheckBox("Do not contact")
            w = check
            check.setChecked(bool(value))
            self.value = lambda: True if check.isChecked() else (False if value is not None else None)
        elif name == "body":
            text = QPlainTextEdit(str(value or ""))
            w = text
            text.setTabChangesFocus(True)
            fm = text.fontMetrics()
            text.setFixedHeight(fm.lineSpacing() * 4 + 16)
            self.value = lambda: text.toPlainText().strip() or None
        elif name in CHOICES:
            choice = QComboBox()
            w = choice
            choice.setEditable(True)
            choice.addItems(["", *CHOICES[name]])
            choice.setCurrentText(str(value or ""))
            self.value = lambda: choice.currentText().strip() or None
        else:
            line = QLineEdit("" if value is None else str(value))
            w = line
            line.setPlaceholderText("not set")
            self.value = lambda: line.text().strip() or None
        w.setAccessibleName(field_label(name))
        w.setObjectName(f"field_{name}")
        self.widget: QWidget = w


def _current(views: list[ActionView] | None, index: int, name: str) -> str | None:
    """The record's current value of field ``name`` of action ``index``, for display, from the
    action view's ``changes`` [(label, before, after)]; None when unknown or unset."""
    if not views or index >= len(views):
        return None
    label = name.replace("_", " ")
    for lab, before, _after in getattr(views[index], "changes", []) or []:
        if lab == label and before not in (None, ""):
            if isinstance(before, bool):
                return "yes" if before else "no"
            return f"{before:,.2f}".rstrip("0").rstrip(".") if isinstance(before, (int, float)) else str(before)
    return None


class PlanEditorDialog(QDialog):
    """Edit the fields of ``plan``'s actions. After ``accept()``, :attr:`plan` holds the validated
    edited Plan; :attr:`rephrase` is True when the user chose to rephrase the instruction instead
    (the dialog is rejected then). ``views`` (:class:`desktop.services.facades.plans.ActionView` per
    action, optional) supply the record's current values, shown as "now: …" next to each field."""

    def __init__(self, plan: Plan, stages: list[str], parent: QWidget | None = None,
                 views: list[ActionView] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit plan")
        self.setObjectName("PlanEditor")
        self.original = plan
        self.plan: Plan | None = None
        self.rephrase = False
        self.editors: list[dict[str, FieldEditor]] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 14, 18, 14)
        title = QLabel("Edit plan")
        set_scaled_font(title, 1.15, bold=True)
        outer.addWidget(title)
        if plan.transcript:
            said = QLabel(f"“{plan.transcript}”")
            said.setObjectName("Muted")
            said.setWordWrap(True)
            outer.addWidget(said)
        body = QWidget()
        bl = QVBoxLayout(body)
        bl.setContentsMargins(0, 0, 0, 0)
        first: QWidget | None = None
        for i, action in enumerate(plan.actions, 1):
            box = QFrame()
            box.setObjectName("Card")
            lay = QVBoxLayout(box)
            lay.setContentsMargins(14, 10, 14, 10)
            target = f" — {action.target.name}" if action.target else ""
            head = QLabel(f"{i}. {action.kind.replace('_', ' ').capitalize()}{target}")
            head.setObjectName("Destructive" if action.destructive else "ColumnTitle")
            lay.addWidget(head)
            eds: dict[str, FieldEditor] = {}
            names = sorted(ACTION_FIELDS[action.kind] - {"filters", "object"},
                           key=lambda n: (FIELD_ORDER.index(n) if n in FIELD_ORDER else 99, n))
            if action.read_only or not names:
                note = QLabel("Nothing to edit: " + ("it changes no data." if action.read_only
                                                     else "this action has no fields."))
                note.setObjectName("Muted")
                lay.addWidget(note)
            else:
                form = QFormLayout()
                form.setHorizontalSpacing(14)
                form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                for name in names:
                    ed = FieldEditor(name, action.fields.get(name), stages)
                    now = _current(views, i - 1, name)
                    eds[name] = ed
                    lab = QLabel(field_label(name))
                    lab.setBuddy(ed.widget)
                    if now is None:
                        form.addRow(lab, ed.widget)
                    else:
                        row = QHBoxLayout()
                        row.addWidget(ed.widget, 1)
                        hint = QLabel(f"now: {now}")
                        hint.setObjectName("Muted")
                        row.addWidget(hint)
                        ed.widget.setAccessibleDescription(f"Current value: {now}")
                        form.addRow(lab, row)
                    first = first or ed.widget
                center_form_labels(form)
                lay.addLayout(form)
            self.editors.append(eds)
            bl.addWidget(box)
        bl.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.error = QLabel("")
        self.error.setObjectName("Destructive")
        self.error.setWordWrap(True)
        self.error.hide()
        outer.addWidget(self.error)
        buttons = QHBoxLayout()
        self.rephrase_btn = QPushButton("&Rephrase…")
        self.rephrase_btn.setToolTip("Put the instruction back in the text field to say it differently (Alt+R)")
        self.cancel_btn = QPushButton("Cancel")
        self.cancel_btn.setToolTip("Close without changes (Esc)")
        self.save_btn = QPushButton("Save")
        self.save_btn.setObjectName("Primary")
        self.save_btn.setToolTip("Check and keep these values (Ctrl+Enter)")
        self.save_btn.setDefault(True)
        buttons.addWidget(self.rephrase_btn)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_btn)
        buttons.addWidget(self.save_btn)
        outer.addLayout(buttons)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self).activated.connect(self.save)
        self.save_btn.clicked.connect(self.save)
        self.cancel_btn.clicked.connect(self.reject)
        self.rephrase_btn.clicked.connect(self._rephrase)
        self._scroll, self._body, self._sized = scroll, body, False
        self.resize(600, 360)
        if first is not None:
            first.setFocus()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        """On first show (style sheet paddings applied): tall enough to show every field without
        scrolling, up to ~33 lines; longer plans scroll."""
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            self._body.adjustSize()
            self._scroll.setMinimumHeight(min(self._body.sizeHint().height() + 4,
                                              33 * self.fontMetrics().lineSpacing()))
            self.resize(max(600, self.sizeHint().width()), self.sizeHint().height())

    def edited(self) -> Plan:
        """The plan with the editors' values, validated by :class:`Plan`.

        Raises: pydantic.ValidationError (a field the kind does not take, a bad value).
        """
        data = self.original.model_dump()
        for action, eds in zip(data["actions"], self.editors):
            for name, ed in eds.items():
                action["fields"][name] = ed.value()
        data["requires_confirmation"] = False  # recomputed by the model's rule
        return Plan.model_validate(data)

    def save(self) -> None:
        """Validate; on success accept with :attr:`plan` set, else show why and stay open."""
        try:
            self.plan = self.edited()
        except ValidationError as exc:
            self.error.setText("Not saved: " + "; ".join(e["msg"] for e in exc.errors()))
            self.error.show()
            return
        self.accept()

    def _rephrase(self) -> None:
        self.rephrase = True
        self.reject()


def open_plan_editor(parent: QWidget, source: EditorData, plan: Plan, *, saved: Callable[[Plan], None],
                     rephrase: Callable[[str], None] | None = None) -> None:
    """Load the workspace's stage labels and the targets' current values off the UI thread, then
    open a :class:`PlanEditorDialog` (window-modal) for ``plan``; ``saved(edited plan)`` runs on Save, ``rephrase(transcript)`` when
    the user picks Rephrase. ``source``: the facade that loads them (:meth:`EditorData.editor_data`).
    The open dialog is ``parent.plan_editor`` (tests, keyboard focus)."""

    host: Any = parent  # a widget with a ``plan_editor`` attribute (the main window, the Approvals panel)

    def show(result: tuple[list[StageRow], list[ActionView]]) -> None:
        stages, views = result
        dlg = PlanEditorDialog(plan, list(dict.fromkeys(s.label for s in stages)), parent, views)
        host.plan_editor = dlg

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and dlg.plan is not None:
                saved(dlg.plan)
            elif dlg.rephrase and rephrase is not None:
                rephrase(plan.transcript)
            dlg.deleteLater()
            if getattr(parent, "plan_editor", None) is dlg:
                host.plan_editor = None

        dlg.finished.connect(finished)
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.open()

    source.editor_data(plan, show)
