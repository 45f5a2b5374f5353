"""Theme preference: System (the default) follows the OS colour scheme; Light / Dark override it;
the choice persists. The OS scheme is forced by emitting QStyleHints.colorSchemeChanged (the
offscreen platform cannot change its own scheme: setColorScheme is a no-op there)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication
from ui_helpers import build

from desktop.ui import theme


def window_colour() -> str:
    return QApplication.instance().palette().color(QPalette.ColorRole.Window).name().upper()


def os_scheme(scheme: Qt.ColorScheme) -> None:
    QApplication.instance().styleHints().colorSchemeChanged.emit(scheme)


def test_system_theme_follows_the_os_and_choice_persists(qtbot, tmp_path):
    w = build(qtbot, tmp_path)
    combo = w.settings_panel.theme
    assert combo.currentData() == "system" and combo.currentText() == "System"
    assert theme.preference() == "system"
    with qtbot.waitSignal(theme.notifier().applied, timeout=2000):
        os_scheme(Qt.ColorScheme.Dark)
    assert theme.current().name == "dark" and window_colour() == theme.DARK.window
    os_scheme(Qt.ColorScheme.Light)
    assert theme.current().name == "light" and window_colour() == theme.LIGHT.window
    # an explicit choice wins over the OS scheme
    w.show_panel(8)
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_End)  # "Dark", the last choice, by keyboard
    assert theme.current().name == "dark" and w.qs.value("ui/theme") == "dark"
    os_scheme(Qt.ColorScheme.Light)
    assert theme.current().name == "dark"
    # Ctrl+Shift+T toggles light/dark and the Settings combo follows
    w.theme_action.trigger()
    assert theme.current().name == "light" and combo.currentData() == "light"
    w.set_theme("dark")
    w.close()
    w2 = build(qtbot, tmp_path, panel=None)
    assert w2.settings_panel.theme.currentData() == "dark" and theme.current().name == "dark"
    w2.set_theme("system")
    assert theme.current().name == "light"  # offscreen reports no scheme: light
    w2.close()


def card_colour(widget) -> str:
    """The colour a user sees inside ``widget``'s border, 6 px above its bottom edge, mid-width."""
    img = widget.grab().toImage()
    return img.pixelColor(img.width() // 2, img.height() - 6).name().upper()


def test_switch_recolours_the_shown_panel_and_later_the_hidden_ones(qtbot, tmp_path):
    w = build(qtbot, tmp_path)
    w.show_panel(3)  # Costs, then Revenue: Costs stays built but hidden during the switch
    qtbot.waitUntil(lambda: w.costs.k_llm.value.text() != "–", timeout=10000)
    w.show_panel(2)
    qtbot.waitUntil(lambda: w.revenue.mrr_chart is not None, timeout=10000)
    kpi, hidden_kpi = w.revenue.kpis["mrr"], w.costs.k_llm
    assert card_colour(kpi) == theme.LIGHT.surface
    w.set_theme("dark")
    assert card_colour(kpi) == theme.DARK.surface
    assert kpi.caption.palette().color(QPalette.ColorRole.WindowText).name().upper() == theme.DARK.muted
    assert w.revenue.mrr_chart.backgroundBrush().color().name().upper() == theme.DARK.surface
    w.show_panel(3)
    assert card_colour(hidden_kpi) == theme.DARK.surface
    assert hidden_kpi.value.palette().color(QPalette.ColorRole.WindowText).name().upper() == theme.DARK.text
    # back to light while Revenue (charts included) is hidden
    w.set_theme("light")
    assert card_colour(hidden_kpi) == theme.LIGHT.surface
    w.show_panel(2)
    assert card_colour(kpi) == theme.LIGHT.surface
    assert w.revenue.mrr_chart.backgroundBrush().color().name().upper() == theme.LIGHT.surface
    w.close()


def test_text_on_shown_and_hidden_panels_follows_the_system_font(qtbot, tmp_path):
    w = build(qtbot, tmp_path)
    w.show_panel(3)
    qtbot.waitUntil(lambda: w.costs.k_llm.value.text() != "–", timeout=10000)
    w.show_panel(2)
    app = QApplication.instance()
    shown, hidden = w.revenue.kpis["mrr"].caption, w.costs.k_llm.caption
    before = QFont(app.font())
    bigger = QFont(before)
    bigger.setPointSizeF(before.pointSizeF() * 1.5)
    try:
        app.setFont(bigger)
        assert shown.font().pointSizeF() == bigger.pointSizeF()
        w.show_panel(3)
        assert hidden.font().pointSizeF() == bigger.pointSizeF()
        assert hidden.sizeHint().height() > QFontMetrics(before).height()
    finally:
        app.setFont(before)
    assert hidden.font().pointSizeF() == before.pointSizeF()
    w.close()


def test_sidebar_rows_have_their_styled_height_from_the_start(qtbot, tmp_path):
    """The rows are laid out with the style sheet's padding before any theme change (a theme
    switch no longer re-polishes everything, which used to hide rows laid out unstyled)."""
    w = build(qtbot, tmp_path, panel=None)
    sb = w.sidebar
    rows = [sb.visualItemRect(sb.item(i)) for i in range(sb.count())]
    assert all(r.height() > sb.fontMetrics().height() + 8 for r in rows)  # 9 px padding above and below
    assert all(b.top() > a.bottom() for a, b in zip(rows, rows[1:]))  # no overlap
    w.close()


def test_open_record_dialog_follows_a_theme_switch(qtbot, tmp_path):
    from desktop.ui.widgets.record_view import RecordDialog

    w = build(qtbot, tmp_path)
    w.set_theme("light")
    dialog = RecordDialog({"kind": "deal", "name": "Acme Corp - Platform Rollout", "stage_label": "Negotiation",
                           "amount": 100000, "activities": [], "tasks": []}, w)
    qtbot.addWidget(dialog)
    dialog.show()
    assert theme.LIGHT.muted.lower() in dialog.body.toHtml().lower()
    w.set_theme("dark")  # while the dialog is open: its muted labels take the dark theme's colour
    html = dialog.body.toHtml().lower()
    assert theme.DARK.muted.lower() in html and theme.LIGHT.muted.lower() not in html
    w.close()
