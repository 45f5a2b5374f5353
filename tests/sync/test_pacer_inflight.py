"""The pacer never counts a request still in flight as older than it may be at the server."""

from __future__ import annotations

import asyncio

import pytest
from sync_helpers import FakeTime, run

from desktop.sync.ratelimit import Pacer


@pytest.mark.timeout(10)
def test_a_full_window_waits_for_the_answer_of_its_oldest_request():
    t = FakeTime()
    pacer = Pacer(window_max=5, window_s=1.0, clock=t.clock, sleep=t.sleep)

    async def go():
        tickets = [await pacer.acquire() for _ in range(5)]  # all five still in flight
        sixth = asyncio.ensure_future(pacer.acquire())
        for _ in range(5):
            await asyncio.sleep(0)
        assert not sixth.done()  # sent at 100.0, but the server may not have counted it yet
        t.now = 100.7  # the first answer arrives late: the server counted it at most now
        pacer.complete(tickets[0])
        await sixth
        return t.now

    started = run(go())
    assert started >= 100.7 + 1.0  # a full window after the oldest request's answer
