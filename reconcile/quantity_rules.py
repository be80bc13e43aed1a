"""Measured quantities compared: a depth, a distance of a named thing from a named place, the
length of a trial (`extract/quantities.py` reads the frame). Only quantities of one frame meet,
in one dimension, whatever their units: "about 70 km" and "43 miles" agree, "18.5 km" and "8
km" for one quake's depth do not. A quantity whose frame is unclear has no block and is never
compared.

Each figure is an interval in its dimension's base unit (metres, days), from its qualifier as
for counts ("more than 25 metres" is [25 m, ∞)), widened by what its writing allows (`interval`):
half its last written digit, at most `ROUND_FIGURE` of it, at least `ROUNDING` when it is said
to be approximate. So 60 and 63 km agree (60 may be rounded) while 60 and 71 km do not, and
two exact figures such as 18,205 and 18,103 hectares are a contradiction.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from rapidfuzz import fuzz

from .extract.frames import place_key
from .judge import clash_explanation, clashing_pairs, conflict_id, document_of, grows, make_value
from .lexicon import lexicon
from .models import Conflict

#: How far apart two figures of one measure may be and still agree (rounding, conversion).
ROUNDING = 0.03
#: The most a figure written round may have been rounded by: '60 km' holds 57 to 63.
ROUND_FIGURE = 0.05
RULE = "quantity-intervals"
#: Two place names this alike (rapidfuzz ratio of their folded keys) name one place in two
#: spellings ("Tarsk" and "Tarsc").
SAME_PLACE = 85


def block_key(claim: dict, story: str) -> tuple | None:
    """A quantity's block: its dimension and frame, the thing measured and the place a
    distance is from made into keys ('Al Tarsouk' = 'Al Tarsuk'); None when the frame is unclear."""
    extra = claim["extra"]
    if not extra.get("comparable") or claim["low"] is None or not extra.get("frame"):
        return None
    frame = extra["frame"]
    if extra.get("anchor"):
        frame = f"distance of {place_key(extra.get('measured') or '')} from {place_key(extra['anchor'])}"
    return (story, "quantity", "", f"{extra['dimension']}: {frame}")


def merge_alike(blocks: dict[tuple, list[dict]]) -> dict[tuple, list[dict]]:
    """Join the blocks of distances whose places are one place spelt two ways."""
    keys = sorted(k for k in blocks if k[1] == "quantity" and " from " in k[3])
    joined: dict[tuple, tuple] = {}
    for i, key in enumerate(keys):
        if key in joined:
            continue
        head, anchor = key[3].rsplit(" from ", 1)
        for other in keys[i + 1 :]:
            other_head, other_anchor = other[3].rsplit(" from ", 1)
            if (
                other not in joined
                and other[0] == key[0]
                and alike(head, other_head)
                and alike(anchor, other_anchor)
            ):
                joined[other] = key
    for other, key in joined.items():
        blocks[key].extend(blocks.pop(other))
    return blocks


def alike(a: str, b: str) -> bool:
    return a == b or fuzz.ratio(a, b) >= SAME_PLACE


def interval(claim: dict) -> tuple[float, float]:
    """The figure in its dimension's base unit, widened by what its writing allows: half its
    last written digit ("60 km" may be 63 rounded; 18,205 hectares against 18,103 is a
    contradiction), at most `ROUND_FIGURE` of it ("1,000" is no "1,300"), and at least
    `ROUNDING` for a figure said to be approximate ("about 70 km" against "43 miles")."""
    extra = claim["extra"]
    low = extra.get("base_low")
    high = extra.get("base_high")
    low = -math.inf if low is None else low
    high = math.inf if high is None or claim["high"] is None else high
    slack = ROUNDING
    if claim.get("low"):
        written = float(claim["low"])
        slack = min(ROUND_FIGURE, last_digit(written) / 2 / abs(written))
        if claim.get("qualifier") not in (None, "exact"):
            slack = max(ROUNDING, slack)
    return low * (1 - slack), high * (1 + slack)


def last_digit(value: float) -> float:
    """The place of a figure's last written digit: 18205 -> 1, 70 -> 10, 18.5 -> 0.1."""
    if not float(value).is_integer():
        decimals = len(f"{value:.6f}".rstrip("0").split(".")[1])
        return 10.0**-decimals
    number, place = int(abs(value)), 1.0
    while number and number % 10 == 0:
        number //= 10
        place *= 10
    return place


def compatible(a: dict, b: dict) -> bool:
    (la, ha), (lb, hb) = interval(a), interval(b)
    return max(la, lb) <= min(ha, hb)


def one_reading_per_document(members: list[dict]) -> list[dict]:
    """Set aside the figures of a document that gives two of one block that cannot both be
    true: its frame lumps two things (a village and the epicentre near it)."""
    of_document: dict[str, list[dict]] = defaultdict(list)
    for member in members:
        of_document[document_of(member)].append(member)
    torn = {
        document
        for document, figures in of_document.items()
        if any(not compatible(a, b) for i, a in enumerate(figures) for b in figures[i + 1 :])
    }
    return [m for m in members if document_of(m) not in torn]


def unit_size(claim: dict) -> float | None:
    """The size of a claim's unit in its dimension's base unit (1000 for km)."""
    low, base = claim["low"], claim["extra"].get("base_low")
    if not low or base is None:
        return None
    return base / low


def number_text(value: float) -> str:
    """18.5 -> '18.5', 9.144 -> '9.1', 2100 -> '2,100' (a measure keeps its one decimal)."""
    if math.isinf(value):
        return "∞"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def unit_label(unit: str | None) -> str:
    """How the report names a unit: its key, or the word `unit_labels` of the report's
    language gives it ('week' -> 'weeks')."""
    return str((lexicon("en").get("unit_labels") or {}).get(unit, unit or ""))


def with_unit(figure: str, unit: str | None) -> str:
    """'80%', '18.5 km': a percent sign is written against its figure."""
    return f"{figure}{unit}" if unit == "%" else f"{figure} {unit_label(unit)}"


def shown_in(claim: dict, unit: str, size: float) -> tuple[str, float, float]:
    """A figure as the block shows it, in the block's unit: ('more than 9.1 m (30 ft)', low,
    high), so that every value of a conflict reads, and compares, in one unit."""
    own = unit_size(claim) or size
    low = round(claim["low"] * own / size, 1)
    high = math.inf if claim["high"] is None else round(claim["high"] * own / size, 1)
    converted = claim["extra"].get("converted")
    if converted and converted[0] == unit and claim.get("unit") != unit:
        # "115 feet (35 meters)" shown in metres is the source's own 35, not 35.1
        low = converted[1]
        high = math.inf if claim["high"] is None else converted[2]
    qualifier = claim["qualifier"]
    if qualifier == "range":
        text = f"{number_text(low)}–{number_text(high)}"
    elif qualifier in ("at least", "more than"):
        text = f"{qualifier} {number_text(low)}"
    elif qualifier in ("at most", "fewer than", "almost"):
        text = f"{qualifier} {number_text(high)}"
    elif qualifier == "about":
        text = f"about {number_text(round((low + high) / 2, 1))}"
    else:
        text = number_text(low)
    text += with_unit("", unit)
    if claim.get("unit") != unit:
        text += f" ({with_unit(number_text(claim['low']), claim.get('unit'))})"
    return text, low, high


def value_label(claim: dict) -> str:
    """A figure in its own unit, as `check` lists it: 'about 70 km', '4 weeks'."""
    return shown_in(claim, claim.get("unit") or "", unit_size(claim) or 1.0)[0]


def label_of(attribute: str) -> str:
    """'length: depth' -> 'depth'; 'duration: trial' -> 'duration of trial'."""
    dimension, _, frame = attribute.partition(": ")
    if frame.startswith(("depth", "distance", "height", "length", "width")):
        return frame
    return f"{dimension} of {frame}"


def judge_quantities(story: str, attribute: str, claims: list[dict]) -> Conflict | None:
    """Figures of one measure that cannot both be true, after conversion and rounding: high
    when both are exact and neither side hedges, else medium."""
    claims = one_reading_per_document(claims)
    clashes = clashing_pairs("quantity", claims)
    if not clashes:
        return None
    unit, _ = Counter(c.get("unit") for c in claims).most_common(1)[0]
    size = next(unit_size(c) for c in claims if c.get("unit") == unit)
    size = size or 1.0
    groups: dict[str, list[dict]] = defaultdict(list)
    bounds: dict[str, tuple[float, float, str]] = {}
    for claim in claims:
        text, low, high = shown_in(claim, unit, size)
        groups[text].append(claim)
        bounds[text] = (low, high, claim["qualifier"])
    values = [
        make_value(text, members, *bounds[text])
        for text, members in sorted(groups.items(), key=lambda item: (bounds[item[0]][0], item[0]))
    ]
    exact = ("exact", "range")
    hard = any(a["qualifier"] in exact and b["qualifier"] in exact for a, b in clashes)
    hedged = all(a.get("hedge") or b.get("hedge") for a, b in clashes)
    # the block's key folds the places' names; the conflict shows them as most sources write them
    shown, _ = Counter(c["attribute"] for c in claims).most_common(1)[0]
    label = label_of(shown)
    severity, status, rule = "high" if hard and not hedged else "medium", "contradiction", RULE
    explanation = clash_explanation(label, groups, clashes)
    if growing(claims) and all(grows(a, b) for a, b in clashes):
        severity, status, rule = "low", "evolving", "growing-count"
        explanation = f"The figure for {label} rises in later reports; the story was developing, the older figure need not be wrong."
    return Conflict(
        conflict_id(story, "quantity", "", attribute),
        story,
        "quantity",
        story,
        shown,
        severity,
        status,
        rule,
        explanation,
        values,
    )


def growing(claims: list[dict]) -> bool:
    """Is the block's frame one whose figure only grows (`growing_frames`: a fire's
    containment), in the language of any of its claims?"""
    head = (claims[0]["extra"].get("frame") or "").split(" of ")[0]
    codes = {c.get("language") or "en" for c in claims}
    return any(head in (lexicon(code).get("growing_frames") or []) for code in codes)
