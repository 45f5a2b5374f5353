"""Drive the HubSpot adapter through Stoplight Prism validating against HubSpot's published OpenAPI
files, and count the violations (issue 13).

HubSpot's specs are NOT kept in this repository: fetch them yourself (github.com/HubSpot/
HubSpot-public-api-spec-collection) and give their folder (``--spec-dir``, files named as below) or
the collection's git directory (``--spec-git``: the files are read with ``git show`` into a
temporary folder that is deleted afterwards).

Set-up: the in-process CRM emulator is the upstream; one ``prism proxy`` per spec (CRM objects v3,
pipelines v3, properties v3, associations v4, account info v3, OAuth v1) listens on 127.0.0.1;
the adapter's httpx transport sends each request to the Prism for its path. Prism validates the
request and the emulator's response against the spec and lists what it found in the
``sl-violations`` header. The driver is the sandbox round of ``tests/sync/contract_round.py``
(connect, full pull, creates of every object type, updates that set and clear fields, stage moves,
a contact moved to another company, a contact taken off a deal, a held then mapped stage, a remote
edit and incremental pull, a delete) plus an OAuth token refresh.

Counted: violations in *requests* (the adapter's fault: the target is 0), and separately those in
*responses* (the emulator's answers, or the spec's own mistakes) and request violations matching a
known mistake of the published spec (:data:`SPEC_MISTAKES`, each with its reason).

Usage::

    python scripts/hubspot_contract_check.py --spec-git /path/to/spec-collection/.git \\
        --prism /work/prism/node_modules/.bin/prism [--repo /path/to/spectrum] [--json]

``--repo``: the Spectrum checkout whose ``desktop`` package is driven (default: this one), so a
branch can be measured before and after a change. Prints one line per distinct violation with its
count, then the totals; ``--json`` prints the summary as JSON on stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

#: spec file (in --spec-dir) -> (path in the collection, path prefixes it serves)
SPECS = {
    "objects.json": ("PublicApiSpecs/CRM/Objects/Rollouts/424/v3/objects.json", ("/crm/v3/objects/",)),
    "pipelines.json": ("PublicApiSpecs/CRM/Pipelines/Rollouts/145896/v3/pipelines.json",
                       ("/crm/v3/pipelines/",)),
    "properties.json": ("PublicApiSpecs/CRM/Properties/Rollouts/145899/v3/properties.json",
                        ("/crm/v3/properties/",)),
    "associations.json": ("PublicApiSpecs/CRM/Associations/Rollouts/130902/v4/associations.json",
                          ("/crm/v4/",)),
    "accountInfo.json": ("PublicApiSpecs/Account/Account Info/Rollouts/144923/v3/accountInfo.json",
                         ("/account-info/",)),
    "oauth.json": ("PublicApiSpecs/Auth/Oauth/Rollouts/155908/v1/oauth.json", ("/oauth/",)),
}
#: request violations that come from the published spec, not the adapter: (path fragment, message
#: fragment) -> why (each checked against HubSpot's prose documentation).
SPEC_MISTAKES: dict[tuple[str, str], str] = {
    ("/search", "must have required property 'after'"):
        "CRM search guide: a basic search body may be {}; 'after' is sent only to get the next "
        "page (the generated reference marks it required)",
    ("/search", "sorts.0 must be string"):
        "CRM search guide, 'Sort search results': sorts are objects {\"propertyName\": ..., "
        "\"direction\": \"ASCENDING\"|\"DESCENDING\"} (the reference types the items as strings)",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_port(port: int, proc: subprocess.Popen, timeout: float = 120.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise RuntimeError(f"prism exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"prism did not listen on {port} within {timeout} s")


def extract_specs(git_dir: Path, out: Path) -> None:
    """Write the spec files of :data:`SPECS` from the collection's git directory into ``out``."""
    for name, (path, _) in SPECS.items():
        data = subprocess.run(["git", "--git-dir", str(git_dir), "show", f"HEAD:{path}"],
                              check=True, capture_output=True).stdout
        (out / name).write_bytes(data)


class Recorder:
    """Per request: method, path, status and Prism's violations (``sl-violations`` header)."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []


def routing_transport(ports: dict[str, int], recorder: Recorder):
    """An httpx transport sending each request to the Prism that serves its path."""
    import httpx

    class Routing(httpx.AsyncBaseTransport):
        def __init__(self) -> None:
            self.inner = httpx.AsyncHTTPTransport()

        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            path = request.url.path
            port = next((ports[name] for name, (_, prefixes) in SPECS.items()
                         if any(path.startswith(p) for p in prefixes)), None)
            if port is None:
                recorder.calls.append({"method": request.method, "path": path, "status": None,
                                       "violations": [{"location": ["request"], "code": "no-spec",
                                                       "message": "no spec serves this path"}]})
                return httpx.Response(404, json={"status": "error", "message": "no spec"},
                                      request=request)
            request.url = request.url.copy_with(scheme="http", host="127.0.0.1", port=port)
            request.headers["host"] = f"127.0.0.1:{port}"
            response = await self.inner.handle_async_request(request)
            raw = response.headers.get("sl-violations")
            violations = json.loads(raw) if raw else []
            recorder.calls.append({"method": request.method, "path": path,
                                   "status": response.status_code, "violations": violations})
            return response

        async def aclose(self) -> None:
            await self.inner.aclose()

    return Routing()


def start_router(ports: dict[str, int], recorder: Recorder):
    """A reverse proxy on 127.0.0.1 (ephemeral port) sending each request to the Prism serving
    its path, for the real ``spectrum`` CLI (one ``--base-url``). Returns the server (``.url``)."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    import httpx

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # quiet
            pass

        def _forward(self) -> None:
            path = self.path.split("?")[0]
            port = next((ports[name] for name, (_, prefixes) in SPECS.items()
                         if any(path.startswith(p) for p in prefixes)), None)
            body = self.rfile.read(int(self.headers.get("content-length") or 0))
            if port is None:
                recorder.calls.append({"method": self.command, "path": path, "status": None,
                                       "via": "cli", "violations": [{"location": ["request"],
                                       "code": "no-spec", "message": "no spec serves this path"}]})
                self.send_response(404)
                self.end_headers()
                return
            headers = {k: v for k, v in self.headers.items()
                       if k.lower() not in ("host", "content-length", "connection")}
            with httpx.Client(timeout=60.0) as c:
                r = c.request(self.command, f"http://127.0.0.1:{port}{self.path}", content=body,
                              headers=headers)
            raw = r.headers.get("sl-violations")
            recorder.calls.append({"method": self.command, "path": path, "status": r.status_code,
                                   "via": "cli", "violations": json.loads(raw) if raw else []})
            self.send_response(r.status_code)
            for k, v in r.headers.items():
                if k.lower() not in ("content-length", "transfer-encoding", "connection",
                                     "content-encoding"):
                    self.send_header(k, v)
            self.send_header("content-length", str(len(r.content)))
            self.end_headers()
            self.wfile.write(r.content)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _forward

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.url = f"http://127.0.0.1:{server.server_address[1]}"  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def drive_cli(router_url: str, token: str, repo: Path, work: Path) -> list[str]:
    """The real ``spectrum`` command against the router: connect (key properties), a full sync,
    a typed plan applied with --yes, a sync that pushes it. Returns the problems seen (non-zero
    exits with their stderr)."""
    kr = work / "keyring.json"
    kr.write_text(json.dumps({"spectrum-sync/hubspot": token}))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(repo), str(repo / "tests" / "sync"),
                                                       str(Path(__file__).resolve().parents[1] / "tests" / "sync")]),
               PYTHON_KEYRING_BACKEND="file_keyring.FileKeyring", SPECTRUM_TEST_KEYRING=str(kr))
    data = work / "cli-data"
    steps = [["sync", "--once", "--crm", "hubspot", "--base-url", router_url],
             ["run", "--yes", "Add Tom Hardy at Globex Industries, his phone is 555 0101"],
             ["run", "--yes", "Log a call with Ada Lovelace: walked through pricing"],
             ["sync", "--once", "--crm", "hubspot", "--base-url", router_url]]
    problems = []
    for step in steps:
        proc = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data), *step],
                              env=env, cwd=str(repo), capture_output=True, text=True, timeout=600)
        if proc.returncode != 0:
            problems.append(f"{' '.join(step[:2])}: exit {proc.returncode}: {proc.stderr.strip()[-300:]}")
    return problems


def template(path: str) -> str:
    """``/crm/v3/objects/deals/123`` -> ``/crm/v3/objects/deals/{id}`` (violations grouped)."""
    return "/".join("{id}" if part.isdigit() else part for part in path.split("/"))


async def drive(recorder: Recorder, ports: dict[str, int], emu, ws) -> dict[str, Any]:
    import httpx
    import keyring
    import keyring.backend
    from contract_round import sandbox_round, seed_hubspot

    from desktop.sync.http import RetryPolicy
    from desktop.sync.hubspot import HubSpotAdapter
    from desktop.sync.oauth import TokenRefresher, save_oauth
    from desktop.sync.ratelimit import Pacer

    class MemoryKeyring(keyring.backend.KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.store: dict[tuple[str, str], str] = {}

        def set_password(self, service: str, username: str, password: str) -> None:
            self.store[(service, username)] = password

        def get_password(self, service: str, username: str) -> str | None:
            return self.store.get((service, username))

        def delete_password(self, service: str, username: str) -> None:
            self.store.pop((service, username), None)

    keyring.set_keyring(MemoryKeyring())
    seeded = seed_hubspot(emu.hubspot)
    for t in ("notes", "calls", "meetings", "tasks"):  # a portal connected before the fix
        emu.hubspot.properties[t].pop("spectrum_key", None)
    emu.add_oauth_app("app-1", "app-secret", "refresh-1")
    save_oauth("hubspot", refresh_token="refresh-1", client_id="app-1", client_secret="app-secret")
    out: dict[str, Any] = {"error": None}
    async with httpx.AsyncClient(transport=routing_transport(ports, recorder),
                                 timeout=httpx.Timeout(60.0, connect=10.0)) as c:
        adapter = HubSpotAdapter(c, lambda: emu.token, base_url="http://hubspot.prism",
                                 retry=RetryPolicy(attempts=2, base_s=0.01, cap_s=0.05),
                                 pacer=Pacer(rate=10_000, burst=100),
                                 search_pacer=Pacer(rate=10_000, burst=100))
        try:
            await TokenRefresher(c, "http://hubspot.prism")()

            def remote_edit() -> None:
                emu.hubspot.update("deals", seeded["deal"]["id"], {"dealname": "Pilot (renamed)"})
            result = await sandbox_round(ws, adapter, "hubspot", remote_edit=remote_edit)
            # the calls the round does not need: a key lookup and a single default association
            await adapter.find_by_key("activity", "no-such-key")
            await adapter.associate("contact", str(seeded["bo"]["id"]), "company",
                                    str(seeded["initech"]["id"]))
            out["dead"] = sum(r.dead for r in result["pushes"])
            out["push_errors"] = [e for r in result["pushes"] for e in r.errors]
        except Exception as exc:  # noqa: BLE001 - the round may fail on old code: report, count
            out["error"] = f"{type(exc).__name__}: {exc}"[:500]
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--spec-dir", type=Path, help="folder holding the spec files named as in SPECS")
    p.add_argument("--spec-git", type=Path, help="the spec collection's git directory")
    p.add_argument("--prism", default="prism", help="the prism executable (Prism CLI 5.16.0)")
    p.add_argument("--repo", type=Path, default=Path(__file__).resolve().parents[1],
                   help="Spectrum checkout to drive (default: this one)")
    p.add_argument("--no-cli", action="store_true", help="skip the real-CLI part")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    if not args.spec_dir and not args.spec_git:
        p.error("give --spec-dir or --spec-git")
    here = Path(__file__).resolve().parents[1]
    sys.path[:0] = [str(args.repo), str(here / "tests" / "sync")]
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

    from desktop.store.db import open_workspace
    from desktop.sync.emulator import CrmEmulator, RateLimit

    tmp = Path(tempfile.mkdtemp(prefix="hs-contract-"))
    procs: list[subprocess.Popen] = []
    try:
        spec_dir = args.spec_dir
        if spec_dir is None:
            spec_dir = tmp / "specs"
            spec_dir.mkdir()
            extract_specs(args.spec_git, spec_dir)
        emu = CrmEmulator(token="pat-contract-check", hubspot_limit=RateLimit(None, 1.0),
                          search_limit=RateLimit(None, 1.0))
        emu.start()
        ports = {}
        for name in SPECS:
            port = _free_port()
            with open(tmp / f"{name}.log", "w") as log:  # the child keeps its own copy of the descriptor
                procs.append(subprocess.Popen(
                    [args.prism, "proxy", str(spec_dir / name), emu.url, "--host", "127.0.0.1",
                     "--port", str(port), "--errors", "false"], stdout=log, stderr=subprocess.STDOUT))
            ports[name] = port
        for (_name, port), proc in zip(ports.items(), procs):
            _wait_port(port, proc)
        ws = open_workspace(f"sqlite:///{tmp / 'ws.sqlite'}")
        recorder = Recorder()
        started = time.monotonic()
        result = asyncio.run(drive(recorder, ports, emu, ws))
        if not args.no_cli:
            router = start_router(ports, recorder)
            try:
                result["cli_problems"] = drive_cli(router.url, emu.token, args.repo, tmp)
            finally:
                router.shutdown()
        seconds = time.monotonic() - started
        ws.dispose()
        emu.stop()
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(tmp, ignore_errors=True)

    groups: collections.Counter[tuple[str, str, str, str]] = collections.Counter()
    adapter = spec = response = 0
    for call in recorder.calls:
        for v in call["violations"]:
            where = (v.get("location") or ["?"])[0]
            key = (where, f"{call['method']} {template(call['path'])}",
                   ".".join(str(x) for x in (v.get("location") or [])[1:]), str(v.get("message")))
            groups[key] += 1
            if where != "request":
                response += 1
            elif any(frag in call["path"] and msg in str(v.get("message"))
                     for frag, msg in SPEC_MISTAKES):
                spec += 1
            else:
                adapter += 1
    unmatched = sum(1 for c in recorder.calls for v in c["violations"]
                    if "NO_PATH_MATCHED" in str(v.get("code")) or v.get("code") == "no-spec")
    summary = {"requests": len(recorder.calls),
               "cli_requests": sum(1 for c in recorder.calls if c.get("via") == "cli"),
               "cli_problems": result.get("cli_problems"),
               "cli_calls": dict(collections.Counter(f"{c['method']} {template(c['path'])}"
                                                     for c in recorder.calls if c.get("via") == "cli")),
               "adapter_violations": adapter,
               "spec_mistakes": spec, "response_violations": response,
               "unmatched_paths": unmatched, "round_error": result.get("error"),
               "dead_letters": result.get("dead"), "seconds": round(seconds, 1),
               "violations": [{"in": k[0], "call": k[1], "at": k[2], "message": k[3], "count": n}
                              for k, n in sorted(groups.items())]}
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        for v in summary["violations"]:
            print(f"{v['count']:>4}  {v['in']:<8} {v['call']:<60} {v['at']}: {v['message']}",
                  file=sys.stderr)
        print(f"requests {summary['requests']} ({summary['cli_requests']} from the CLI), "
              f"CLI problems {summary['cli_problems']}, adapter violations {adapter}, spec mistakes {spec}, "
              f"response violations {response}, unmatched paths {unmatched}, dead letters "
              f"{summary['dead_letters']}, round error: {summary['round_error']}", file=sys.stderr)
    return 0 if adapter == 0 and not result.get("error") else 1


if __name__ == "__main__":
    sys.exit(main())
