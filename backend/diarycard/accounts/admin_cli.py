"""`diarycard admin ...`: set up a site and its first admin without the API, and the
incident tools (lift a sign-in lock, end sessions) an operator needs from a shell.

Secrets (a new admin's password and TOTP secret) are printed once, to this terminal only.
"""

from __future__ import annotations

import argparse
import asyncio
import secrets
from collections.abc import Awaitable, Callable
from typing import Any

import asyncpg

from diarycard.accounts import retention
from diarycard.accounts.seed import ensure_site
from diarycard.auth.passwords import hash_password
from diarycard.auth.totp import new_secret, provisioning_uri
from diarycard.db.database import database_urls
from diarycard.db.migrate import prepare_or_exit
from diarycard.push.vapid import new_key_pair
from diarycard.settings import Settings

Command = Callable[[asyncpg.Connection, argparse.Namespace], Awaitable[int]]


def add_admin_parser(commands: Any) -> None:
    admin = commands.add_parser("admin", help="set up sites and admins; end sessions; purge")
    sub = admin.add_subparsers(dest="admin_command", required=True, metavar="ACTION")

    site = sub.add_parser("create-site", help="create a site, and optionally its first admin")
    site.add_argument("name", help="the site's name, e.g. 'Leeds SCM service'")
    site.add_argument("--admin-login", help="also create an admin with this login")
    site.add_argument("--admin-name", default="Site admin", help="the admin's display name")
    site.set_defaults(run=_runner(_create_site))

    new_admin = sub.add_parser("create-admin", help="add an admin to an existing site")
    new_admin.add_argument("--site", required=True, help="the site's name")
    new_admin.add_argument("--login", required=True)
    new_admin.add_argument("--name", default="Site admin", help="display name")
    new_admin.set_defaults(run=_runner(_create_admin))

    sites = sub.add_parser("list-sites", help="list the sites and how many people each has")
    sites.set_defaults(run=_runner(_list_sites))

    unlock = sub.add_parser("unlock", help="lift the sign-in lock on a login")
    unlock.add_argument("login")
    unlock.set_defaults(run=_runner(_unlock))

    end = sub.add_parser("end-sessions", help="sign a person, or everyone, out at once")
    who = end.add_mutually_exclusive_group(required=True)
    who.add_argument("--login")
    who.add_argument("--everyone", action="store_true")
    end.set_defaults(run=_runner(_end_sessions))

    purge = sub.add_parser("purge", help="report (then, with --apply, remove) closed "
                           "patient records past their site's retention period")
    purge.add_argument("--apply", action="store_true", help="remove them (default: report)")
    purge.set_defaults(run=_runner(retention.run_purge))

    keep = sub.add_parser("retention", help="how long a site keeps closed patient records")
    keep.add_argument("site", help="the site's name")
    keep.add_argument("days", type=int, help="days after an account is closed (365-36500)")
    keep.set_defaults(run=_runner(retention.run_retention))

    keys = sub.add_parser("vapid-keys", help="print a new VAPID key pair for reminders by push")
    keys.set_defaults(run=_vapid_keys)


def _vapid_keys(args: argparse.Namespace, settings: Settings) -> int:
    """No database: a new pair, printed once. Changing the key makes every phone subscribe
    again (the app does so when it next opens), so make one per service and keep it."""
    private, public = new_key_pair()
    print(f"DIARYCARD_VAPID_PRIVATE_KEY={private}")
    print(f"# public key (served to the app at /api/v1/push/public-key): {public}")
    return 0


def _runner(command: Command) -> Callable[[argparse.Namespace, Settings], int]:
    def run(args: argparse.Namespace, settings: Settings) -> int:
        async def go(url: str) -> int:
            conn = await asyncpg.connect(url)
            try:
                return await command(conn, args)
            finally:
                await conn.close()

        with database_urls(settings) as urls:
            prepare_or_exit(urls, "admin")
            return asyncio.run(go(urls.app))

    return run


async def _add_admin(conn: asyncpg.Connection, site_id: Any, login: str, name: str) -> int:
    password = secrets.token_urlsafe(15)  # 120 bits; the admin changes it after signing in
    secret = new_secret()
    created = await conn.fetchval(
        """INSERT INTO users (site_id, role, login, display_name, password_hash, totp_secret,
                              totp_enabled, password_changed_at)
           VALUES ($1, 'admin', $2, $3, $4, $5, true, now())
           ON CONFLICT (login) DO NOTHING RETURNING id""",
        site_id, login, name, await hash_password(password), secret,
    )
    if created is None:
        print(f"The login {login!r} is taken. Please choose another.")
        return 1
    print(f"Created admin {login}.")
    print(f"  password:    {password}")
    print(f"  TOTP secret: {secret}")
    print(f"  TOTP link:   {provisioning_uri(secret, login)}")
    print("Add the secret to an authenticator app now; it is not shown again.")
    return 0


async def _create_site(conn: asyncpg.Connection, args: argparse.Namespace) -> int:
    async with conn.transaction():
        site_id = await ensure_site(conn, args.name)
        print(f"Site {args.name!r} is ready.")
        if args.admin_login:
            return await _add_admin(conn, site_id, args.admin_login, args.admin_name)
    return 0


async def _create_admin(conn: asyncpg.Connection, args: argparse.Namespace) -> int:
    site_id = await conn.fetchval("SELECT id FROM sites WHERE name = $1", args.site)
    if site_id is None:
        print(f"There is no site called {args.site!r}. See `diarycard admin list-sites`.")
        return 1
    return await _add_admin(conn, site_id, args.login, args.name)


async def _list_sites(conn: asyncpg.Connection, args: argparse.Namespace) -> int:
    rows = await conn.fetch(
        """SELECT s.name, count(u.id) FILTER (WHERE u.role = 'admin') AS admins,
                  count(u.id) FILTER (WHERE u.role = 'clinician') AS clinicians,
                  count(u.id) FILTER (WHERE u.role = 'patient') AS patients
             FROM sites s LEFT JOIN users u ON u.site_id = s.id
            GROUP BY s.id ORDER BY s.name"""
    )
    for row in rows:
        print(f"{row['name']}: {row['admins']} admins, {row['clinicians']} clinicians, "
              f"{row['patients']} patients")
    return 0


async def _unlock(conn: asyncpg.Connection, args: argparse.Namespace) -> int:
    await conn.execute("DELETE FROM login_throttle WHERE login = $1", args.login)
    print(f"{args.login} can sign in again.")
    return 0


async def _end_sessions(conn: asyncpg.Connection, args: argparse.Namespace) -> int:
    done = await conn.execute(
        """UPDATE sessions SET revoked_at = now()
            WHERE revoked_at IS NULL
              AND ($1 OR user_id = (SELECT id FROM users WHERE login = $2))""",
        bool(args.everyone), args.login,
    )
    print(f"Ended {done.split()[-1]} sessions.")
    return 0
