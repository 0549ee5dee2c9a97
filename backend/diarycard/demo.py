"""`diarycard demo`: a demo site a newcomer can sign in to. Safe to run again: every run
leaves the same accounts working with the passwords it prints.

Features add their own demo data through `DEMO_LOADERS`: one import and one list entry
each. A loader is `async def load_demo(conn, site_id, patient_ids, clinician_ids) -> None`,
must be safe to run again, and runs inside the same transaction as the accounts.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, Sequence
from uuid import UUID

import asyncpg
import pyotp

from diarycard.accounts.seed import assign, ensure_site, ensure_user, totp_secret_of
from diarycard.appointments.demo import load_demo as appointments_demo
from diarycard.auth.passwords import hash_password
from diarycard.auth.principal import Role
from diarycard.checking.demo import load_demo as checking_demo
from diarycard.crisis.demo import load_demo as crisis_demo
from diarycard.entries.demo import load_demo as entries_demo
from diarycard.goals.demo import load_demo as goals_demo
from diarycard.problem_solving.demo import load_demo as problem_solving_demo
from diarycard.tables.demo import load_demo as tables_demo

DemoLoader = Callable[[asyncpg.Connection, UUID, Sequence[UUID], Sequence[UUID]], Awaitable[None]]

# Each feature appends its loader here (imported at the top of this file).
DEMO_LOADERS: list[DemoLoader] = []
# The diary first: later loaders (review notes) may point at its entries.
DEMO_LOADERS += [tables_demo, entries_demo]
# Between-session tools (issue 6).
DEMO_LOADERS += [crisis_demo, problem_solving_demo, checking_demo, goals_demo]
# Clinician review (issue 7): sessions, one missed, one with a note.
DEMO_LOADERS += [appointments_demo]

DEMO_SITE = "Demo site"

# (role, login, display name, password). Demo passwords only: they pass the password
# policy but are printed for anyone to read, so never use the demo site for real people.
ACCOUNTS: list[tuple[Role, str, str, str]] = [
    ("admin", "demo.admin", "Morgan Hale (admin)", "demo-admin-lantern-47"),
    ("clinician", "demo.clinician1", "Dr Asha Patel", "demo-clinician-harbour-19"),
    ("clinician", "demo.clinician2", "Sam Okafor", "demo-clinician-meadow-82"),
    ("patient", "demo.patient1", "Alex", "demo-patient-willow-31"),
    ("patient", "demo.patient2", "Jordan", "demo-patient-pebble-56"),
    ("patient", "demo.patient3", "Riley", "demo-patient-orchard-64"),
    ("patient", "demo.patient4", "Casey", "demo-patient-compass-27"),
]
# Care teams that differ: patient index -> clinician indexes.
CARE_TEAMS = {0: [0], 1: [1], 2: [0, 1], 3: [0]}


async def load_demo(url: str, as_json: bool = False) -> int:
    # Hashed side by side: argon2 runs in threads, so this takes a fraction of one by one.
    hashed = await asyncio.gather(*(hash_password(pw) for _, _, _, pw in ACCOUNTS))
    hashes = {login: digest for (_, login, _, _), digest in zip(ACCOUNTS, hashed, strict=True)}
    printed: list[dict[str, str | None]] = []
    conn = await asyncpg.connect(url)
    try:
        async with conn.transaction():
            site_id = await ensure_site(conn, DEMO_SITE)
            ids: dict[Role, list[UUID]] = {"admin": [], "clinician": [], "patient": []}
            for role, login, name, password in ACCOUNTS:
                secret = None
                if role != "patient":
                    # Keep an existing secret, so an authenticator app set up earlier still works.
                    secret = await totp_secret_of(conn, login) or pyotp.random_base32()
                ids[role].append(
                    await ensure_user(conn, site_id, role, login, name, hashes[login], secret)
                )
                printed.append(
                    {"role": role, "login": login, "password": password, "totp_secret": secret}
                )
            clinicians, patients = ids["clinician"], ids["patient"]
            for patient, team in CARE_TEAMS.items():
                for clinician in team:
                    await assign(conn, site_id, clinicians[clinician], patients[patient])
            for loader in DEMO_LOADERS:
                await loader(conn, site_id, patients, clinicians)
    finally:
        await conn.close()
    if as_json:
        print(json.dumps(printed, indent=2))
    else:
        print(f"Loaded {DEMO_SITE}. Accounts (clinicians and admins also need the TOTP code):")
        for account in printed:
            extra = f"  totp secret {account['totp_secret']}" if account["totp_secret"] else ""
            print(f"  {account['role']:<9} {account['login']:<16} {account['password']}{extra}")
    return 0
