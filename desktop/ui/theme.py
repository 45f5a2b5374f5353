"""Light and dark themes: a palette and one stylesheet, with one accent colour.

The theme preference is ``system`` (the default: follow the OS colour scheme, read from
``QStyleHints.colorScheme()`` and followed live through its ``colorSchemeChanged`` signal, Qt 6.5+;
an unknown scheme counts as light), ``light`` or ``dark``. :func:`notifier` emits ``applied`` after
every change, including one the OS made, so widgets that paint with explicit colours can restyle.

Font sizes are never fixed in pixels: headings use :func:`scaled_font` / :func:`set_scaled_font`
(a factor of the system font, re-applied when the system font changes), so text follows the
desktop's font size and scaling.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

ACCENT = "#6E56CF"
DANGER = "#E5484D"
SUCCESS = "#30A46C"
WARNING = "#F5A524"


@dataclass(frozen=True)
class Colors:
    """Colours of one theme (hex strings)."""

    name: str
    window: str
    surface: str
    surface_alt: str
    sidebar: str
    border: str
    text: str
    muted: str
    accent: str = ACCENT
    accent_soft: str = "#EDE9FE"
    danger: str = DANGER
    danger_soft: str = "#FDECEC"
    success: str = SUCCESS
    warning: str = WARNING


LIGHT = Colors("light", window="#F6F6F9", surface="#FFFFFF", surface_alt="#F1F0F7", sidebar="#EEEDF5",
               border="#DEDCE8", text="#1C1B22", muted="#6B6878", accent_soft="#ECE8FB", danger_soft="#FDECEC")
DARK = Colors("dark", window="#15151B", surface="#1E1E26", surface_alt="#26262F", sidebar="#1A1A21",
              border="#33333F", text="#ECECF1", muted="#9A98A8", accent="#8E7CF0", accent_soft="#2B2648",
              danger="#F2555A", danger_soft="#3A1D21")

THEMES = {"light": LIGHT, "dark": DARK}
#: Theme preferences (value, label) in the order Settings shows them.
CHOICES = [("system", "System"), ("light", "Light"), ("dark", "Dark")]
#: The preference used until the user picks one.
DEFAULT = "system"


class _Notifier(QObject):
    """``applied(str)``: the theme now shown ("light" | "dark"), after any change."""

    applied = Signal(str)


_notifier: _Notifier | None = None


def notifier() -> _Notifier:
    """The process-wide theme notifier (created on first use, in the UI thread)."""
    global _notifier
    if _notifier is None:
        _notifier = _Notifier()
    return _notifier


def resolve(preference: str, scheme: Qt.ColorScheme | None = None) -> str:
    """The theme to show for ``preference``: ``system`` follows ``scheme`` (default: the OS
    scheme now; dark only for ``Qt.ColorScheme.Dark``); unknown preferences give light."""
    if preference == "system":
        if scheme is None:
            app = QApplication.instance()
            scheme = app.styleHints().colorScheme() if app else Qt.ColorScheme.Unknown
        return "dark" if scheme == Qt.ColorScheme.Dark else "light"
    return preference if preference in THEMES else "light"


def preference(app: QApplication | None = None) -> str:
    """The theme preference currently applied: ``system``, ``light`` or ``dark``."""
    app = app or QApplication.instance()
    return str(app.property("spectrum_theme_pref") or DEFAULT) if app else DEFAULT


def colors(name: str) -> Colors:
    """The theme called ``name`` (unknown names give the light theme)."""
    return THEMES.get(name, LIGHT)


def scaled_font(widget: QWidget, factor: float = 1.0, bold: bool = False) -> QFont:
    """The application font scaled by ``factor`` (so headings follow the system font size)."""
    f = QFont(QApplication.font())
    size = f.pointSizeF()
    if size > 0:
        f.setPointSizeF(size * factor)
    f.setBold(bold)
    return f


class _FontFollower(QObject):
    """Re-applies a scaled font when the application (system) font changes at run time: on the
    widget's ApplicationFontChange event and on ``QGuiApplication.fontChanged`` (Qt sends the
    event to widgets only while the application's event loop runs)."""

    def __init__(self, widget: QWidget, factor: float, bold: bool) -> None:
        super().__init__(widget)
        self.widget, self.factor, self.bold = widget, factor, bold
        app = QApplication.instance()
        if app is not None:
            app.fontChanged.connect(self._reapply)

    def _reapply(self, *_args) -> None:
        font = scaled_font(self.widget, self.factor, self.bold)
        if font != self.widget.font():
            self.widget.setFont(font)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.ApplicationFontChange:
            self._reapply()
        return False


def set_scaled_font(widget: QWidget, factor: float = 1.0, bold: bool = False) -> None:
    """Give ``widget`` the application font scaled by ``factor`` and keep it so when the system
    font changes later (QEvent.ApplicationFontChange)."""
    widget.setFont(scaled_font(widget, factor, bold))
    old = widget.findChild(_FontFollower, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if old is not None:
        widget.removeEventFilter(old)
        old.deleteLater()
    widget.installEventFilter(_FontFollower(widget, factor, bold))


def arrow_png(color: str, up: bool) -> str:
    """Path of a 9×5 px triangle PNG in ``color`` for spin-box buttons (drawn once per colour into
    the temp folder; style sheets need an image file, and Qt's built-in arrows are black)."""
    import tempfile
    from pathlib import Path

    from PySide6.QtGui import QImage, QPainter, QPolygonF
    from PySide6.QtCore import QPointF

    path = Path(tempfile.gettempdir()) / f"spectrum-arrow-{color.strip('#').lower()}-{'up' if up else 'down'}.png"
    if not path.exists():
        img = QImage(18, 10, QImage.Format.Format_ARGB32)  # 2× for high-DPI screens
        img.fill(Qt.GlobalColor.transparent)
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(color))
        pts = [QPointF(0, 10), QPointF(18, 10), QPointF(9, 0)] if up else [QPointF(0, 0), QPointF(18, 0), QPointF(9, 10)]
        p.drawPolygon(QPolygonF(pts))
        p.end()
        img.save(str(path))
    return path.as_posix()


def stylesheet(c: Colors) -> str:
    """The application stylesheet for colours ``c``."""
    return f"""
QWidget {{ color: {c.text}; }}
QMainWindow, QDialog {{ background: {c.window}; }}
QToolTip {{ background: {c.surface}; color: {c.text}; border: 1px solid {c.border}; padding: 4px; }}
#SidebarBox {{ background: {c.sidebar}; border-right: 1px solid {c.border}; }}
#Sidebar {{ background: {c.sidebar}; border: none; outline: 0; padding: 4px 6px; }}
#Sidebar::item {{ padding: 9px 12px; border-radius: 8px; margin: 1px 2px; color: {c.muted}; }}
#Sidebar::item:selected {{ background: {c.accent_soft}; color: {c.accent}; font-weight: 600; }}
#Sidebar::item:hover:!selected {{ background: {c.surface_alt}; color: {c.text}; }}
#Brand {{ color: {c.accent}; padding: 12px 14px 6px 14px; font-weight: 700; }}
#CommandBar {{ background: {c.surface}; border-bottom: 1px solid {c.border}; }}
#Card, #PlanCard, QFrame#Kpi, #Column {{ background: {c.surface}; border: 1px solid {c.border}; border-radius: 12px; }}
#PlanCard {{ border: 1px solid {c.accent}; }}
#PlanCard[destructive="true"] {{ border: 2px solid {c.danger}; }}
#Muted, QLabel#Muted {{ color: {c.muted}; }}
#Destructive {{ color: {c.danger}; font-weight: 600; }}
#Partial {{ color: {c.muted}; font-style: italic; }}
#KpiValue {{ color: {c.text}; font-weight: 700; }}
#ColumnTitle {{ font-weight: 600; }}
QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit {{
    background: {c.surface}; border: 1px solid {c.border}; border-radius: 8px; padding: 6px 8px;
    selection-background-color: {c.accent}; selection-color: white; }}
QComboBox::drop-down, QDateEdit::drop-down {{ border: none; width: 22px; }}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{ subcontrol-origin: border; width: 18px; border: none;
    background: {c.surface_alt}; }}
QAbstractSpinBox::up-button {{ subcontrol-position: top right; border-top-right-radius: 8px; }}
QAbstractSpinBox::down-button {{ subcontrol-position: bottom right; border-bottom-right-radius: 8px; }}
QAbstractSpinBox::up-arrow {{ image: url({arrow_png(c.muted, up=True)}); width: 9px; height: 5px; }}
QAbstractSpinBox::down-arrow, QComboBox::down-arrow {{ image: url({arrow_png(c.muted, up=False)}); width: 9px; height: 5px; }}
QLineEdit:focus, QComboBox:focus, QAbstractSpinBox:focus, QPlainTextEdit:focus, QTextEdit:focus {{ border: 1px solid {c.accent}; }}
QPushButton, QToolButton {{ background: {c.surface}; border: 1px solid {c.border}; border-radius: 8px;
    padding: 6px 14px; }}
QPushButton:hover, QToolButton:hover {{ border-color: {c.accent}; }}
QPushButton:focus, QToolButton:focus {{ border: 2px solid {c.accent}; }}
QPushButton:disabled {{ color: {c.muted}; background: {c.surface_alt}; }}
QPushButton#Primary {{ background: {c.accent}; color: white; border: none; font-weight: 600; }}
QPushButton#Primary:hover {{ background: {c.accent}; border: 1px solid {c.text}; }}
QPushButton#Primary:disabled {{ background: {c.surface_alt}; color: {c.muted}; border: 1px solid {c.border}; }}
QPushButton#Danger {{ background: {c.danger}; color: white; border: none; font-weight: 600; }}
QPushButton#Candidate {{ background: {c.accent_soft}; color: {c.accent}; border: none; border-radius: 10px; padding: 5px 12px; }}
QPushButton#Mic {{ border-radius: 20px; padding: 8px 14px; font-weight: 600; }}
QPushButton#Mic:checked, QPushButton#Mic:pressed {{ background: {c.danger}; color: white; border: none; }}
QToolButton#KillSwitch {{ padding: 6px 14px; font-weight: 700; border-radius: 8px; }}
QToolButton#KillSwitch:checked {{ background: {c.danger}; color: white; border: 1px solid {c.danger}; }}
QToolBar {{ background: {c.surface}; border: none; border-bottom: 1px solid {c.border}; spacing: 8px; padding: 4px 8px; }}
QStatusBar {{ background: {c.surface}; border-top: 1px solid {c.border}; color: {c.muted}; }}
QStatusBar QLabel {{ padding: 0 10px; color: {c.muted}; }}
QTableView, QListView, QTreeView, QListWidget {{ background: {c.surface}; border: 1px solid {c.border};
    border-radius: 10px; alternate-background-color: {c.surface_alt}; gridline-color: {c.border};
    selection-background-color: {c.accent_soft}; selection-color: {c.text}; }}
QListView#Cards {{ background: transparent; border: none; }}
QHeaderView::section {{ background: {c.surface_alt}; color: {c.muted}; border: none;
    border-bottom: 1px solid {c.border}; padding: 6px 8px; font-weight: 600; }}
QTabWidget::pane {{ border: none; }}
QTabBar::tab {{ background: transparent; color: {c.muted}; padding: 8px 16px; border-bottom: 2px solid transparent; }}
QTabBar::tab:selected {{ color: {c.accent}; border-bottom: 2px solid {c.accent}; }}
QProgressBar {{ background: {c.surface_alt}; border: none; border-radius: 5px; text-align: center; max-height: 12px; }}
QProgressBar::chunk {{ background: {c.accent}; border-radius: 5px; }}
QProgressBar[over="true"]::chunk {{ background: {c.danger}; }}
QScrollArea {{ border: none; background: transparent; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
QScrollBar:vertical {{ background: transparent; width: 10px; }}
QScrollBar::handle:vertical {{ background: {c.border}; border-radius: 5px; min-height: 30px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; width: 0; }}
QScrollBar:horizontal {{ background: transparent; height: 10px; }}
QScrollBar::handle:horizontal {{ background: {c.border}; border-radius: 5px; min-width: 30px; }}
QSplitter::handle {{ background: {c.border}; }}
QMenu {{ background: {c.surface}; border: 1px solid {c.border}; padding: 4px; }}
QMenu::item {{ padding: 6px 18px; border-radius: 6px; }}
QMenu::item:selected {{ background: {c.accent_soft}; color: {c.text}; }}
QMenuBar {{ background: {c.surface}; }}
QMenuBar::item:selected {{ background: {c.accent_soft}; }}
"""


def apply_theme(app: QApplication, name: str) -> Colors:
    """Apply theme preference ``name`` ("system" | "light" | "dark"; unknown: light) to ``app``;
    with "system" the theme follows later OS colour-scheme changes. Returns the colours shown."""
    pref = name if name == "system" or name in THEMES else "light"
    app.setProperty("spectrum_theme_pref", pref)
    if not app.property("spectrum_theme_watch"):
        app.styleHints().colorSchemeChanged.connect(lambda scheme: _scheme_changed(app, scheme))
        # Widgets polished by a style sheet keep the font they had; re-polish when the system font
        # changes so all text follows it.
        app.fontChanged.connect(lambda _f: app.setStyleSheet(app.styleSheet()))
        app.setProperty("spectrum_theme_watch", True)
    return _apply_colors(app, colors(resolve(pref)))


def _scheme_changed(app: QApplication, scheme: Qt.ColorScheme) -> None:
    if preference(app) == "system" and resolve("system", scheme) != current(app).name:
        _apply_colors(app, colors(resolve("system", scheme)))


def _apply_colors(app: QApplication, c: Colors) -> Colors:
    if not app.property("spectrum_fusion"):  # once: setting a style re-polishes every widget
        app.setStyle("Fusion")  # (with a style sheet, app.style() is the QStyleSheetStyle proxy)
        app.setProperty("spectrum_fusion", True)
    pal = QPalette()
    pal.setColor(QPalette.ColorRole.Window, QColor(c.window))
    pal.setColor(QPalette.ColorRole.WindowText, QColor(c.text))
    pal.setColor(QPalette.ColorRole.Base, QColor(c.surface))
    pal.setColor(QPalette.ColorRole.AlternateBase, QColor(c.surface_alt))
    pal.setColor(QPalette.ColorRole.Text, QColor(c.text))
    pal.setColor(QPalette.ColorRole.Button, QColor(c.surface))
    pal.setColor(QPalette.ColorRole.ButtonText, QColor(c.text))
    pal.setColor(QPalette.ColorRole.Highlight, QColor(c.accent))
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#FFFFFF"))
    pal.setColor(QPalette.ColorRole.ToolTipBase, QColor(c.surface))
    pal.setColor(QPalette.ColorRole.ToolTipText, QColor(c.text))
    pal.setColor(QPalette.ColorRole.PlaceholderText, QColor(c.muted))
    pal.setColor(QPalette.ColorRole.Link, QColor(c.accent))
    app.setPalette(pal)
    app.setStyleSheet(stylesheet(c))
    app.setProperty("spectrum_theme", c.name)
    notifier().applied.emit(c.name)
    return c


def current(app: QApplication | None = None) -> Colors:
    """Colours of the theme currently applied."""
    app = app or QApplication.instance()
    return colors(str(app.property("spectrum_theme") or "light")) if app else LIGHT
