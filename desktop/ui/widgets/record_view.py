"""The record dialog: a deal, contact or company with its fields, associations, activities, tasks
and attached voice notes."""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from desktop.services.facades.command import RecordDetail
from desktop.ui import theme

FIELDS = {"deal": [("stage_label", "Stage"), ("amount", "Amount"), ("close_date", "Close date"),
                   ("company_name", "Company"), ("owner", "Owner"), ("competitor", "Competitor"),
                   ("next_step", "Next step"), ("last_activity_at", "Last activity")],
          "contact": [("email", "Email"), ("phone", "Phone"), ("job_title", "Title"), ("company_name", "Company"),
                      ("do_not_contact", "Do not contact")],
          "company": [("domain", "Domain"), ("industry", "Industry"), ("employees", "Employees"),
                      ("city", "City"), ("country", "Country")]}


def record_html(d: RecordDetail) -> str:
    """HTML of a record dict from :meth:`Backend.record`; associated records are ``type:id`` links."""
    c = theme.current()
    e = lambda v: html.escape("" if v is None else str(v))  # noqa: E731
    out = ["<table cellspacing=6>"]
    for key, label in FIELDS.get(d["kind"], []):
        v = d.get(key)
        if key == "amount" and v is not None:
            v = f"${v:,.0f}"
        out.append(f"<tr><td style='color:{c.muted}'>{label}</td><td>{e(v) or '–'}</td></tr>")
    out.append("</table>")

    def section(title: str, items: list[str]) -> None:
        out.append(f"<h3>{title}</h3>")
        out.append("<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>" if items
                   else f"<p style='color:{c.muted}'>None</p>")

    if "contacts" in d:
        section("Contacts", [f"<a href='contact:{x['id']}'>{e(x['name'] if 'name' in x else x.get('first_name'))}</a>"
                             + (f" — {e(x.get('job_title'))}" if x.get("job_title") else "") for x in d["contacts"]])
    if "deals" in d:
        section("Deals", [f"<a href='deal:{x['id']}'>{e(x['name'])}</a> ({e(x['stage'])})" for x in d["deals"]])
    if "activities" in d:
        section("Activities", [f"<b>{e(a['type'])}</b> {e(a['at'])} — {e(a['subject'])}"
                               + (f"<br><span style='color:{c.muted}'>{e(a['body'])}</span>" if a.get("body") else "")
                               for a in d["activities"]])
    if "tasks" in d:
        section("Tasks", [f"{'☑' if t['status'] == 'done' else '☐'} {e(t['title'])}"
                          + (f" — due {e(t['due_date'])}" if t.get("due_date") else "") for t in d["tasks"]])
    section("Voice notes", [f"{e(n.created_at[:16].replace('T', ' '))}: "
                            f"{e(n.transcript.text if n.transcript else n.state)}" for n in d.get("notes", [])])
    return "".join(out)


class RecordDialog(QDialog):
    """Shows one record. Signals: open_record(kind, id) when an associated record link is clicked."""

    open_record = Signal(str, int)

    def __init__(self, data: RecordDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.setWindowTitle(f"{data['kind'].title()}: {data.get('name', '')}")
        self.resize(620, 640)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(20, 16, 20, 16)
        title = QLabel(str(data.get("name", "")))
        theme.set_scaled_font(title, 1.4, bold=True)
        sub = QLabel(data["kind"].title())
        sub.setObjectName("Muted")
        lay.addWidget(title)
        lay.addWidget(sub)
        self.body = QTextBrowser()
        self.body.setOpenLinks(False)
        self.body.setHtml(record_html(data))
        self.body.anchorClicked.connect(self._link)
        lay.addWidget(self.body, 1)
        # the HTML carries theme colours: re-render it when the theme changes while the dialog is open
        theme.notifier().applied.connect(self._rerender)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def _rerender(self, _theme: str = "") -> None:
        self.body.setHtml(record_html(self.data))

    def _link(self, url: QUrl) -> None:
        kind, _, ident = url.toString().partition(":")
        if ident.isdigit():
            self.open_record.emit(kind, int(ident))
