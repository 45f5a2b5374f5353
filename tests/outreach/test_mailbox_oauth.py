"""Gmail / Microsoft 365 through OAuth: `spectrum connect email --provider ...` signs in through the
browser (PKCE, loopback redirect on 127.0.0.1) against a fake OAuth provider on 127.0.0.1, then SMTP
and IMAP log in with XOAUTH2 on the local mail servers, which check the bearer token."""

from __future__ import annotations

import io
import json
import threading
import time
import urllib.request

import pytest
from fake_oauth import CLIENT_ID, CLIENT_SECRET, FakeOAuth
from mailservers import USER, MailServers
from outreach_helpers import PRIYA, confirm, drain, open_ws, send_plan, set_undo

from desktop.cli import main

GRANT_KEY = ("spectrum-mail", f"oauth:{USER}")


@pytest.fixture
def provider():
    server = FakeOAuth(user=USER).start()
    yield server
    server.stop()


@pytest.fixture
def oauth_mail(provider):
    servers = MailServers(bearer=provider.valid).start()
    yield servers
    servers.stop()


@pytest.fixture
def browser(monkeypatch):
    """The user's browser: opens the consent URL, the provider redirects it to Spectrum's loopback."""
    opened: list[str] = []

    def open_url(url, *args, **kwargs):
        opened.append(url)
        with urllib.request.urlopen(url, timeout=10) as resp:  # follows the 302 to 127.0.0.1:<port>
            assert b"Spectrum is connected" in resp.read()
        return True

    monkeypatch.setattr("webbrowser.open", open_url)
    return opened


def oauth_args(data_dir, mail, provider, name="gmail", *extra):
    return ["--data-dir", str(data_dir), "connect", "email", "--provider", name, "--address", USER,
            "--client-id", CLIENT_ID, "--client-secret-stdin", "--name", "Alex Rivera",
            "--smtp", f"127.0.0.1:{mail.smtp_port}", "--imap", f"127.0.0.1:{mail.imap_port}",
            "--smtp-security", "none", "--imap-security", "none",
            "--auth-url", f"{provider.base}/authorize", "--token-url", f"{provider.base}/token", *extra]


@pytest.fixture
def oauth_connected(data_dir, oauth_mail, provider, memory_keyring, browser, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(CLIENT_SECRET + "\n"))
    assert main(oauth_args(data_dir, oauth_mail, provider)) == 0
    return data_dir


def test_connect_gmail_signs_in_with_pkce_and_keeps_the_grant_in_the_keyring(oauth_connected, provider, browser,
                                                                              oauth_mail, memory_keyring):
    [url] = browser
    auth = next(q for path, q in provider.requests if path == "/authorize")
    assert url.startswith(f"{provider.base}/authorize?")
    assert auth["scope"] == "https://mail.google.com/" and auth["access_type"] == "offline"
    assert auth["code_challenge_method"] == "S256" and auth["login_hint"] == USER
    assert auth["redirect_uri"].startswith("http://127.0.0.1:")
    exchange = next(f for path, f in provider.requests if path == "/token")
    assert exchange["grant_type"] == "authorization_code" and len(exchange["code_verifier"]) >= 43
    grant = json.loads(memory_keyring.data[GRANT_KEY])
    assert grant["client_id"] == CLIENT_ID and grant["client_secret"] == CLIENT_SECRET
    assert grant["refresh_token"].startswith("1//refresh-")
    # connect logged in to both servers with XOAUTH2 (the fake servers checked the bearer token)
    assert oauth_mail.smtp.xoauth2_logins == [(USER, True)]
    ws = open_ws(oauth_connected)
    try:
        from desktop.outreach.sender import mailbox_config

        cfg = mailbox_config(ws)
        assert cfg.auth == "xoauth2" and cfg.oauth_provider == "gmail" and cfg.token_url == f"{provider.base}/token"
        assert cfg.sent_folder == "[Gmail]/Sent Mail"
    finally:
        ws.dispose()


def test_a_confirmed_email_is_sent_and_filed_through_xoauth2(oauth_connected, oauth_mail, provider):
    ws = open_ws(oauth_connected)
    try:
        set_undo(ws, 0)
        [row_id] = confirm(ws, send_plan())
        assert drain(ws, oauth_connected) == 1
        [msg] = oauth_mail.delivered()
        assert msg["To"] == "nina.patel@pinecrestdental.example" and msg["From"] == f"Alex Rivera <{USER}>"
        from desktop.store import email_outbox as eo

        with ws.uow() as uow:
            row = eo.get(uow.session, row_id)
        assert row.status == "sent" and row.filed_at is not None
        assert [m["Message-ID"] for m in oauth_mail.folder("[Gmail]/Sent Mail")] == [row.message_id]
        assert all(ok for _, ok in oauth_mail.smtp.xoauth2_logins)
        assert provider.grants("refresh_token") == 0  # the token from the sign-in was still good
    finally:
        ws.dispose()


def test_an_expired_token_is_refreshed_and_the_send_succeeds(oauth_connected, oauth_mail, provider, memory_keyring):
    ws = open_ws(oauth_connected)
    try:
        set_undo(ws, 0)
        # 1. the stored expiry has passed: a new token is fetched before logging in
        grant = json.loads(memory_keyring.data[GRANT_KEY])
        memory_keyring.data[GRANT_KEY] = json.dumps({**grant, "expires_at": time.time() - 5})
        provider.expire_access_tokens()
        confirm(ws, send_plan(subject="First"))
        assert drain(ws, oauth_connected) == 1
        assert provider.grants("refresh_token") == 1
        assert [ok for _, ok in oauth_mail.smtp.xoauth2_logins] == [True, True]  # connect, then the send
        # 2. the server refuses a token Spectrum still thought valid: refreshed once, then accepted
        provider.expire_access_tokens()
        confirm(ws, send_plan(PRIYA, subject="Second", body="Hi Priya"))  # another contact: the 3-day cap
        assert drain(ws, oauth_connected) == 1
        assert provider.grants("refresh_token") == 2
        assert [ok for _, ok in oauth_mail.smtp.xoauth2_logins][-2:] == [False, True]
        assert [m["Subject"] for m in oauth_mail.delivered()] == ["First", "Second"]
        fresh = json.loads(memory_keyring.data[GRANT_KEY])
        assert fresh["access_token"] != grant["access_token"] and fresh["refresh_token"] == grant["refresh_token"]
    finally:
        ws.dispose()


def test_a_revoked_sign_in_says_to_connect_again_and_keeps_the_email(oauth_connected, oauth_mail, provider, capsys):
    ws = open_ws(oauth_connected)
    try:
        set_undo(ws, 0)
        [row_id] = confirm(ws, send_plan())
    finally:
        ws.dispose()
    provider.revoke()
    capsys.readouterr()
    assert main(["--data-dir", str(oauth_connected), "email", "send"]) == 3
    err = capsys.readouterr().err
    assert "no longer valid (invalid_grant: Token has been expired or revoked.)" in err
    assert f"run `spectrum connect email --provider gmail --address {USER}` again" in err
    assert oauth_mail.delivered() == []
    ws = open_ws(oauth_connected)
    try:
        from desktop.store import email_outbox as eo

        with ws.uow() as uow:
            assert eo.get(uow.session, row_id).status == "queued"  # nothing lost: sent after reconnecting
    finally:
        ws.dispose()


def test_no_secret_reaches_the_database_logs_or_audit(oauth_connected, oauth_mail, provider, memory_keyring, capsys):
    ws = open_ws(oauth_connected)
    try:
        set_undo(ws, 0)
        provider.expire_access_tokens()
        confirm(ws, send_plan())
        assert drain(ws, oauth_connected) == 1
    finally:
        ws.dispose()
    provider.revoke()
    assert main(["--data-dir", str(oauth_connected), "email", "poll"]) == 3
    assert main(["--data-dir", str(oauth_connected), "audit", "--json"]) == 0
    audit_out = capsys.readouterr()
    secrets = [CLIENT_SECRET, *provider.issued]
    assert len(secrets) >= 4  # the code, the refresh token and two access tokens
    files = [p for p in oauth_connected.rglob("*") if p.is_file()]
    assert any(p.name.startswith("workspace.db") for p in files) and any(p.suffix == ".log" for p in files)
    for path in files:
        raw = path.read_bytes()
        for s in secrets:
            assert s.encode() not in raw, f"{s[:12]}... found in {path.name}"
    for s in secrets:
        assert s not in audit_out.out and s not in audit_out.err


def test_microsoft_365_public_client_needs_no_secret(data_dir, memory_keyring, browser, monkeypatch):
    provider = FakeOAuth(user=USER, require_secret=False).start()
    oauth_mail = MailServers(bearer=provider.valid).start()
    try:
        monkeypatch.setattr("sys.stdin", io.StringIO("\n"))
        monkeypatch.setenv("SPECTRUM_OAUTH_M365_TOKEN_URL", f"{provider.base}/token")
        args = oauth_args(data_dir, oauth_mail, provider, "m365")
        i = args.index("--token-url")
        del args[i:i + 2]  # the token endpoint comes from the environment
        assert main(args) == 0
        auth = next(q for path, q in provider.requests if path == "/authorize")
        assert auth["scope"].split() == ["offline_access", "https://outlook.office.com/IMAP.AccessAsUser.All",
                                         "https://outlook.office.com/SMTP.Send"]
        assert "client_secret" not in next(f for path, f in provider.requests if path == "/token")
        assert json.loads(memory_keyring.data[GRANT_KEY])["client_secret"] == ""
        assert oauth_mail.smtp.xoauth2_logins == [(USER, True)]
    finally:
        oauth_mail.stop()
        provider.stop()


def test_a_declined_consent_writes_nothing(data_dir, oauth_mail, provider, memory_keyring, monkeypatch, capsys):
    def decline(url, *args, **kwargs):
        from urllib.parse import parse_qs, urlsplit

        q = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
        threading.Thread(target=lambda: urllib.request.urlopen(
            f"{q['redirect_uri']}?error=access_denied&state={q['state']}", timeout=10).read()).start()
        return True

    monkeypatch.setattr("webbrowser.open", decline)
    monkeypatch.setattr("sys.stdin", io.StringIO(CLIENT_SECRET + "\n"))
    assert main(oauth_args(data_dir, oauth_mail, provider)) == 3
    assert "Gmail did not grant access (access_denied)" in capsys.readouterr().err
    assert memory_keyring.data == {}
