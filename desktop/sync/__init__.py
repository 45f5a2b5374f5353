"""CRM sync: pull remote changes into the workspace, push the outbox to the CRM.

Public API (what the UI, CLI, executor and composition root use):

- :class:`desktop.sync.port.CrmAdapter` — the adapter port; :class:`desktop.sync.hubspot.HubSpotAdapter`,
  :class:`desktop.sync.pipedrive.PipedriveAdapter` implement it (mappings in ``mapping_*.py``).
- :class:`desktop.sync.engine.SyncEngine` — ``await engine.pull()``: full, then incremental sync,
  cursor per object type, progress callback; returns a :class:`PullReport`.
- :class:`desktop.sync.worker.SyncWorker` — ``await worker.drain()`` / ``await worker.run(stop)``:
  pushes outbox rows in order per record, batched, idempotent, with retries and dead letters.
- :class:`desktop.store.sync_state.StoreState` — the workspace-backed :class:`SyncState`
  (outbox, external ids, cursors, conflicts); ``conflicts()``, ``resolve_conflict(id, keep)``,
  ``summary()`` for status displays. :class:`desktop.sync.state.MemoryState` / ``FileState`` for
  tests and the sandbox.
- :mod:`desktop.sync.credentials` — tokens in the OS keyring (service "spectrum-sync");
  :mod:`desktop.sync.oauth` — HubSpot OAuth refresh token and the one refresh-and-retry on a 401.
- :mod:`desktop.sync.errors` — ``Retryable`` / ``Offline`` / ``RateLimited`` / ``AuthExpired`` /
  ``Conflict`` / ``Permanent``.
- :class:`desktop.sync.emulator.CrmEmulator` — local HubSpot/Pipedrive emulator with rate limits and
  fault injection (tests, benchmarks, ``spectrum sync --sandbox``).
- :class:`desktop.sync.runner.SyncRunner` — pull then push per CRM, once or as the ``--watch`` loop
  the desktop app runs as a child process (one JSON status line per cycle, exit 0 on SIGTERM); built
  by the composition root (:func:`desktop.bootstrap.sync_runner`). The command line (``spectrum
  connect`` / ``sync`` / ``sync status`` / ``sync --watch``) is :mod:`desktop.cli.sync`.

Nothing is imported here at package import time (no side effects).
"""
