"""Reusable widgets: the Plan card, level meter, KPI tiles, record view."""
