"""UI test fixtures: the real main window from the UI composition root over a temp workspace
seeded with the demo data, a fake microphone, a fake speech engine and a pinned clock."""

from __future__ import annotations

import pytest
from ui_helpers import build


@pytest.fixture
def window(qtbot, tmp_path):
    """The main window over the demo workspace; the fake engine "hears" "Move Acme to Negotiation"."""
    w = build(qtbot, tmp_path)
    yield w
    w.close()
