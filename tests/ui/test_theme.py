"""Theme preference: System (the default) follows the OS colour scheme; Light / Dark override it;
the choice persists. The OS scheme is forced by emitting QStyleHints.colorSchemeChanged (the
offscreen platform cannot change its own scheme: setColorScheme is a no-op there)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from desktop.ui import theme
from ui_helpers import build


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
