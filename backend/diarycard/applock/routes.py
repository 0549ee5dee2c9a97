"""The app lock's routes: the patient's phone, and the site's setting."""

from __future__ import annotations

from litestar import post, put
from litestar.params import JSONBody

from diarycard.applock import store
from diarycard.applock.models import AppLockSetting, DeviceKey, PinIn
from diarycard.auth.principal import CurrentUser
from diarycard.db.pool import Conn


@put("/me/device-key", tags=["app lock"])
async def set_pin(conn: Conn, principal: CurrentUser, data: JSONBody[PinIn]) -> DeviceKey:
    """Patients: set this phone's PIN and get the server half of its lock key. A phone
    that already had a PIN needs a password sign-in in the last 15 minutes."""
    return DeviceKey(key=await store.set_pin(conn, principal, data.device_id, data.pin_check))


@post("/me/device-key/unlock", status_code=200, tags=["app lock"])
async def unlock(conn: Conn, principal: CurrentUser, data: JSONBody[PinIn]) -> DeviceKey:
    """Patients: the server half of the lock key, for the right PIN. Five wrong PINs end
    the session; sign in with the password to choose a new PIN."""
    return DeviceKey(key=await store.unlock(conn, principal, data.device_id, data.pin_check))


@put("/site/app-lock", tags=["app lock"])
async def set_lock_optional(
    conn: Conn, principal: CurrentUser, data: JSONBody[AppLockSetting]
) -> AppLockSetting:
    """Admins: let this site's patients turn the app lock off (after a clear warning), or
    not (the default)."""
    optional = await store.set_lock_optional(conn, principal, data.app_lock_optional)
    return AppLockSetting(app_lock_optional=optional)


routes = [set_pin, unlock, set_lock_optional]
