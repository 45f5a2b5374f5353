"""Small widgets: the input level meter, KPI tiles, section headings."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import theme


class LevelMeter(QWidget):
    """A thin horizontal bar showing the microphone level (RMS 0..1, drawn on a dB-like scale)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._level = 0.0
        self.setFixedHeight(8)
        self.setMinimumWidth(80)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Microphone level")

    @property
    def level(self) -> float:
        """The shown level, 0..1."""
        return self._level

    def set_level(self, rms: float) -> None:
        """Show input RMS ``rms`` (full scale 1.0)."""
        import math

        value = 0.0 if rms <= 1e-4 else min(1.0, max(0.0, (20 * math.log10(rms) + 60) / 60))
        if abs(value - self._level) > 0.01:
            self._level = value
            self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        c = theme.current()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect())
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(c.surface_alt))
        p.drawRoundedRect(r, 4, 4)
        if self._level > 0:
            p.setBrush(QColor(c.danger if self._level > 0.9 else c.success))
            p.drawRoundedRect(QRectF(r.x(), r.y(), r.width() * self._level, r.height()), 4, 4)
        p.end()


class Kpi(QFrame):
    """A tile with a caption, a big value and a small note."""

    def __init__(self, caption: str, tooltip: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Kpi")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.setSpacing(2)
        self.caption = QLabel(caption)
        self.caption.setObjectName("Muted")
        self.value = QLabel("–")
        self.value.setObjectName("KpiValue")
        theme.set_scaled_font(self.value, 1.7, bold=True)
        self.note = QLabel("")
        self.note.setObjectName("Muted")
        for w in (self.caption, self.value, self.note):
            lay.addWidget(w)
        self.setToolTip(tooltip)
        self.setAccessibleName(caption)

    def set(self, value: str, note: str = "") -> None:
        """Show ``value`` (and a note line)."""
        self.value.setText(value)
        self.note.setText(note)
        self.setAccessibleDescription(f"{value} {note}".strip())


def scroll_page(owner: QWidget) -> QVBoxLayout:
    """Give ``owner`` a borderless scroll area holding one page; returns the page's layout
    (24/20 px margins, 14 px spacing), the shape every long panel uses."""
    outer = QVBoxLayout(owner)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    outer.addWidget(scroll)
    body = QWidget()
    scroll.setWidget(body)
    lay = QVBoxLayout(body)
    lay.setContentsMargins(24, 20, 24, 20)
    lay.setSpacing(14)
    return lay


def set_button_text(button: QAbstractButton, text: str) -> None:
    """Set a button's text and keep its keyboard shortcut (``QAbstractButton.setText`` replaces
    the shortcut with the text's ``&`` mnemonic, which silently drops e.g. Ctrl+Shift+K)."""
    shortcut = button.shortcut()
    button.setText(text)
    if not shortcut.isEmpty():
        button.setShortcut(shortcut)


def center_form_labels(form: QFormLayout) -> None:
    """Centre each label of a QFormLayout vertically on its field (Qt puts it at the field's top)."""
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        widget = label.widget() if label is not None else None
        if label is None or field is None or not isinstance(widget, QLabel):
            continue
        widget.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        widget.setMinimumHeight(field.sizeHint().height())


def heading(text: str, parent: QWidget | None = None, factor: float = 1.45) -> QLabel:
    """A panel heading scaled from the system font."""
    lab = QLabel(text, parent)
    theme.set_scaled_font(lab, factor, bold=True)
    return lab


def money(v: float | None, digits: int = 0) -> str:
    """``$12,345`` (``–`` for None)."""
    if v is None:
        return "–"
    return f"${v:,.{digits}f}"


def short_money(v: float | None) -> str:
    """``$1.3M`` / ``$48K`` / ``$900``."""
    if v is None:
        return "–"
    a = abs(v)
    if a >= 1_000_000:
        return f"${v / 1_000_000:.1f}M"
    if a >= 10_000:
        return f"${v / 1000:.0f}K"
    if a >= 1000:
        return f"${v / 1000:.1f}K"
    return f"${v:,.0f}"
