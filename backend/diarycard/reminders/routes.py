"""Reminder routes: the patient's own settings, subscriptions and test push; the VAPID
public key; a clinician's suggestion. The paths are fixed (the PWA and the review use them)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from litestar import Request, delete, get, post, put
from litestar.params import FromPath, FromQuery, JSONBody

from diarycard.auth.access import Own, as_clinician
from diarycard.auth.principal import CurrentUser
from diarycard.db.pool import Conn
from diarycard.errors import Unavailable
from diarycard.reminders import store, suggestions
from diarycard.reminders.models import (
    ClinicianView,
    PublicKey,
    PushSubscriptionIn,
    Reminders,
    RemindersIn,
    SuggestionAnswer,
    SuggestionIn,
    TestQueued,
)
from diarycard.reminders.subscriptions import check_subscription

TAGS = ["reminders"]


def _public_key(request: Request[Any, Any, Any]) -> str | None:
    key: str | None = request.app.state.vapid_public_key
    return key


@get("/push/public-key", tags=TAGS)
async def public_key(request: Request[Any, Any, Any], principal: CurrentUser) -> PublicKey:
    """The service's VAPID public key, for `pushManager.subscribe`."""
    key = _public_key(request)
    if key is None:
        raise Unavailable("Notifications are not set up on this service.")
    return PublicKey(public_key=key)


@put("/me/push-subscription", status_code=204, tags=TAGS)
async def put_push_subscription(
    request: Request[Any, Any, Any], conn: Conn, own: Own,
    data: JSONBody[PushSubscriptionIn],
) -> None:
    """Keep this browser's push subscription (its `PushSubscription.toJSON()`)."""
    checked = check_subscription(data, request.app.state.settings)
    await store.put_subscription(conn, own, checked)


@delete("/me/push-subscription", status_code=204, tags=TAGS)
async def delete_push_subscription(
    conn: Conn, own: Own, endpoint: FromQuery[str | None] = None
) -> None:
    """Stop pushing to this browser (`endpoint`), or to all of yours without it."""
    await store.delete_subscription(conn, own, endpoint)


@get("/me/reminders", tags=TAGS)
async def get_reminders(
    request: Request[Any, Any, Any], conn: Conn, own: Own
) -> Reminders:
    """Your reminder times, the phones that receive them, and any reminder not yet answered."""
    return await store.get_reminders(conn, own, _public_key(request) is not None)


@put("/me/reminders", tags=TAGS)
async def put_reminders(
    request: Request[Any, Any, Any], conn: Conn, own: Own,
    data: JSONBody[RemindersIn],
) -> Reminders:
    """Turn reminders on or off and choose times, days, quiet hours, time zone and words."""
    return await store.put_reminders(conn, own, data, _public_key(request) is not None)


@post("/me/reminders/test", status_code=202, tags=TAGS)
async def test_reminder(conn: Conn, own: Own) -> TestQueued:
    """Send one reminder to each of your phones now."""
    return TestQueued(queued=await store.queue_test(conn, own))


@post("/me/reminder-suggestion", status_code=200, tags=TAGS)
async def answer_suggestion(
    request: Request[Any, Any, Any], conn: Conn, own: Own,
    data: JSONBody[SuggestionAnswer],
) -> Reminders:
    """Accept your clinician's suggested times (they become yours to change) or decline."""
    return await store.answer_suggestion(
        conn, own, data.accept, _public_key(request) is not None
    )


@get("/patients/{patient_id:uuid}/reminder-suggestion", tags=TAGS)
async def get_suggestion(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID]
) -> ClinicianView:
    """Whether the patient has reminders on, and the care team's latest suggestion."""
    return await as_clinician(conn, principal, patient_id, "reminders.read", "",
                              lambda scope: suggestions.clinician_view(conn, scope))


@put("/patients/{patient_id:uuid}/reminder-suggestion", tags=TAGS)
async def put_suggestion(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID],
    data: JSONBody[SuggestionIn],
) -> ClinicianView:
    """Suggest reminder times; the patient accepts or chooses their own."""
    return await as_clinician(conn, principal, patient_id, "reminders.suggest", "",
                              lambda scope: suggestions.suggest(conn, scope, data))


routes = [
    public_key, put_push_subscription, delete_push_subscription, get_reminders,
    put_reminders, test_reminder, answer_suggestion, get_suggestion, put_suggestion,
]
