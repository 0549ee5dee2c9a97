"""One patient's pre-session review: the window, the digest, the charts and the timeline,
read in the transaction of the care-team check and the audit row: `review` takes the
clinician's `PatientScope` (`auth.access.as_clinician`)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import asyncpg
import msgspec

from diarycard.auth.access import PatientScope
from diarycard.caseload.words import LONDON, review_due, since_words
from diarycard.db.queries import load_queries
from diarycard.entries.rows import to_entry
from diarycard.errors import Invalid, NotFound
from diarycard.review.changed import changed_items
from diarycard.review.changes import since_last_look
from diarycard.review.charts import Point, charts, day_words
from diarycard.review.digest import Context, digest
from diarycard.review.models import Offer, Review, ReviewedEntry, Window

SQL = load_queries(Path(__file__).with_name("queries.sql"))
RECENT_DAYS = 14
MAX_DAYS = 366
# The timeline carries the newest entries only; a longer window is read in pages through
# /patients/{id}/entries, or by choosing a shorter range. The charts use every entry.
TIMELINE_LIMIT = 200
POINT_COLUMNS = len(Point._fields)
# Entries a phone dated a little ahead (clock skew) still belong to "since the last session".
AHEAD = timedelta(days=1)


def parse_day(name: str, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise Invalid.field(name, "must be a date like 2026-03-01") from None


def london_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), LONDON)


def choose_window(
    now: datetime, last_session: datetime | None, start: date | None, end: date | None
) -> tuple[Window, datetime]:
    """The window to review and the exclusive upper bound to query with."""
    if end is not None and start is None:
        raise Invalid.field("from", "give a start date with an end date")
    if start is not None:
        last = end or now.astimezone(LONDON).date()
        if last < start:
            raise Invalid.field("to", "must be on or after the start date")
        if (last - start).days >= MAX_DAYS:
            raise Invalid.field("to", f"a range can be at most {MAX_DAYS} days")
        upper = london_midnight(last + timedelta(days=1))
        words = f"from {day_words(start)} to {day_words(last)}"
        return Window(london_midnight(start), min(upper, now), "chosen", words), upper
    if last_session is not None:
        words = f"{since_words(last_session, now, True, RECENT_DAYS)} (the last session)"
        return Window(last_session, now, "last_session", words), now + AHEAD
    words = f"in the last {RECENT_DAYS} days (no session on record)"
    return Window(now - timedelta(days=RECENT_DAYS), now, "recent", words), now + AHEAD


def reviewed(row: asyncpg.Record) -> ReviewedEntry:
    entry = to_entry(row)
    return ReviewedEntry(**msgspec.structs.asdict(entry), edited_since_last_view=row["edited"],
                         notes=row["notes"], new_since_last_view=row["is_new"])


async def review(
    conn: asyncpg.Connection,
    scope: PatientScope,
    start: date | None = None,
    end: date | None = None,
    now: datetime | None = None,
) -> Review:
    now = now or datetime.now(UTC)
    who, patient_id = scope.who, scope.patient_id
    async with conn.transaction():
        head = await conn.fetchrow(SQL["patient"], patient_id, now)
        if head is None:
            raise NotFound()
        window, upper = choose_window(now, head["last_session_at"], start, end)
        last_viewed = await conn.fetchval(SQL["seen"], who.user_id, patient_id, now)
        rows = await conn.fetch(SQL["window_entries"], patient_id, window.start, upper,
                                last_viewed)
        offers = await conn.fetch(SQL["offers"], patient_id, window.start, upper)
        changed = await since_last_look(conn, scope, last_viewed)
        items = await changed_items(conn, scope, last_viewed)
    points = [Point._make(r[:POINT_COLUMNS]) for r in rows]
    offer_list = [Offer(o["entry_id"], o["offered_at"], o["reason"]) for o in offers]
    drawn = charts(points)
    ctx = Context(window, now, head["missed"], offer_list, head["plan_review_date"],
                  review_due(head["plan_review_date"], now), head["last_entry_at"],
                  head["open_chains"])
    return Review(
        patient_id=patient_id,
        login=head["login"],
        display_name=head["display_name"],
        window=window,
        last_session_at=head["last_session_at"],
        next_appointment_at=head["next_appointment_at"],
        missed_appointments=head["missed"],
        # What changed since this clinician last looked comes first.
        digest=[*([changed] if changed else []), *digest(points, drawn, ctx)],
        charts=drawn,
        crisis_offers=offer_list,
        plan_review_date=head["plan_review_date"],
        last_viewed_at=last_viewed,
        timeline=[reviewed(r) for r in rows[:TIMELINE_LIMIT]],
        timeline_total=len(rows),
        changed=items,
    )
