"""The whole app, wired in one place: routes, lifespan, error mapping and middleware."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from litestar import Litestar, Router
from litestar.config.compression import CompressionConfig
from litestar.di import Provide
from litestar.middleware import DefineMiddleware
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import SwaggerRenderPlugin
from litestar.openapi.spec import Components

from diarycard import __version__
from diarycard.accounts.routes import routes as account_routes
from diarycard.applock.routes import routes as applock_routes
from diarycard.appointments.routes import routes as appointment_routes
from diarycard.audit.routes import routes as audit_routes
from diarycard.auth.access import provide_own
from diarycard.auth.account_routes import routes as own_account_routes
from diarycard.auth.principal import provide_claim, provide_principal
from diarycard.auth.routes import routes as auth_routes
from diarycard.caseload.routes import routes as caseload_routes
from diarycard.chains.routes import routes as chain_routes
from diarycard.checking.routes import routes as checking_routes
from diarycard.crisis.page import crisis_page
from diarycard.crisis.routes import routes as crisis_routes
from diarycard.csp.routes import routes as csp_routes
from diarycard.db.pool import create_pool, provide_conn
from diarycard.discharge.routes import routes as discharge_routes
from diarycard.entries.routes import routes as entry_routes
from diarycard.exports.routes import routes as export_routes
from diarycard.follow_up.routes import routes as follow_up_routes
from diarycard.goals.routes import routes as goal_routes
from diarycard.health.routes import routes as health_routes
from diarycard.notes.routes import routes as note_routes
from diarycard.outcomes.routes import routes as outcome_routes
from diarycard.pathway.routes import routes as pathway_routes
from diarycard.problem_solving.routes import routes as problem_solving_routes
from diarycard.push.vapid import public_text, service_key
from diarycard.quality.routes import routes as quality_routes
from diarycard.reminders.routes import routes as reminder_routes
from diarycard.review.routes import routes as review_routes
from diarycard.settings import Settings
from diarycard.site_outcomes.routes import routes as site_outcome_routes
from diarycard.studies.routes import routes as study_routes
from diarycard.tables.routes import routes as table_routes
from diarycard.together.routes import routes as together_routes
from diarycard.web import problems
from diarycard.web.body import JsonRequest
from diarycard.web.middleware import harden, secure_headers
from diarycard.web.openapi import PROBLEM, tell_the_truth
from diarycard.web.origin import guard_unsafe
from diarycard.web.static import pwa_routes

# Each feature contributes its handlers under /api/v1.
API_ROUTES: list[Any] = [*auth_routes]
# Between-session tools (issue 6).
API_ROUTES += [*crisis_routes, *problem_solving_routes, *checking_routes, *goal_routes]
# The diary: personal tables, entries, sync (issue 4).
API_ROUTES += [*entry_routes, *table_routes]
# Clinician review (issue 7).
API_ROUTES += [*caseload_routes, *review_routes, *appointment_routes, *note_routes,
               *export_routes]
# Outcomes over time: acts, service contacts, standard measures (issue 14).
API_ROUTES += [*outcome_routes, *study_routes, *site_outcome_routes]

# The session: assertive follow-up (issue 15).
API_ROUTES += [*follow_up_routes, *pathway_routes, *discharge_routes, *quality_routes,
               *together_routes, *chain_routes]

# Accounts, sign-in security and the audit trail (issue 3).
API_ROUTES += [*account_routes, *own_account_routes, *audit_routes]
# Browsers' reports of what the Content-Security-Policy blocked (issue 16).
API_ROUTES += [*csp_routes]
# Reminders by Web Push (issue 13).
API_ROUTES += [*reminder_routes]
# The patient's app lock (issue 17).
API_ROUTES += [*applock_routes]


def create_app(settings: Settings, dsn: str | None = None) -> Litestar:
    """Build the ASGI app. `dsn` overrides `settings.database_url` (the embedded server's)."""
    database = dsn or settings.database_url
    if database is None:
        raise ValueError("create_app needs a database URL; `diarycard serve` provides one")

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        key = service_key(settings)
        app.state.vapid_public_key = public_text(key) if key is not None else None
        app.state.pool = await create_pool(settings, database)
        try:
            yield
        finally:
            await app.state.pool.close()

    api = Router(path="/api/v1", route_handlers=API_ROUTES)
    openapi = OpenAPIConfig(
        title="diarycard",
        version=__version__,
        path="/schema",
        render_plugins=[SwaggerRenderPlugin()],
        components=Components(schemas={"Problem": PROBLEM}),
    ) if settings.openapi_enabled else None
    app = Litestar(
        route_handlers=[*health_routes, api, crisis_page, *pwa_routes(settings.pwa_dir)],
        dependencies={
            "conn": Provide(provide_conn),
            "principal": Provide(provide_principal),
            "claim": Provide(provide_claim, sync_to_thread=False),
            "own": Provide(provide_own, sync_to_thread=False),
        },
        lifespan=[lifespan],
        # Unsafe requests from other sites' pages are refused before any handler runs.
        before_request=guard_unsafe,
        exception_handlers={Exception: problems.handle},
        openapi_config=openapi,
        request_max_body_size=settings.max_body_bytes,
        request_class=JsonRequest,
        # The app shell is compressed for phones on prepaid data. API answers are not:
        # they can mix secrets with reflected input (BREACH), and they are small.
        compression_config=CompressionConfig(
            backend="gzip", gzip_compress_level=6, minimum_size=1024, exclude="^/api/"
        ),
        # The request id, the client behind our proxies and the access log for routed
        # requests; the security headers on every answer, 404s and 405s included.
        middleware=[DefineMiddleware(harden, proxies=settings.proxy_networks)],
        before_send=[secure_headers(settings.cookie_secure)],
        debug=False,
        logging_config=None,
        state=None,
    )
    app.state.settings = settings
    tell_the_truth(app)  # every status and content type each route answers
    return app
