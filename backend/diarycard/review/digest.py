"""The plain-language digest at the top of the review: a few sentences a clinician can
read in a minute, from the same figures the charts show."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from diarycard.caseload.tiers import MIN_QUIET_DAYS
from diarycard.caseload.words import days_between, plural, times
from diarycard.review.charts import Point, day_words
from diarycard.review.models import Charts, Offer, Window


@dataclass(frozen=True)
class Context:
    """What the digest needs beyond the entries."""

    window: Window
    now: datetime
    missed: int
    offers: Sequence[Offer]
    plan_review_date: date | None
    plan_due: bool
    last_entry_at: datetime | None
    open_chains: int = 0


def digest(entries: Sequence[Point], charts: Charts, ctx: Context) -> list[str]:
    lines = [f"{ctx.window.words[0].upper()}{ctx.window.words[1:]}: "
             f"{plural(len(entries), 'entry', 'entries') if entries else 'no entries'}."]
    outcomes: Counter[str] = Counter(e.outcome for e in entries if e.outcome)
    if outcomes:
        said = [f"{outcomes[k]} {words}" for k, words in
                (("acted", "acted on"), ("resisted", "resisted"), ("partly", "partly acted on"))
                if outcomes[k]]
        lines.append("Urges: " + ", ".join(said) + ".")
    emotions = Counter(e.emotion for e in entries if e.emotion)
    if emotions:
        top = sorted(emotions.items(), key=lambda kv: (-kv[1], kv[0].casefold()))[:3]
        lines.append("Emotions named most: " + ", ".join(f"{k} ({n})" for k, n in top) + ".")
    strong = [e for e in entries if e.urge_strength is not None]
    if strong:
        top_entry = max(strong, key=lambda e: (e.urge_strength or 0, e.occurred_at))
        what = f" ({top_entry.urge})" if top_entry.urge else ""
        lines.append(f"The strongest urge was {top_entry.urge_strength} out of 10{what} on "
                     f"{day_words(top_entry.day)}.")
    if charts.risk.points:
        lines.append(charts.risk.summary)
    if ctx.offers:
        lines.append(f"The app offered crisis-plan steps {times(len(ctx.offers))}.")
    if ctx.missed:
        lines.append(f"{plural(ctx.missed, 'appointment')} not attended since the last "
                     "session: please follow up.")
    edited = sum(1 for e in entries if e.edited)
    if edited:
        lines.append(f"{plural(edited, 'entry', 'entries')} edited since you last looked "
                     "(marked in the timeline).")
    flagged = sum(1 for e in entries if e.time_flagged)
    if flagged:
        lines.append(f"{plural(flagged, 'entry', 'entries')} with a time that looks wrong "
                     "(the phone's clock may be off).")
    if ctx.last_entry_at is None:
        lines.append("No entries yet.")
    elif days_between(ctx.last_entry_at, ctx.now) >= MIN_QUIET_DAYS:
        lines.append(f"No entry for {days_between(ctx.last_entry_at, ctx.now)} days.")
    if ctx.plan_due and ctx.plan_review_date is not None:
        lines.append(f"The crisis plan is due for review ({day_words(ctx.plan_review_date)}).")
    if ctx.open_chains:
        lines.append(f"{plural(ctx.open_chains, 'chain analysis', 'chain analyses')} of an "
                     "acted urge to go through together in the session.")
    return lines
