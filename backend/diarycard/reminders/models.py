"""Wire shapes of reminders and push subscriptions."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

import msgspec
from msgspec import Meta

# "HH:MM", 24-hour, in the patient's own time zone.
LocalTime = Annotated[str, Meta(pattern=r"\A([01][0-9]|2[0-3]):[0-5][0-9]\Z",
                                description="a local time of day, HH:MM")]
Day = Annotated[int, Meta(ge=1, le=7, description="ISO day of the week, 1 = Monday")]
Times = Annotated[list[LocalTime], Meta(max_length=3)]
Days = Annotated[list[Day], Meta(min_length=1, max_length=7)]
TimeZone = Annotated[str, Meta(min_length=1, max_length=64, pattern=r"\A[A-Za-z0-9_+\-/]+\Z")]
# The only words a notification may carry: nothing about diagnosis, urges or the clinic.
Wording = Literal["diary", "moment", "app"]
EVERY_DAY = [1, 2, 3, 4, 5, 6, 7]


class QuietHours(msgspec.Struct, forbid_unknown_fields=True):
    """No reminder from `start` until `end` (which may be after midnight)."""

    start: LocalTime
    end: LocalTime


class RemindersIn(msgspec.Struct, forbid_unknown_fields=True):
    enabled: bool
    times: Times = msgspec.field(default_factory=list)
    days: Days = msgspec.field(default_factory=lambda: list(EVERY_DAY))
    quiet_hours: QuietHours | None = None
    time_zone: TimeZone = "Europe/London"
    wording: Wording = "diary"


class Suggestion(msgspec.Struct):
    """Times a clinician suggested; nothing changes until the patient accepts."""

    times: list[str]
    days: list[int]
    suggested_by: str
    suggested_at: datetime
    answer: Literal["accepted", "declined"] | None = None


class Device(msgspec.Struct):
    """A browser that receives this person's reminders."""

    endpoint: str
    last_sent_at: datetime | None
    # Why the last push did not arrive, in plain words; None when it did.
    problem: str | None


class Unanswered(msgspec.Struct):
    """The latest reminder time (within 12 hours) with nothing logged since."""

    due_at: datetime
    delivered: bool  # a push reached at least one of the person's phones


class Reminders(msgspec.Struct):
    enabled: bool
    times: list[str]
    days: list[int]
    quiet_hours: QuietHours | None
    time_zone: str
    wording: Wording
    # False when this service has no VAPID key: reminders can only be shown in the app.
    push_available: bool
    devices: list[Device]
    suggestion: Suggestion | None
    unanswered: Unanswered | None


class PushKeys(msgspec.Struct, forbid_unknown_fields=True):
    p256dh: Annotated[str, Meta(min_length=1, max_length=200)]
    auth: Annotated[str, Meta(min_length=1, max_length=100)]


class PushSubscriptionIn(msgspec.Struct, forbid_unknown_fields=True):
    """The browser's `PushSubscription.toJSON()`, as it is."""

    endpoint: Annotated[str, Meta(min_length=1, max_length=1024)]
    keys: PushKeys
    expirationTime: float | None = None  # the browser's own name


class TestQueued(msgspec.Struct):
    queued: int  # how many phones the test reminder is on its way to


class PublicKey(msgspec.Struct):
    public_key: str


class SuggestionIn(msgspec.Struct, forbid_unknown_fields=True):
    times: Annotated[list[LocalTime], Meta(min_length=1, max_length=3)]
    days: Days = msgspec.field(default_factory=lambda: list(EVERY_DAY))


class SuggestionAnswer(msgspec.Struct, forbid_unknown_fields=True):
    accept: bool


class ClinicianView(msgspec.Struct):
    """What the care team sees: the latest suggestion and whether reminders are on (not
    the patient's times, which are theirs)."""

    reminders_on: bool
    suggestion: Suggestion | None
