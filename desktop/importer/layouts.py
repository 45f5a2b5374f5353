"""CSV layouts Spectrum imports, recognised by their header row, and the row parsers.

Layouts: HubSpot CRM exports of companies, contacts, deals and activities; a Stripe Billing
subscriptions export; an expenses ledger (date, category, vendor, amount, currency). A parser turns
one CSV row (a list of strings) into a plain dict of typed values or raises :class:`RowProblem`.
Amounts become integer cents (major units x 100, rounded half-even on the cent).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation


class RowProblem(ValueError):
    """A row that cannot be imported; the message is the reason shown as ``file:line: reason``."""


@dataclass(frozen=True)
class Layout:
    """A recognised CSV layout.

    Attributes:
        name: companies | contacts | deals | activities | subscriptions | expenses.
        signature: lower-case columns whose presence identifies the layout.
        required: lower-case columns that must be present for the import to run.
        order: import order (dependencies first).
    """

    name: str
    signature: frozenset[str]
    required: frozenset[str]
    order: int


LAYOUTS: tuple[Layout, ...] = (
    Layout("companies", frozenset({"record id", "company name"}), frozenset({"record id", "company name"}), 0),
    Layout("contacts", frozenset({"record id", "first name", "last name"}),
           frozenset({"record id", "first name", "last name"}), 1),
    Layout("deals", frozenset({"record id", "deal name", "deal stage"}),
           frozenset({"record id", "deal name", "deal stage"}), 2),
    Layout("activities", frozenset({"activity id", "activity type", "activity date"}),
           frozenset({"activity id", "activity type", "activity date"}), 3),
    Layout("subscriptions", frozenset({"id", "status", "interval", "amount"}),
           frozenset({"id", "status", "interval", "amount", "currency"}), 4),
    Layout("expenses", frozenset({"date", "vendor", "amount"}),
           frozenset({"date", "category", "vendor", "amount", "currency"}), 5),
)


def detect_layout(header: list[str]) -> Layout | None:
    """The layout whose signature columns all appear in ``header`` (case-insensitive), or None."""
    cols = {h.strip().lower() for h in header}
    best = [lay for lay in LAYOUTS if lay.signature <= cols]
    return max(best, key=lambda lay: len(lay.signature)) if best else None


class Row:
    """Case-insensitive access to one CSV row by column name. ``values`` must already be stripped
    and padded to the header's length (the importer does both once per row)."""

    __slots__ = ("_idx", "values")

    def __init__(self, idx: dict[str, int], values: list[str]) -> None:
        self._idx = idx
        self.values = values

    def get(self, col: str) -> str:
        """The stripped cell, or "" when the column is absent or the row is short."""
        i = self._idx.get(col)
        return "" if i is None else self.values[i]

    def req(self, col: str) -> str:
        """The stripped cell; raises :class:`RowProblem` when empty."""
        v = self.get(col)
        if not v:
            raise RowProblem(f"missing required value '{col}'")
        return v


def parse_datetime(text: str, col: str) -> datetime | None:
    """``YYYY-MM-DD[ HH:MM[:SS]]`` or ISO 8601 -> naive datetime; "" -> None.

    Raises: RowProblem on anything else.
    """
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise RowProblem(f"bad date in '{col}': {text!r} (expected YYYY-MM-DD or YYYY-MM-DD HH:MM)") from None
    if value.tzinfo is not None:
        value = value.astimezone(tz=None).replace(tzinfo=None)
    return value


def parse_date(text: str, col: str) -> date | None:
    """Like :func:`parse_datetime` but returns the date part."""
    value = parse_datetime(text, col)
    return value.date() if value else None


#: Largest money amount (major units) a row may carry; bigger is a typo or an overflow, not money.
MAX_AMOUNT = Decimal("1e13")


def parse_cents(text: str, col: str, *, negative_ok: bool = False) -> int | None:
    """A money amount in major units ("60000", "1,999.00", "$799") -> integer cents; "" -> None.

    ``negative_ok``: accept amounts below zero (an expenses ledger's refunds); deals and
    subscriptions never have one.

    Raises: RowProblem when it is not a finite number, is negative (unless ``negative_ok``), or is
    larger than :data:`MAX_AMOUNT` ("1e309", "99999999999999999").
    """
    if not text:
        return None
    clean = text.replace(",", "").replace("$", "").replace("€", "").replace("£", "").strip()
    try:
        value = Decimal(clean)
    except InvalidOperation:
        raise RowProblem(f"bad amount in '{col}': {text!r}") from None
    if not value.is_finite() or abs(value) > MAX_AMOUNT:
        raise RowProblem(f"bad amount in '{col}': {text!r} (not a finite amount up to {MAX_AMOUNT:,.0f})")
    if value < 0 and not negative_ok:
        raise RowProblem(f"negative amount in '{col}': {text!r}")
    return int((value * 100).quantize(Decimal(1)))


def parse_int(text: str, col: str) -> int | None:
    """Whole number or "" -> None; raises RowProblem otherwise."""
    if not text:
        return None
    try:
        return int(Decimal(text.replace(",", "")))
    except (InvalidOperation, ValueError):
        raise RowProblem(f"bad number in '{col}': {text!r}") from None


def split_ids(text: str) -> list[str]:
    """HubSpot multi-value association cells use ';' between record ids."""
    if not text:
        return []
    if ";" not in text:
        return [text]
    return [p.strip() for p in text.split(";") if p.strip()]


ACTIVITY_TYPE_MAP = {"call": "call", "calls": "call", "meeting": "meeting", "meetings": "meeting",
                     "email": "email", "emails": "email", "incoming_email": "email", "note": "note",
                     "notes": "note"}
INTERVALS = {"day", "week", "month", "year"}


def parse_company(r: Row) -> dict:
    """companies.csv row -> dict (record_id, name, domain, industry, employees, city, country, created_at)."""
    return {"record_id": r.req("record id"), "name": r.req("company name"),
            "domain": r.get("company domain name") or None, "industry": r.get("industry") or None,
            "employees": parse_int(r.get("number of employees"), "Number of Employees"),
            "city": r.get("city") or None, "country": r.get("country/region") or None,
            "created_at": parse_datetime(r.get("create date"), "Create Date")}


def parse_contact(r: Row) -> dict:
    """contacts.csv row -> dict; ``company_refs`` holds the associated company record ids."""
    first, last = r.get("first name"), r.get("last name")
    if not first and not last:
        raise RowProblem("missing required value 'First Name' or 'Last Name'")
    return {"record_id": r.req("record id"), "first_name": first, "last_name": last,
            "email": r.get("email") or None, "phone": r.get("phone number") or None,
            "job_title": r.get("job title") or None, "lifecycle_stage": r.get("lifecycle stage") or None,
            "lead_status": r.get("lead status") or None,
            "created_at": parse_datetime(r.get("create date"), "Create Date"),
            "company_refs": split_ids(r.get("associated company ids"))}


def parse_deal(r: Row) -> dict:
    """deals.csv row -> dict with pipeline label, stage label, amount_cents and association refs."""
    return {"record_id": r.req("record id"), "name": r.req("deal name"),
            "pipeline": r.get("pipeline") or "Sales Pipeline", "stage": r.req("deal stage"),
            "amount_cents": parse_cents(r.get("amount"), "Amount"),
            "currency": (r.get("currency") or "usd").lower(),
            "close_date": parse_date(r.get("close date"), "Close Date"),
            "owner": r.get("deal owner") or None,
            "created_at": parse_datetime(r.get("create date"), "Create Date"),
            "last_activity_at": parse_datetime(r.get("last activity date"), "Last Activity Date"),
            "company_refs": split_ids(r.get("associated company ids")),
            "contact_refs": split_ids(r.get("associated contact ids"))}


def parse_activity(r: Row) -> dict:
    """activities.csv row -> dict (type call|meeting|email|note, occurred_at, subject, body, refs)."""
    raw = r.req("activity type")
    kind = ACTIVITY_TYPE_MAP.get(raw.lower())
    if kind is None:
        raise RowProblem(f"unknown activity type {raw!r} (expected CALL, EMAIL, MEETING or NOTE)")
    return {"record_id": r.req("activity id"), "type": kind,
            "occurred_at": parse_datetime(r.req("activity date"), "Activity Date"),
            "subject": r.get("subject") or None, "body": r.get("body") or None,
            "contact_refs": split_ids(r.get("associated contact ids")),
            "deal_refs": split_ids(r.get("associated deal ids"))}


def parse_subscription(r: Row) -> dict:
    """Stripe subscriptions export row -> dict (amount_cents per unit per interval)."""
    interval = r.req("interval").lower()
    if interval not in INTERVALS:
        raise RowProblem(f"unknown interval {interval!r} (expected day, week, month or year)")
    qty = parse_int(r.get("quantity"), "Quantity")
    amount = parse_cents(r.req("amount"), "Amount")
    return {"record_id": r.req("id"), "customer_name": r.get("customer name") or None,
            "customer_email": r.get("customer email") or None, "plan": r.get("plan") or None,
            "quantity": 1 if qty is None else qty, "interval": interval,
            "interval_count": parse_int(r.get("interval count"), "Interval Count") or 1,
            "amount_cents": amount, "currency": r.req("currency").lower(),
            "status": r.req("status").lower(),
            "created_at": parse_datetime(r.get("created (utc)"), "Created (UTC)"),
            "canceled_at": parse_datetime(r.get("canceled at (utc)"), "Canceled At (UTC)")}


def parse_expense(r: Row) -> dict:
    """Ledger row -> dict (date, category, vendor, amount_cents, currency)."""
    return {"date": parse_date(r.req("date"), "Date"), "category": r.get("category") or None,
            "vendor": r.get("vendor") or None, "amount_cents": parse_cents(r.req("amount"), "Amount", negative_ok=True),
            "currency": r.req("currency").lower()}


#: Every column each layout reads (lower case); any other column in a file is reported as ignored.
KNOWN_COLUMNS: dict[str, frozenset[str]] = {
    "companies": frozenset({"record id", "company name", "company domain name", "industry", "number of employees",
                            "city", "country/region", "create date"}),
    "contacts": frozenset({"record id", "first name", "last name", "email", "phone number", "job title",
                           "company name", "associated company ids", "lifecycle stage", "lead status", "create date"}),
    "deals": frozenset({"record id", "deal name", "pipeline", "deal stage", "amount", "currency", "close date",
                        "deal owner", "associated company ids", "associated contact ids", "create date",
                        "last activity date"}),
    "activities": frozenset({"activity id", "activity type", "activity date", "associated contact ids",
                             "associated deal ids", "subject", "body"}),
    "subscriptions": frozenset({"id", "customer name", "customer email", "plan", "quantity", "interval",
                                "interval count", "amount", "currency", "status", "created (utc)",
                                "canceled at (utc)"}),
    "expenses": frozenset({"date", "category", "vendor", "amount", "currency"}),
}
#: Columns a layout can do without but a user would miss: their absence is warned about.
EXPECTED_COLUMNS: dict[str, frozenset[str]] = {
    "companies": frozenset({"company domain name"}),
    "contacts": frozenset({"email", "associated company ids"}),
    "deals": frozenset({"amount", "close date", "associated company ids"}),
    "activities": frozenset({"associated contact ids", "associated deal ids"}),
    "subscriptions": frozenset(),
    "expenses": frozenset(),
}


def header_warnings(header: list[str], layout: Layout) -> list[str]:
    """Sentences about ``header`` for ``layout``: columns that will be ignored (unknown, e.g. a
    renamed "Deal Value") and expected columns that are missing (e.g. no "Amount": deals would be
    imported without amounts). Empty when the header is as expected."""
    cols = {h.strip().lower(): h.strip() for h in header if h.strip()}
    out = []
    unknown = [cols[c] for c in cols if c not in KNOWN_COLUMNS[layout.name]]
    missing = sorted(EXPECTED_COLUMNS[layout.name] - set(cols))
    if missing:
        out.append(f"no {', '.join(repr(m.title()) for m in missing)} column: {layout.name} are imported "
                   f"without {'it' if len(missing) == 1 else 'them'}")
    if unknown:
        out.append(f"column(s) {', '.join(repr(u) for u in unknown)} not recognised and ignored")
    return out


PARSERS: dict[str, Callable[[Row], dict]] = {
    "companies": parse_company, "contacts": parse_contact, "deals": parse_deal,
    "activities": parse_activity, "subscriptions": parse_subscription, "expenses": parse_expense,
}
