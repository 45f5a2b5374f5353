"""The RFC 5322 message of one e-mail outbox row.

The Message-ID is the row's (its idempotency key: a retry sends the very same message); a reply
carries ``In-Reply-To`` (the message it answers) and ``References`` (the thread so far), RFC 5322
section 3.6.4, so mail clients thread it with the earlier messages.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

from desktop.outreach.mailbox import MailboxConfig
from desktop.store.email_outbox import EmailRow


def build(row: EmailRow, config: MailboxConfig) -> EmailMessage:
    """The message for ``row`` from ``config.address``: plain text UTF-8, ``Date`` = the row's
    creation time (UTC, so every retry is byte-identical), the row's Message-ID and thread headers."""
    msg = EmailMessage()
    msg["From"] = formataddr((config.display_name, config.address)) if config.display_name else config.address
    msg["To"] = row.to_addr
    msg["Subject"] = row.subject
    msg["Date"] = format_datetime(row.created_at.replace(tzinfo=UTC))
    msg["Message-ID"] = row.message_id
    if row.in_reply_to:
        msg["In-Reply-To"] = row.in_reply_to
        msg["References"] = row.references or row.in_reply_to
    msg["X-Mailer"] = "Spectrum"
    msg.set_content(row.body or "")
    return msg


def reply_subject(subject: str) -> str:
    """``Re: <subject>`` unless it already starts with ``Re:``."""
    return subject if subject[:3].lower() == "re:" else f"Re: {subject}"


def utc_now() -> datetime:
    """Naive UTC now (the store's convention)."""
    return datetime.now(UTC).replace(tzinfo=None)
