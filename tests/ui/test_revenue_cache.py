"""The revenue figures stay right while their subscription/expense part is cached: a new
subscription (imported in-process, as another `spectrum import` would) moves MRR at once, and a
deal move re-reads the deal figures."""

from __future__ import annotations

from desktop.bootstrap import DEMO_NOW
from desktop.config import Settings
from desktop.services.backend import Backend


def test_revenue_cache_follows_subscriptions_and_deals(tmp_path):
    backend = Backend.open(Settings(data_dir=tmp_path / "ws"), seed_demo=True, now=lambda: DEMO_NOW)
    try:
        before = backend.revenue()
        assert backend.revenue()["mrr"] == before["mrr"]  # served from the cache, same figures
        csv = tmp_path / "subs" / "subscriptions.csv"
        csv.parent.mkdir()
        csv.write_text("id,Customer Name,Customer Email,Plan,Quantity,Interval,Amount,Currency,Status,"
                       "Created (UTC),Canceled At (UTC)\n"
                       "sub_9999,Cache Test,billing@cache.example,Growth,2,month,500.00,usd,active,"
                       "2026-10-01 00:00,\n")
        from desktop.store.importer import import_paths

        import_paths(backend.ws, [csv])  # behind the backend's back: the fingerprint must notice
        after = backend.revenue()
        assert after["mrr"] == before["mrr"] + 1000
        assert after["mrr_series"][-1][1] == before["mrr_series"][-1][1] + 1000
        deal = next(r for r in backend.deal_rows() if r["open"] and r["amount"])
        won = next(c.stage.label for c in backend.board() if c.stage.is_won)
        backend.apply(backend.stage_move_plan(deal["id"], deal["name"], won), "ui")
        moved = backend.revenue()
        assert moved["pipeline_value"] == before["pipeline_value"] - deal["amount"]
        assert moved["mrr"] == after["mrr"]
    finally:
        backend.close()
