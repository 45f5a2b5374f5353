"""Light and dark themes: a palette and one stylesheet, with one accent colour.

The style sheet is set once and never changes: it names palette roles (``palette(mid)``), and the
theme's colours live in the application palette (:data:`PALETTE_ROLES`). A theme switch sets the
palette and re-polishes the widgets on screen (:func:`repolish`, ~10-25 ms), the rest when shown;
re-setting the sheet instead re-polished all ~750 widgets once per ancestor (0.3-0.7 s).

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
from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget


def qapp() -> QApplication | None:
    """The running application: ``QApplication.instance()``, which PySide6 types as the
    QCoreApplication it is declared on (Spectrum's is always a QApplication)."""
    return cast("QApplication | None", QApplication.instance())


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
            app = qapp()
            scheme = app.styleHints().colorScheme() if app else Qt.ColorScheme.Unknown
        return "dark" if scheme == Qt.ColorScheme.Dark else "light"
    return preference if preference in THEMES else "light"


def preference(app: QApplication | None = None) -> str:
    """The theme preference currently applied: ``system``, ``light`` or ``dark``."""
    app = app or qapp()
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
        app = qapp()
        if app is not None:
            app.fontChanged.connect(self._reapply)

    def _reapply(self, *_args: object) -> None:
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

    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QImage, QPainter, QPolygonF

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


#: Where each theme colour lives in the application palette. The style sheet names palette roles only
#: (``palette(mid)`` …), never a colour, so its text is the same in both themes: a theme switch sets the
#: palette and re-polishes widgets one by one (:func:`repolish`), not the whole sheet. Roles the Fusion
#: style does not paint with carry the colours a palette has no role for (border, sidebar, soft accent,
#: danger); Light and Dark, which Fusion uses for bevels, are left alone.
PALETTE_ROLES: dict[QPalette.ColorRole, str] = {
    QPalette.ColorRole.Window: "window",
    QPalette.ColorRole.WindowText: "text",
    QPalette.ColorRole.Base: "surface",
    QPalette.ColorRole.AlternateBase: "surface_alt",
    QPalette.ColorRole.Text: "text",
    QPalette.ColorRole.Button: "surface",
    QPalette.ColorRole.ButtonText: "text",
    QPalette.ColorRole.Highlight: "accent",
    QPalette.ColorRole.Link: "accent",
    QPalette.ColorRole.Accent: "accent",
    QPalette.ColorRole.ToolTipBase: "surface",
    QPalette.ColorRole.ToolTipText: "text",
    QPalette.ColorRole.PlaceholderText: "muted",  # palette(placeholder-text): muted text
    QPalette.ColorRole.Mid: "border",  # palette(mid): borders, grid lines, scroll handles
    QPalette.ColorRole.Midlight: "accent_soft",  # palette(midlight): selected rows, sidebar item, chips
    QPalette.ColorRole.Shadow: "sidebar",  # palette(shadow): the sidebar background
    QPalette.ColorRole.BrightText: "danger",  # palette(bright-text): destructive text, borders, buttons
}

#: Dynamic property set on every top-level window: the theme shown ("light" | "dark"). Only the
#: spin-box / combo arrow images (files, so not palette colours) are chosen by it.
THEME_PROPERTY = "spectrum_theme"


def palette(c: Colors) -> QPalette:
    """The application palette for colours ``c`` (see :data:`PALETTE_ROLES`; highlighted text white)."""
    pal = QPalette()
    for role, field in PALETTE_ROLES.items():
        pal.setColor(role, QColor(getattr(c, field)))
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#FFFFFF"))
    return pal


def stylesheet() -> str:
    """The application style sheet: the same text in both themes (colours come from the palette,
    see :data:`PALETTE_ROLES`; the arrow images from the top-level window's :data:`THEME_PROPERTY`).
    No font sizes: text follows the system font."""
    arrows = []
    for name, prefix in (("light", ""), ("dark", f'*[{THEME_PROPERTY}="dark"] ')):
        muted = THEMES[name].muted
        up, down = arrow_png(muted, up=True), arrow_png(muted, up=False)
        arrows.append(f"{prefix}QAbstractSpinBox::up-arrow {{ image: url({up}); width: 9px; height: 5px; }}\n"
                      f"{prefix}QAbstractSpinBox::down-arrow, {prefix}QComboBox::down-arrow "
                      f"{{ image: url({down}); width: 9px; height: 5px; }}")
    return _SHEET.replace("@ARROWS@", "\n".join(arrows))


_SHEET = """
QWidget { color: palette(text); }
QMainWindow, QDialog { background: palette(window); }
QToolTip { background: palette(base); color: palette(text); border: 1px solid palette(mid); padding: 4px; }
#SidebarBox { background: palette(shadow); border-right: 1px solid palette(mid); }
#Sidebar { background: palette(shadow); border: none; outline: 0; padding: 4px 6px; }
#Sidebar::item { padding: 9px 12px; border-radius: 8px; margin: 1px 2px; color: palette(placeholder-text); }
#Sidebar::item:selected { background: palette(midlight); color: palette(highlight); font-weight: 600; }
#Sidebar::item:hover:!selected { background: palette(alternate-base); color: palette(text); }
#Brand { color: palette(highlight); padding: 12px 14px 6px 14px; font-weight: 700; }
#CommandBar { background: palette(base); border-bottom: 1px solid palette(mid); }
#Card, #PlanCard, QFrame#Kpi, #Column { background: palette(base); border: 1px solid palette(mid); border-radius: 12px; }
#PlanCard { border: 1px solid palette(highlight); }
#PlanCard[destructive="true"] { border: 2px solid palette(bright-text); }
#Muted, QLabel#Muted { color: palette(placeholder-text); }
#Destructive { color: palette(bright-text); font-weight: 600; }
#Partial { color: palette(placeholder-text); font-style: italic; }
#KpiValue { color: palette(text); font-weight: 700; }
#ColumnTitle { font-weight: 600; }
QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit {
    background: palette(base); border: 1px solid palette(mid); border-radius: 8px; padding: 6px 8px;
    selection-background-color: palette(highlight); selection-color: white; }
QComboBox::drop-down, QDateEdit::drop-down { border: none; width: 22px; }
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button { subcontrol-origin: border; width: 18px; border: none;
    background: palette(alternate-base); }
QAbstractSpinBox::up-button { subcontrol-position: top right; border-top-right-radius: 8px; }
QAbstractSpinBox::down-button { subcontrol-position: bottom right; border-bottom-right-radius: 8px; }
@ARROWS@
QLineEdit:focus, QComboBox:focus, QAbstractSpinBox:focus, QPlainTextEdit:focus, QTextEdit:focus { border: 1px solid palette(highlight); }
QPushButton, QToolButton { background: palette(base); border: 1px solid palette(mid); border-radius: 8px;
    padding: 6px 14px; }
QPushButton:hover, QToolButton:hover { border-color: palette(highlight); }
QPushButton:focus, QToolButton:focus { border: 2px solid palette(highlight); }
QPushButton:disabled { color: palette(placeholder-text); background: palette(alternate-base); }
QPushButton#Primary { background: palette(highlight); color: white; border: none; font-weight: 600; }
QPushButton#Primary:hover { background: palette(highlight); border: 1px solid palette(text); }
QPushButton#Primary:disabled { background: palette(alternate-base); color: palette(placeholder-text); border: 1px solid palette(mid); }
QPushButton#Danger { background: palette(bright-text); color: white; border: none; font-weight: 600; }
QPushButton#Candidate { background: palette(midlight); color: palette(highlight); border: none; border-radius: 10px; padding: 5px 12px; }
QPushButton#Mic { border-radius: 20px; padding: 8px 14px; font-weight: 600; }
QPushButton#Mic:checked, QPushButton#Mic:pressed { background: palette(bright-text); color: white; border: none; }
QToolButton#KillSwitch { padding: 6px 14px; font-weight: 700; border-radius: 8px; }
QToolButton#KillSwitch:checked { background: palette(bright-text); color: white; border: 1px solid palette(bright-text); }
QToolBar { background: palette(base); border: none; border-bottom: 1px solid palette(mid); spacing: 8px; padding: 4px 8px; }
QStatusBar { background: palette(base); border-top: 1px solid palette(mid); color: palette(placeholder-text); }
QStatusBar QLabel { padding: 0 10px; color: palette(placeholder-text); }
QTableView, QListView, QTreeView, QListWidget { background: palette(base); border: 1px solid palette(mid);
    border-radius: 10px; alternate-background-color: palette(alternate-base); gridline-color: palette(mid);
    selection-background-color: palette(midlight); selection-color: palette(text); }
QListView#Cards { background: transparent; border: none; }
QHeaderView::section { background: palette(alternate-base); color: palette(placeholder-text); border: none;
    border-bottom: 1px solid palette(mid); padding: 6px 8px; font-weight: 600; }
QTabWidget::pane { border: none; }
QTabBar::tab { background: transparent; color: palette(placeholder-text); padding: 8px 16px; border-bottom: 2px solid transparent; }
QTabBar::tab:selected { color: palette(highlight); border-bottom: 2px solid palette(highlight); }
QProgressBar { background: palette(alternate-base); border: none; border-radius: 5px; text-align: center; max-height: 12px; }
QProgressBar::chunk { background: palette(highlight); border-radius: 5px; }
QProgressBar[over="true"]::chunk { background: palette(bright-text); }
QScrollArea { border: none; background: transparent; }
QScrollArea > QWidget > QWidget { background: transparent; }
QScrollBar:vertical { background: transparent; width: 10px; }
QScrollBar::handle:vertical { background: palette(mid); border-radius: 5px; min-height: 30px; }
QScrollBar::add-line, QScrollBar::sub-line { height: 0; width: 0; }
QScrollBar:horizontal { background: transparent; height: 10px; }
QScrollBar::handle:horizontal { background: palette(mid); border-radius: 5px; min-width: 30px; }
QSplitter::handle { background: palette(mid); }
QMenu { background: palette(base); border: 1px solid palette(mid); padding: 4px; }
QMenu::item { padding: 6px 18px; border-radius: 6px; }
QMenu::item:selected { background: palette(midlight); color: palette(text); }
QMenuBar { background: palette(base); }
QMenuBar::item:selected { background: palette(midlight); }
"""


def apply_theme(app: QApplication, name: str) -> Colors:
    """Apply theme preference ``name`` ("system" | "light" | "dark"; unknown: light) to ``app``;
    with "system" the theme follows later OS colour-scheme changes. Returns the colours shown.

    The first call sets the Fusion style and the style sheet (once: re-applying a sheet re-polishes
    every widget app-wide, 0.3-0.7 s with the main window built); later calls only set the palette
    and :func:`repolish`. A system font change re-polishes too (a style-sheet-polished widget keeps
    the font it had), so all text follows the system font."""
    pref = name if name == "system" or name in THEMES else "light"
    app.setProperty("spectrum_theme_pref", pref)
    if not app.property("spectrum_theme_watch"):
        app.styleHints().colorSchemeChanged.connect(lambda scheme: _scheme_changed(app, scheme))
        app.fontChanged.connect(lambda _f: repolish(app))
        app.setProperty("spectrum_theme_watch", True)
    return _apply_colors(app, colors(resolve(pref)))


def _scheme_changed(app: QApplication, scheme: Qt.ColorScheme) -> None:
    if preference(app) == "system" and resolve("system", scheme) != current(app).name:
        _apply_colors(app, colors(resolve("system", scheme)))


class _Repolisher(QObject):
    """Re-polishes widgets so style-sheet rules pick up the current palette, theme property and
    application font (the sheet text never changes, so Qt does not do it by itself).

    Visible widgets are re-polished at once, parents before children (a child's font resolves
    against its parent's). A hidden subtree (another panel of the stack, a closed dialog or menu)
    is left as it is and re-polished when its root is next shown (QEvent.Show, sent before the
    first paint), so a switch costs what is on screen, not all ~750 widgets of the window."""

    def __init__(self) -> None:
        super().__init__()
        self._stale: dict[int, QWidget] = {}  # hidden roots to re-polish when shown, by id()

    def repolish(self, app: QApplication) -> int:
        """Re-polish what is visible now and mark hidden subtrees stale; returns the number of
        widgets re-polished now."""
        from shiboken6 import isValid

        for k in [k for k, w in self._stale.items() if not isValid(w)]:  # deleted since marked
            del self._stale[k]
        name = str(app.property("spectrum_theme") or "light")
        n = 0
        for top in app.topLevelWidgets():
            if top.property(THEME_PROPERTY) != name:
                top.setProperty(THEME_PROPERTY, name)
            visible = top.isVisible()
            if top.parentWidget() is None:  # a dialog, menu or popup is walked with its window
                if visible:
                    n += self._walk(top, lazy=True)
                else:
                    self._mark(top)
            if visible:
                top.update()
        return n

    def _walk(self, root: QWidget, lazy: bool) -> int:
        skipped: set[int] = set()  # ids of hidden roots (lazy) whose subtree waits for Show
        polished = Qt.WidgetAttribute.WA_WState_Polished
        n = 0
        for w in [root, *root.findChildren(QWidget)]:  # pre-order: a parent before its children
            parent = w.parentWidget()
            if parent is not None and id(parent) in skipped:
                skipped.add(id(w))
                continue
            if lazy and w is not root and not w.isVisible():
                skipped.add(id(w))
                self._mark(w)
                continue
            if w.testAttribute(polished):
                style = w.style()
                style.unpolish(w)
                style.polish(w)
                n += 1
        return n

    def _mark(self, w: QWidget) -> None:
        if id(w) not in self._stale:
            self._stale[id(w)] = w
            w.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Show and self._stale.pop(id(obj), None) is not None:
            obj.removeEventFilter(self)
            self._walk(cast(QWidget, obj), lazy=False)  # a widget of _mark (its id was in _stale)
        return False


_repolisher: _Repolisher | None = None


def repolish(app: QApplication) -> int:
    """Re-polish the application's widgets after a palette or font change (see :class:`_Repolisher`):
    visible ones now (~0.1 ms each on 2 cores), hidden ones when next shown. ``app.setStyleSheet``
    instead re-polishes every widget once per ancestor and sends each a StyleChange: 0.3-0.7 s with
    the main window built. Returns the number of widgets re-polished now."""
    global _repolisher
    if _repolisher is None:
        _repolisher = _Repolisher()
    return _repolisher.repolish(app)


def _apply_colors(app: QApplication, c: Colors) -> Colors:
    first = not app.property("spectrum_fusion")
    if first:  # once: setting a style or a style sheet re-polishes every widget
        app.setStyle("Fusion")  # (with a style sheet, app.style() is the QStyleSheetStyle proxy)
        app.setProperty("spectrum_fusion", True)
    app.setProperty("spectrum_theme", c.name)
    app.setPalette(palette(c))
    if first or not app.styleSheet():
        for top in app.topLevelWidgets():
            top.setProperty(THEME_PROPERTY, c.name)
        app.setStyleSheet(stylesheet())
    else:
        repolish(app)
    notifier().applied.emit(c.name)
    return c


def current(app: QApplication | None = None) -> Colors:
    """Colours of the theme currently applied."""
    app = app or qapp()
    return colors(str(app.property("spectrum_theme") or "light")) if app else LIGHT
