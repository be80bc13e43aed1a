"""Clock times of one event (`extract/times.py`): the conflict rule `event-time`.

Two times of one event (one block: the event of their clause and one zone) clash when they lie
further apart than both can be read to allow: five minutes for times given to the minute
("at 9:42 p.m."), half an hour for an hour given bare ("at 10 p.m.", which reporters round),
an hour for an approximate hour ("around 11 pm", "alrededor de las 23:00"), a quarter of an hour
for an approximate time written with its minutes ("around 2:30 a.m.": who rounds to the hour
does not write the half). Times of two zones
never meet (their blocks differ): a rule converts only a stated offset ("GMT+1"), at
extraction. When both times carry their day, the gap runs across them (Thursday 23:42 and
Friday 00:12 are half an hour apart); half a day or more apart, the days differ, which is the
dates' matter (`event-date`), and no time clash. Otherwise the gap is the shorter way round the clock (23:50 and 00:10 are 20 minutes
apart).
"""

from __future__ import annotations

import re

from .dates import PartialDate
from .models import Conflict, Value

#: Minutes either way a time allows: given to the minute, given as a bare hour, approximate
#: (an hour; a quarter of an hour when its minutes are written and are not ":00").
TO_THE_MINUTE = 5
BARE_HOUR = 30
APPROXIMATE = 60
APPROXIMATE_MINUTES = 15
DAY = 24 * 60


def tolerance(claim: dict) -> int:
    extra = claim.get("extra") or {}
    if extra.get("approx"):
        return APPROXIMATE_MINUTES if extra.get("minutes", 0) % 60 else APPROXIMATE
    if not re.search(r"\d[:.]?\d\d(?!\d)", claim.get("value") or ""):
        return BARE_HOUR  # "10 p.m.": an hour with no minutes written
    return TO_THE_MINUTE


def gap(a: dict, b: dict) -> int | None:
    """Minutes between two times of one event, or None when their days put them half a day
    or more apart: then the days differ, which is the dates' rule to judge."""
    ma, mb = a["extra"]["minutes"], b["extra"]["minutes"]
    da, db = (PartialDate.parse(c.get("date")).as_date() for c in (a, b))
    if da is not None and db is not None:
        apart = abs((db - da).days * DAY + mb - ma)
        return apart if apart < DAY // 2 else None  # half a day or more: the days differ
    apart = abs(ma - mb)
    return min(apart, DAY - apart)


def clash(a: dict, b: dict) -> bool:
    apart = gap(a, b)
    return apart is not None and apart > max(tolerance(a), tolerance(b))


def time_text(claim: dict) -> str:
    """'22:11', 'about 23:00', with the day when the source gives it: 'Saturday 00:11'."""
    extra = claim.get("extra") or {}
    text = extra.get("rendered") or claim["value"]
    if claim.get("weekday"):
        text = f"{claim['weekday']} {text}"
    return f"about {text}" if extra.get("approx") else text


def judge_times(story: str, subject: str, attribute: str, claims: list[dict]) -> Conflict | None:
    """Times of one event further apart than their readings allow (`clash`)."""
    from .judge import clashing_groups, conflict_id, make_value  # it builds on this module

    clashes, groups = clashing_groups("time", claims, time_text)
    if not clashes:
        return None
    values: list[Value] = [
        make_value(text, members)
        for text, members in sorted(groups.items(), key=lambda i: i[1][0]["extra"]["minutes"])
    ]
    zone = (claims[0].get("extra") or {}).get("zone") or "local"
    event = re.sub(r"\s*\([^)]*\)$", "", re.sub(r"^time of ", "", attribute))
    told = "local time" if zone == "local" else zone
    texts = " vs ".join(v.value for v in values)
    exact = any(tolerance(a) == TO_THE_MINUTE and tolerance(b) == TO_THE_MINUTE for a, b in clashes)
    return Conflict(
        conflict_id(story, "time", subject, attribute),
        story,
        "time",
        subject or story,
        attribute,
        "high" if exact else "medium",
        "contradiction",
        "event-time",
        f"Sources give different times for the {event} ({told}): {texts}.",
        values,
    )
