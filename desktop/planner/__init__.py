"""Understanding: an instruction (typed or transcribed) -> a :class:`~desktop.domain.plan.Plan`.

Public API (everything else in this package is private):

* :class:`Planner` - protocol ``plan(text, *, now, context=None) -> Plan``.
* :class:`PlanContext` - what the UI shows (the record in view) for "move it to negotiation".
* :class:`OfflinePlanner` - the default: clause parser + workspace entity index; no network.
* :class:`LLMPlanner` - the same protocol through litellm, falling back to the offline planner.
* :class:`EntityIndex` - the workspace names the planners resolve against (built from store rows).
* :func:`build_planner` - the planner the app should use for an index and settings.

Layering: imports ``desktop.domain`` (and rapidfuzz / jellyfish / dateparser-style helpers) only;
the store builds the index rows, services inject the planner into agents and chat.
"""

import re

# The rules are some 1,200 regular expressions, most used through ``re.sub``/``re.search`` with the pattern as a
# string; CPython 3.11's ``re`` module keeps only 512 compiled patterns (``re._MAXCACHE``), so planning recompiled
# patterns all the time (measured: 38% of plan time on the blind sets). A larger cache keeps them compiled; the
# attribute is private, so it is only raised where it exists.
if isinstance(getattr(re, "_MAXCACHE", None), int) and re._MAXCACHE < 4096:  # type: ignore[attr-defined]
    re._MAXCACHE = 4096  # type: ignore[attr-defined]

from desktop.planner.entity_index import EntityIndex
from desktop.planner.llm_planner import LLMPlanner
from desktop.planner.llm_planner import make_planner as build_planner
from desktop.planner.offline import OfflinePlanner, PlanContext, Planner

__all__ = ["EntityIndex", "LLMPlanner", "OfflinePlanner", "PlanContext", "Planner", "build_planner"]
