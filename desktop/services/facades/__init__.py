"""Typed facades, one per panel of the desktop window (pipeline, revenue, costs, agents, approvals,
notes, activity, settings, command): each holds the queries and commands its panel issues, returns
typed results (frozen dataclasses, typed row dicts) and runs its work off the UI thread through a
:class:`~desktop.services.facades.port.CallPort`. The composition root
(:func:`desktop.bootstrap.build_main_window`) builds them over the backend and hands each panel its own.

These modules import neither Qt, nor the store, nor the backend: the UI imports them.
"""
