"""`GET /site/outcomes`: the service's view of its patients' outcomes (site admins)."""

from __future__ import annotations

from litestar import get

from diarycard.auth.principal import CurrentUser
from diarycard.db.pool import Conn
from diarycard.site_outcomes import store
from diarycard.site_outcomes.models import SiteOutcomes

TAGS = ["outcomes"]


@get("/site/outcomes", tags=TAGS)
async def site_outcomes(conn: Conn, principal: CurrentUser) -> SiteOutcomes:
    """Retention, acts and contacts per patient-year, and measures' change from start,
    across your site's patients; counts under 5 are not shown (audited)."""
    return await store.site_outcomes(conn, principal)


routes = [site_outcomes]
