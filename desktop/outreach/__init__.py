"""Outreach that leaves the machine (issue 15): confirmed e-mails sent from the user's own mailbox.

* :mod:`~desktop.outreach.mailbox` - SMTP + IMAP with an app password in the OS keyring.
* :mod:`~desktop.outreach.message` - the RFC 5322 message of an outbox row (Message-ID, threading).
* :mod:`~desktop.outreach.rules` - send-time rules (do-not-contact, consent, frequency cap, sending
  hours, daily budget, kill switch): pure functions.
* :mod:`~desktop.outreach.sender` - drains the e-mail outbox after the undo window.
* :mod:`~desktop.outreach.replies` - IMAP polling that matches replies to sent e-mails.
* :mod:`~desktop.cli.email` - ``spectrum connect email`` and ``spectrum email ...``.

Layering: a service package beside ``sync`` and ``agents``: it uses the store's functions and the
domain, never Qt or SQL directly.
"""
