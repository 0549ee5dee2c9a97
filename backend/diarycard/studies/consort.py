"""The CONSORT flow diagram from the data, as the seed's recruitment flow-chart draws it:
screened -> excluded (with reasons) -> randomised -> allocated per arm -> attended under 6
months / 6-12 months / completed -> included in analyses. The same figures as a table, as
text, and as an SVG (numbers and fixed words only, so nothing needs escaping but is).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from diarycard.studies.models import Consort, ConsortRow

REASONS = {
    "did_not_attend_interview": "did not attend interview",
    "declined": "declined",
    "not_meeting_inclusion": "did not meet inclusion criteria",
    "meeting_exclusion": "met exclusion criteria",
    "uncontactable": "uncontactable",
}
LEFT = {
    "stopped_attending": "stopped attending",
    "withdrew": "withdrew",
    "moved_away": "moved away",
    "in_custody": "in custody",
    "lost_to_follow_up": "lost to follow-up",
    "died": "died",
    "other": "other reason",
}


def _stay(p: Any, today: date) -> str:
    if p["completed"]:
        return "completed"
    end = p["left_on"] or today
    days = (end - p["enrolled_on"]).days
    if p["left_on"] is None:
        return "in follow-up"
    return "attended under 6 months" if days < 183 else "attended 6-12 months"


def consort(arms: Sequence[str], screened: dict[str | None, int], people: Sequence[Any],
            analysed: set[Any], today: date) -> Consort:
    randomised = len(people)
    excluded = sum(n for reason, n in screened.items() if reason)
    total = excluded + max(randomised, screened.get(None, 0))
    rows = [ConsortRow("screened", None, total), ConsortRow("excluded", None, excluded)]
    rows += [ConsortRow(f"excluded: {words}", None, screened.get(reason, 0))
             for reason, words in REASONS.items()]
    rows.append(ConsortRow("randomised", None, randomised))
    stays = ("attended under 6 months", "attended 6-12 months", "completed", "in follow-up")
    for arm in arms:
        mine = [p for p in people if p["arm"] == arm]
        rows.append(ConsortRow("allocated", arm, len(mine)))
        rows += [ConsortRow(stay, arm, sum(1 for p in mine if _stay(p, today) == stay))
                 for stay in stays]
        # Why people left, where anyone did (the reasons the seed's flow-chart gives).
        rows += [ConsortRow(f"left: {words}", arm, n) for reason, words in LEFT.items()
                 if (n := sum(1 for p in mine if p["left_reason"] == reason))]
        rows.append(ConsortRow("included in analyses", arm,
                               sum(1 for p in mine if p["patient_id"] in analysed)))
    return Consort(rows, _text(rows, arms), _svg(rows, arms))


def _get(rows: list[ConsortRow], stage: str, arm: str | None = None) -> int:
    return next(r.count for r in rows if r.stage == stage and r.arm == arm)


def _text(rows: list[ConsortRow], arms: Sequence[str]) -> str:
    reasons = ", ".join(f"{r.stage.split(': ', 1)[1]} {r.count}" for r in rows
                        if r.stage.startswith("excluded: ") and r.count)
    said = [f"{_get(rows, 'screened')} screened; {_get(rows, 'excluded')} excluded"
            + (f" ({reasons})" if reasons else "") + f"; {_get(rows, 'randomised')} randomised."]
    for arm in arms:
        said.append(
            f"{arm}: {_get(rows, 'allocated', arm)} allocated; "
            f"{_get(rows, 'attended under 6 months', arm)} attended under 6 months, "
            f"{_get(rows, 'attended 6-12 months', arm)} attended 6-12 months, "
            f"{_get(rows, 'completed', arm)} completed, "
            f"{_get(rows, 'in follow-up', arm)} still in follow-up; "
            + "".join(f"{r.stage} {r.count}; " for r in rows
                      if r.arm == arm and r.stage.startswith("left: ")) +
            f"{_get(rows, 'included in analyses', arm)} included in analyses.")
    return " ".join(said)


def _box(x: int, y: int, w: int, lines: list[str]) -> str:
    h = 18 * len(lines) + 12
    text = "".join(f'<tspan x="{x + 8}" dy="{18 if i else 20}">{escape(line)}</tspan>'
                   for i, line in enumerate(lines))
    return (f'<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="#fff" stroke="#222"/>'
            f'<text x="{x + 8}" y="{y}" font-size="13" font-family="sans-serif">{text}</text>')


def _svg(rows: list[ConsortRow], arms: Sequence[str]) -> str:
    width = max(640, 300 * len(arms) + 40)
    parts = [_box(20, 10, 300, [f"Screened (n={_get(rows, 'screened')})"])]
    excluded = [f"Excluded (n={_get(rows, 'excluded')})"] + [
        f"  {r.stage.split(': ', 1)[1]} (n={r.count})" for r in rows
        if r.stage.startswith("excluded: ")]
    parts.append(_box(340, 10, 280, excluded))
    parts.append(_box(20, 140, 300, [f"Randomised (n={_get(rows, 'randomised')})"]))
    for i, arm in enumerate(arms):
        x = 20 + 300 * i
        parts.append(_box(x, 200, 280, [
            f"Allocated to {arm} (n={_get(rows, 'allocated', arm)})",
            f"Attended under 6 months (n={_get(rows, 'attended under 6 months', arm)})",
            f"Attended 6-12 months (n={_get(rows, 'attended 6-12 months', arm)})",
            f"Completed (n={_get(rows, 'completed', arm)})",
            f"Still in follow-up (n={_get(rows, 'in follow-up', arm)})",
            f"Included in analyses (n={_get(rows, 'included in analyses', arm)})"]))
    arrows = ('<path d="M170 42 V140 M320 30 H340" stroke="#222" fill="none"/>'
              + "".join(f'<path d="M170 172 V186 H{160 + 300 * i} V200" stroke="#222" '
                        'fill="none"/>' for i in range(len(arms))))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} 340" role="img" '
            f'aria-label="CONSORT flow diagram">{arrows}{"".join(parts)}</svg>')
