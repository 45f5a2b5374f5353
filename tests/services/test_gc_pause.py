"""Bulk work pauses the cyclic collector and restores it, even when nested or failing."""

from __future__ import annotations

import gc

import pytest

from desktop.gc_pause import bulk_work


def test_collector_paused_inside_and_restored_after():
    assert gc.isenabled()
    with bulk_work():
        assert not gc.isenabled()
        with bulk_work():
            assert not gc.isenabled()
        assert not gc.isenabled(), "the outer block still runs"
    assert gc.isenabled()
    with pytest.raises(RuntimeError), bulk_work():
        raise RuntimeError("boom")
    assert gc.isenabled()
