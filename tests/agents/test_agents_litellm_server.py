"""The real litellm adapter against a fake OpenAI-compatible server on 127.0.0.1: tool calling,
token usage and cost from litellm's local cost map, all through the metered gate."""

from __future__ import annotations

import asyncio
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import select

from desktop.agents.llm import LiteLLMPort
from desktop.store import schema as s


def _completion(message: dict, prompt: int, completion: int) -> dict:
    return {"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "gpt-4o-mini",
            "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": prompt, "completion_tokens": completion,
                      "total_tokens": prompt + completion}}


@pytest.fixture
def openai_server():
    requests: list[dict] = []
    replies = [
        _completion({"role": "assistant", "content": None, "tool_calls": [
            {"id": "call_1", "type": "function",
             "function": {"name": "revenue_report", "arguments": "{}"}}]}, 900, 12),
        _completion({"role": "assistant", "content": "Burn is about $29k a month."}, 1400, 11),
    ]

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # http.server API
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            requests.append(body)
            data = json.dumps(replies.pop(0)).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *a):
            pass

    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}/v1", requests
    srv.shutdown()
    srv.server_close()
    t.join(timeout=5)


def test_free_form_question_through_litellm_tool_calling(make_service, workspace, openai_server):
    base, requests = openai_server
    port = LiteLLMPort(api_base=base, api_key="sk-test-not-real")
    svc = make_service(llm_model="openai/gpt-4o-mini", llm=port)
    ans = asyncio.run(svc.ask("cfo", "how should I explain our position to the board?"))
    assert ans.text == "Burn is about $29k a month." and ans.tools == ["revenue_report"]
    assert any(c["name"] == "burn" for c in ans.context)
    assert {t["function"]["name"] for t in requests[0]["tools"]} == {
        "revenue_report", "stale_deals", "what_if", "suggest_change"}   # the cfo loadout's read tools
    tool_msg = requests[1]["messages"][-1]
    assert tool_msg["role"] == "tool" and json.loads(tool_msg["content"])["burn"] > 0
    with workspace.uow() as uow:
        rows = uow.session.execute(select(s.LLMCall).where(s.LLMCall.agent == "cfo")).scalars().all()
    pin, pout = port.price("gpt-4o-mini")
    assert [r.prompt_tokens for r in rows] == [900, 1400]
    assert sum(r.cost_usd for r in rows) == pytest.approx(2300 * pin + 23 * pout, rel=1e-6)
