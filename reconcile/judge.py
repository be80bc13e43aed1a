"""Stage 6, judge: the conflict rules. Each rule takes the claims of one block (same story,
same subject, same attribute) and says whether, and how badly, the sources disagree.

Every rule names itself in `Conflict.rule` and explains itself in one sentence.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import cache, partial

from rapidfuzz.distance import Indel

from .dates import MONTH_NAMES, WEEKDAY_NAMES, PartialDate
from .lexicon import fold, lexicon
from .models import PERSONAL_KINDS, SEVERITIES, Conflict, Source, Value
from .output import number_text
from .resolve import glue_words, misspelt, romanised, same_given_name, translated_given_name

SEVERITY_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}
LEAP_YEAR = 2000  # two days without a year are compared in one that has every day
DATE_WINDOW_DAYS = 31  # two dates of "one event" further apart are two events
WIRE_SIMILARITY = 90


def conflict_id(*parts: str) -> str:
    return "c-" + hashlib.sha1("\x1f".join(fold(p) for p in parts).encode()).hexdigest()[:12]


# Rules that judge one block differently as its evidence changes: 12 then 14 is a growing
# count until a later source says 13. Such a conflict is still the same conflict.
RULE_FAMILIES = {
    "growing-count": "number-intervals",
    "approximate-number": "number-intervals",
    "name-accents": "name-spelling",
}


def is_variant(conflict: Conflict) -> bool:
    """A name written two ways that are one name (accents or capitals, a nickname, another
    romanisation): a note for whoever asks, not a disagreement between sources."""
    return conflict.status == "variant"


def rule_family(rule: str) -> str:
    return RULE_FAMILIES.get(rule, rule)


# --------------------------------------------------------------------------- evidence


def source_of(claim: dict) -> Source:
    return Source(
        document=claim["document"],
        outlet=claim.get("outlet"),
        published=claim.get("published"),
        quote=claim.get("sentence_text") or claim["quote"],
        start=claim["start"],
        end=claim["end"],
        words=claim["quote"],
        language=claim.get("language"),
        attribution=claim.get("attribution"),
        hedge=claim.get("hedge"),
    )


def document_of(claim: dict) -> str:
    """The document a claim was read from: two outlets' files may share a name."""
    return claim.get("document_id") or claim["document"]


def tally(claims: list[dict]) -> tuple[int, list[str]]:
    """Independent sources behind a value: one per document, except that documents carrying
    one text (the same wire copy stored for two outlets) or near-identical sentences count
    once. Returns the tally and the wire copies, each naming its documents and outlets."""
    from rapidfuzz import fuzz

    documents: dict[str, tuple[str, str, str | None]] = {}  # id -> (label, sentence, text hash)
    for claim in claims:
        label = claim["document"] + (f" ({claim['outlet']})" if claim.get("outlet") else "")
        sentence = claim.get("sentence_text") or claim["quote"]
        documents.setdefault(document_of(claim), (label, sentence, claim.get("text_sha256")))
    groups: list[list[tuple[str, str, str | None]]] = []
    for document in sorted(documents.values(), key=lambda d: (d[0], d[2] or "")):
        for group in groups:
            label, sentence, text = group[0]
            if (text is not None and text == document[2]) or (
                fuzz.ratio(sentence, document[1]) >= WIRE_SIMILARITY and len(document[1]) > 40
            ):
                group.append(document)
                break
        else:
            groups.append([document])
    copies = [
        f"{', '.join(d[0] for d in g)} carry the same wire copy" for g in groups if len(g) > 1
    ]
    return len(groups), copies


def make_value(text: str, claims: list[dict], low=None, high=None, qualifier="exact") -> Value:
    count, copies = tally(claims)
    seen, sources = set(), []
    for claim in sorted(claims, key=lambda c: (c["document"], c["start"], document_of(c))):
        if (document_of(claim), claim["start"]) not in seen:
            seen.add((document_of(claim), claim["start"]))
            sources.append(source_of(claim))
    return Value(text, low, high, qualifier, sources, count, copies)


def worst(*severities: str) -> str:
    return max(severities, key=lambda s: SEVERITY_RANK[s])


# --------------------------------------------------------------------------- pairs


def clashing_pairs(kind: str, claims: list[dict]) -> list[tuple[dict, dict]]:
    """The pairs of one block's claims, from two documents, that cannot both be true: the
    one comparison `conflicts` and `check` share. Numbers clash as intervals (29 and 31, not
    "at least 29" and 31), ages as birth dates or years (`ages_clash`; undated ages when any
    claim of the block is undated), dates as spans within a month of each other (13 and 14
    December, not December 2023 and 14 December), a person's nationality or number of
    children as values that differ (`personal_value`), measured quantities in their base unit
    after rounding (`quantity_rules.compatible`), clock times further apart than both allow
    (`time_rules.clash`)."""
    dated = kind == "age" and all(is_dated(c) for c in claims)
    moments = {id(c): events_named(c) for c in claims} if kind == "age" else {}
    spans = {id(c): date_span(c) for c in claims} if kind == "date" else {}
    from .quantity_rules import compatible as measures_agree  # it builds on this module
    from .role_rules import clash as roles_clash
    from .time_rules import clash as times_clash

    def clash(a: dict, b: dict) -> bool:
        if kind == "quantity":  # in base units, after rounding (quantity_rules.py)
            return not measures_agree(a, b)
        if kind == "age":
            if not (is_dated(a) and is_dated(b)) and other_moments(moments[id(a)], moments[id(b)]):
                return False  # an age at the arrests and one at the verdict, years unknown
            return ages_clash(a, b, dated)
        if kind == "date":
            sa, sb = spans[id(a)], spans[id(b)]
            if sa is None or sb is None:  # a day without its year takes the other's
                year = (sa or sb or (dt.date(LEAP_YEAR, 1, 1),))[0].year
                sa, sb = sa or date_span(a, year), sb or date_span(b, year)
            if sa is not None and sb is not None:
                return date_relation(sa, sb) == "clash"
            return weekdays_clash(a, b)
        if kind in PERSONAL_KINDS:
            return personal_value(a) != personal_value(b)
        if kind == "time":  # minutes apart beyond what both readings allow (time_rules.py)
            return times_clash(a, b)
        if kind == "role":  # one office of two places or bodies (role_rules.py)
            return roles_clash(a, b)
        return not compatible(a, b)

    return [
        (a, b)
        for i, a in enumerate(claims)
        for b in claims[i + 1 :]
        if document_of(a) != document_of(b) and clash(a, b)
    ]


def approximate_pairs(claims: list[dict]) -> list[tuple[dict, dict]]:
    """Pairs of figures from two documents that differ where one is approximate ("about 30"
    and 29): soft, worth a low note only when nothing in the block clashes. A document that
    gives both figures itself ("about 20 injured" in a quote, "20 injured" in its own words)
    rounds its own figure: no source differs from it on either. Nor does one that names the
    same figure: "approximately 75", "75" and "more than 75" are one fact."""
    given = {}
    for claim in claims:
        given.setdefault(document_of(claim), set()).add((claim["low"], claim["high"]))
    return [
        (a, b)
        for i, a in enumerate(claims)
        for b in claims[i + 1 :]
        if document_of(a) != document_of(b)
        and "about" in (a["qualifier"], b["qualifier"])
        and (a["low"], a["high"]) != (b["low"], b["high"])
        and not same_figure(a, b)
        and (a["low"], a["high"]) not in given[document_of(b)]
        and (b["low"], b["high"]) not in given[document_of(a)]
    ]


def named_figure(claim: dict) -> float | None:
    """The figure a claim's words name: 75 for "about 75", "more than 75", "75"; none for a
    range."""
    low, high, qualifier = claim["low"], claim["high"], claim["qualifier"]
    if qualifier == "about" and low is not None and high is not None:
        return (low + high) / 2
    if qualifier in ("at most", "fewer than", "almost"):
        return high
    if qualifier == "range":
        return None
    return low


def same_figure(a: dict, b: dict) -> bool:
    figures = named_figure(a), named_figure(b)
    return None not in figures and math.isclose(*figures, rel_tol=1e-9)


# --------------------------------------------------------------------------- numbers


def bounds(claim: dict) -> tuple[float, float, bool, bool]:
    """A number claim as an interval (low, high, low open, high open)."""
    low = claim["low"] if claim["low"] is not None else -math.inf
    high = claim["high"] if claim["high"] is not None else math.inf
    qualifier = claim["qualifier"]
    return low, high, qualifier == "more than", qualifier == "fewer than"


def compatible(a: dict, b: dict) -> bool:
    """Can both numbers be true at once? "at least 29" and 31: yes; 29 and 31: no. "More
    than 75" and "75" are one fact loosely worded (a report rounds down what it has), not two:
    an open bound meets the number it names."""
    la, ha, _, _ = bounds(a)
    lb, hb, _, _ = bounds(b)
    return max(la, lb) <= min(ha, hb)


def value_text(claim: dict) -> str:
    low, high, qualifier = claim["low"], claim["high"], claim["qualifier"]
    unit = claim.get("unit") or ""
    prefix = "US$" if unit == "USD" else "€" if unit == "EUR" else ""
    suffix = "%" if unit == "%" else ""
    if qualifier == "range":
        return f"{prefix}{number_text(low)}–{number_text(high)}{suffix}"
    if qualifier in ("at least", "more than"):
        return f"{qualifier} {prefix}{number_text(low)}{suffix}"
    if qualifier in ("at most", "fewer than", "almost"):
        return f"{qualifier} {prefix}{number_text(high)}{suffix}"
    if qualifier == "about":
        return f"about {prefix}{number_text((low + high) / 2)}{suffix}"
    return f"{prefix}{number_text(low)}{suffix}"


def published(claim: dict) -> PartialDate:
    return PartialDate.parse(claim.get("published"))


def is_exact(claim: dict) -> bool:
    return claim["qualifier"] in ("exact", "range")


def judge_numbers(
    story: str, kind: str, subject: str, attribute: str, claims: list[dict], growing: bool
) -> Conflict | None:
    """29 vs 31 contradict; "at least 29" vs 31 agree; 7 vs "eight or nine" contradict;
    "about 30" vs 29 is soft; a later, larger figure for a growing count is "evolving"."""
    clashes = clashing_pairs(kind, claims)
    soft = []
    if not clashes:
        soft = approximate_pairs(claims)
        if not soft:
            return None
    groups: dict[str, list[dict]] = defaultdict(list)
    for claim in claims:
        groups[value_text(claim)].append(claim)
    values = [
        make_value(text, members, members[0]["low"], members[0]["high"], members[0]["qualifier"])
        for text, members in sorted(
            groups.items(), key=lambda item: (item[1][0]["low"] or 0, item[0])
        )
    ]
    label = attribute if not subject else f"{attribute} of {subject}"
    if soft:
        severity, status, rule = "low", "soft", "approximate-number"
        explanation = f"Sources give different figures for {label}, but one is approximate and covers the other."
    elif growing and all(grows(a, b) for a, b in clashes):
        severity, status, rule = "low", "evolving", "growing-count"
        explanation = f"The figure for {label} rises in later reports; the story was developing, the older figure need not be wrong."
    elif is_stock(attribute) and all(other_days(a, b) for a, b in clashes):
        severity, status, rule = "low", "evolving", "growing-count"
        explanation = f"The figure for {label} changes between reports of different days, as people are taken and freed; each may have been true on its day."
    else:
        hard = [(a, b) for a, b in clashes if is_exact(a) and is_exact(b)]
        hedged = all(a.get("hedge") or b.get("hedge") for a, b in clashes)
        severity = "high" if hard and not hedged else "medium"
        status, rule = "contradiction", "number-intervals"
        explanation = clash_explanation(label, groups, clashes)
    return Conflict(
        conflict_id(story, kind, subject, attribute),
        story,
        kind,
        subject or story,
        attribute,
        severity,
        status,
        rule,
        explanation,
        values,
    )


def clash_explanation(label: str, groups: dict[str, list[dict]], clashes: list) -> str:
    """One sentence naming the value groups that cannot both be true, each with its sources,
    and the values compatible with every other said as such (never every pair of claims):
    'Sources disagree on people killed: 29 (a, b) and 31 (c) cannot both be true; at least
    29 (d) is compatible with every figure given.'"""
    order = list(groups)
    group_of = {id(c): text for text, members in groups.items() for c in members}
    pairs = sorted(
        {tuple(sorted((group_of[id(a)], group_of[id(b)]), key=order.index)) for a, b in clashes},
        key=lambda p: (order.index(p[0]), order.index(p[1])),
    )
    clashing = [t for t in order if any(t in pair for pair in pairs)]

    everyone = [c for members in groups.values() for c in members]

    def shown(text: str) -> str:
        documents = sorted({where(c, everyone) for c in groups[text]})
        more = f" and {len(documents) - 3} more" if len(documents) > 3 else ""
        return f"{text} ({', '.join(documents[:3])}{more})"

    if len(pairs) == 1:
        clash = f"{shown(pairs[0][0])} and {shown(pairs[0][1])} cannot both be true"
    elif len(pairs) == len(clashing) * (len(clashing) - 1) // 2:
        clash = f"{', '.join(shown(t) for t in clashing)}: no two of these can both be true"
    else:
        clash = f"{', '.join(shown(t) for t in clashing)}; these cannot both be true: " + ", ".join(
            f"{a} and {b}" for a, b in pairs
        )
    explanation = f"Sources disagree on {label}: {clash}."
    compatible_only = [t for t in order if t not in clashing]
    if compatible_only:
        explanation += f" {', '.join(shown(t) for t in compatible_only)} is compatible with every figure given."
    return explanation


def where(claim: dict, claims: list[dict]) -> str:
    """The document a value comes from, with its language when the sources do not share one:
    '29 (el_litoral, es) vs 31 (coastal_hera, en)'."""
    if len({c.get("language") or "" for c in claims}) > 1 and claim.get("language"):
        return f"{claim['document'][:12]}, {claim['language']}"
    return claim["document"][:12]


def as_of(claim: dict) -> PartialDate:
    """When a figure was true: the date its own sentence gives it ('as of Sunday 10
    September', `extra.as_of`), else the day its article was published."""
    said = (claim.get("extra") or {}).get("as_of")
    return PartialDate.parse(said) if said else published(claim)


@cache
def stock_events() -> tuple[str, ...]:
    """Events whose counts rise and fall (`stock_events` in each language's measures.yaml)."""
    from .lexicon import available_languages, lexicon

    return tuple(
        sorted(
            {
                str(e)
                for code in available_languages()
                for e in lexicon(code).get("stock_events") or []
            }
        )
    )


def is_stock(attribute: str) -> bool:
    """Is a measure a stock ('people still held', 'prison guards still held in Tolsa')?"""
    return any(re.search(rf"(?<!\w){re.escape(e)}(?!\w)", attribute) for e in stock_events())


def other_days(a: dict, b: dict) -> bool:
    """Were two figures true on different days (their own as-of dates, else their articles')?"""
    da, db = as_of(a).as_date(), as_of(b).as_date()
    return da is not None and db is not None and da != db


def grows(a: dict, b: dict) -> bool:
    """Is the later figure the larger one, true at least a day later? Two figures of one day
    that differ (29 and 31 on 12 March) are a contradiction, not a growing count."""
    da, db = as_of(a).as_date(), as_of(b).as_date()
    if da is None or db is None or da == db:
        return False
    early, late = (a, b) if da < db else (b, a)
    return (late["low"] or 0) > (early["high"] if early["high"] is not None else math.inf)


# --------------------------------------------------------------------------- ages


def birth_years(claim: dict) -> tuple[float, float]:
    """An age said on a date: the years the person can have been born in."""
    age = claim["low"]
    reference = PartialDate.parse(claim.get("date") or claim.get("published"))
    if reference.year is None:
        return -age, -age  # no date: compare the ages themselves
    return reference.year - age - 1, reference.year - age


def is_dated(claim: dict) -> bool:
    """Does an age claim say when the age held (its own date or the article's)?"""
    return PartialDate.parse(claim.get("date") or claim.get("published")).year is not None


def events_named(claim: dict) -> frozenset[str]:
    """The story events an age's sentence names ('identified among the detainees', 'was
    convicted'): the moment the age was said of (`events` of the measures lexicon)."""
    sentence = claim.get("sentence_text") or ""
    if not sentence:
        return frozenset()
    lex = lexicon(claim.get("language") or "en")
    return frozenset(
        lex.event_of[fold(re.sub(r"\s+", " ", m.group(0)))] for m in lex.event_re.finditer(sentence)
    )


def other_moments(a: frozenset[str], b: frozenset[str]) -> bool:
    """Were two ages said of two different moments of the story (each sentence names its
    events, and they share none)? Without dates, they may be years apart."""
    return bool(a) and bool(b) and not a & b


def ages_agree(a: dict, b: dict, dated: bool = True) -> bool:
    """Can one person have both ages? Dated ages compare as birth years (34 in 2023 and 35
    in 2024 agree); without dates only the same age agrees."""
    if not dated:
        return a["low"] == b["low"]
    (la, ha), (lb, hb) = birth_years(a), birth_years(b)
    return la <= hb and lb <= ha


BIRTHDAY_WINDOW_DAYS = 62  # two reports this close that need a birthday between them clash


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def birth_dates(claim: dict) -> tuple[dt.date, dt.date] | None:
    """An age said on a known day: the first and last days the person can have been born on
    (34 on 18 June 2023: from 19 June 1988 to 18 June 1989)."""
    day = PartialDate.parse(claim.get("date") or claim.get("published"))
    if day.day is None or claim["low"] != int(claim["low"]):
        return None
    said = day.as_date()
    if said is None:
        return None
    age = int(claim["low"])
    return years_before(said, age + 1) + dt.timedelta(days=1), years_before(said, age)


def birthday_between(a: dict, b: dict) -> bool:
    """Do two ages said on known days agree only if the person had a birthday between two
    reports weeks apart (33 on 19 May, 34 on 18 June)? Possible, seldom true: a fact-checker
    wants to see it."""
    if a["low"] == b["low"]:
        return False
    da, db = birth_dates(a), birth_dates(b)
    if da is None or db is None:
        return False
    overlap = (min(da[1], db[1]) - max(da[0], db[0])).days
    return 0 <= overlap < BIRTHDAY_WINDOW_DAYS


def ages_clash(a: dict, b: dict, dated: bool) -> bool:
    """Two ages of one person that cannot both be right, day by day where the days are known.
    One age in two reports never clashes, however far apart their dates: news keep giving a
    person's age at the events ("the 18-year-old gunman") in reports written years later."""
    if a["low"] == b["low"] and a["high"] == b["high"]:
        return False
    da, db = birth_dates(a), birth_dates(b)
    if da is not None and db is not None:
        return da[1] < db[0] or db[1] < da[0] or birthday_between(a, b)
    return not ages_agree(a, b, dated)


NAMESAKE_YEARS = 10  # ages one document gives one name this far apart are two people's


def one_age_per_document(claims: list[dict]) -> list[dict]:
    """Set aside the ages of a document that gives one name ages years apart ("Ana Ruiz, 40,
    and her daughter Ana Ruiz, 12"): they are two people of one name, a parent and a child,
    and which of them another source means is not known. Ages close together (34 and 36)
    are one person's, written two ways: a slip, still compared."""
    ages: dict[str, list[float]] = defaultdict(list)
    for claim in claims:
        ages[document_of(claim)].append(claim["low"])
    return [
        c for c in claims if max(ages[document_of(c)]) - min(ages[document_of(c)]) < NAMESAKE_YEARS
    ]


def judge_ages(story: str, subject: str, claims: list[dict]) -> Conflict | None:
    """Ages compare as birth years: 34 in 2023 and 36 in 2022 cannot both be right;
    "born 36 years ago" is an age on the article's date. With the days known, 33 on 19 May
    and 34 on 18 June need a birthday in between: medium. A document giving one name two
    ages a generation apart is set aside (`one_age_per_document`)."""
    claims = one_age_per_document(claims)
    clashes = clashing_pairs("age", claims)
    if not clashes:
        return None
    # an age that clashes with none (said at another moment of the story) is not shown
    clashing = {number_text(c["low"]) for pair in clashes for c in pair}
    groups: dict[str, list[dict]] = defaultdict(list)
    for claim in (c for c in claims if number_text(c["low"]) in clashing):
        groups[number_text(claim["low"])].append(claim)
    values = [
        make_value(text, members, members[0]["low"], members[0]["high"])
        for text, members in sorted(groups.items(), key=lambda i: float(i[0]))
    ]
    hedged = all(a.get("hedge") or b.get("hedge") or birthday_between(a, b) for a, b in clashes)
    ages = " vs ".join(v.value for v in values)
    return Conflict(
        conflict_id(story, "age", subject, "age"),
        story,
        "age",
        subject,
        "age",
        "medium" if hedged else "high",
        "contradiction",
        "age-birth-year",
        f"Sources give {subject} different ages ({ages}) that "
        + (
            "only a birthday between reports weeks apart would explain."
            if all(birthday_between(a, b) for a, b in clashes)
            else "no single birth year explains."
        ),
        values,
    )


# --------------------------------------------------------------------------- personal facts


def personal_value(claim: dict) -> str:
    """What a personal fact says, normalised: the country ('guatemala' for "Guatemalan" and
    "guatemalteca"), or the number of children ('3' for "three" and "tres")."""
    if claim["kind"] == "nationality":
        return (claim.get("extra") or {}).get("country") or fold(claim["value"])
    return number_text(claim["low"]) if claim["low"] is not None else fold(claim["value"])


def one_account_per_document(claims: list[dict]) -> list[dict]:
    """Set aside the claims of a document that gives one person two nationalities or two
    numbers of children: a source rarely contradicts itself, so one of its two readings
    belongs to someone else (a relative, a namesake), and it cannot be pitted against others."""
    values: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        values[document_of(claim)].add(personal_value(claim))
    return [c for c in claims if len(values[document_of(c)]) == 1]


PERSONAL_RULES = {
    "nationality": ("nationality-differs", "different countries of origin or nationality"),
    "children": ("children-differ", "different numbers of children"),
}


def judge_personal(story: str, kind: str, subject: str, claims: list[dict]) -> Conflict | None:
    """One person's nationality or number of children: two sources giving two countries
    (Mexico and Guatemala) or two numbers (3 and 6) for the same person is a contradiction;
    medium when every clashing pair has a hedged side ("reportedly")."""
    claims = one_account_per_document(claims)
    clashes = clashing_pairs(kind, claims)
    if not clashes:
        return None
    groups: dict[str, list[dict]] = defaultdict(list)
    for claim in claims:
        groups[personal_value(claim)].append(claim)
    values = [
        make_value(
            text.title() if kind == "nationality" else text,
            members,
            members[0]["low"],
            members[0]["high"],
        )
        for text, members in sorted(groups.items(), key=lambda i: (-len(i[1]), i[0]))
    ]
    hedged = all(a.get("hedge") or b.get("hedge") for a, b in clashes)
    rule, what = PERSONAL_RULES[kind]
    shown = " vs ".join(v.value for v in values)
    return Conflict(
        conflict_id(story, kind, subject, kind),
        story,
        kind,
        subject,
        kind,
        "medium" if hedged else "high",
        "contradiction",
        rule,
        f"Sources give {subject} {what} ({shown}).",
        values,
    )


# --------------------------------------------------------------------------- dates


def night(claim: dict) -> tuple[int, int]:
    """Days before and after its date that an overnight event also covers: "the night of
    Monday" (0, 1), "la madrugada del domingo" (-1, 0), "the night of Thursday to Friday"; and
    the days of a range ("entre el 3 y 4 de mayo": (-1, 0) from the 4th)."""
    back, forward = (claim.get("extra") or {}).get("night") or (0, 0)
    return int(back), int(forward)


def weekdays_clash(a: dict, b: dict) -> bool:
    """Two weekdays for one event, where a date cannot settle it ('el martes' in an undated
    article, 'Wednesday' or '5 July 2023' in another): they clash when no day the event may
    cover (`night`: 'the night of Monday' runs into Tuesday) is the same weekday."""
    da, db = weekdays_of(a), weekdays_of(b)
    return da is not None and db is not None and not da & db


def weekdays_of(claim: dict) -> set[int] | None:
    """The weekdays an event may fall on by one claim: the weekday it writes, else the
    calendar's weekday of its full date ("5 July 2023" was a Wednesday, against another
    source's bare "Tuesday"), each with the days its night runs into; None when it says
    neither."""
    if claim.get("weekday") in WEEKDAY_NAMES:
        start = WEEKDAY_NAMES.index(claim["weekday"])
    elif (day := PartialDate.parse(claim.get("date")).as_date()) is not None:
        start = day.weekday()
    else:
        return None
    back, forward = night(claim)
    return {(start + shift) % 7 for shift in range(back, forward + 1)}


def date_span(claim: dict, year: int | None = None) -> tuple[dt.date, dt.date] | None:
    """The days a date claim can be. A day and month an undated article gives without a year
    ("el 17 de mayo", `extra.month_day`) is read in `year`, the year of the date it is set
    against: one story's dates of one event lie within a month of each other."""
    date = PartialDate.parse(claim.get("date"))
    month_day = (claim.get("extra") or {}).get("month_day")
    if date.year is None and month_day and year is not None:
        month, day = (int(part) for part in month_day.split("-"))
        date = PartialDate(year, month, day)
    if date.year is None or date.month is None:
        return None
    if date.day:
        try:
            day = dt.date(date.year, date.month, date.day)
        except ValueError:
            return None
        back, forward = night(claim)
        return day + dt.timedelta(days=back), day + dt.timedelta(days=forward)
    last = calendar.monthrange(date.year, date.month)[1]
    return dt.date(date.year, date.month, 1), dt.date(date.year, date.month, last)


def to_the_day(claim: dict) -> bool:
    """Does a date claim name its day ("14 December 2023", or "14 de diciembre" undated)?"""
    return bool(PartialDate.parse(claim["date"]).day or (claim.get("extra") or {}).get("month_day"))


def date_text(claim: dict) -> str:
    return claim.get("extra", {}).get("rendered") or claim["value"]


def date_relation(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> str:
    """How two date spans of one event relate: "agree" (they overlap: 14 December and
    December 2023), "clash" (disjoint but within a month: 13 and 14 December) or "apart"
    (further apart: taken to be two events)."""
    if not (a[1] < b[0] or b[1] < a[0]):
        return "agree"
    gap = min(abs((a[0] - b[1]).days), abs((b[0] - a[1]).days))
    return "clash" if gap <= DATE_WINDOW_DAYS else "apart"


def clashing_groups(
    kind: str, claims: list[dict], key: Callable[[dict], str]
) -> tuple[list[tuple[dict, dict]], dict[str, list[dict]]]:
    """A block's clashing pairs (`clashing_pairs`), and the claims that take part in one,
    grouped by `key` (the value as the report shows it): the claims that clash with none
    are left out of the conflict."""
    clashes = clashing_pairs(kind, claims)
    clashing = {id(c) for pair in clashes for c in pair}
    groups: dict[str, list[dict]] = defaultdict(list)
    for claim in claims:
        if id(claim) in clashing:
            groups[key(claim)].append(claim)
    return clashes, groups


def judge_dates(story: str, subject: str, attribute: str, claims: list[dict]) -> Conflict | None:
    """Different dates for one event within a month of each other (further apart, they are
    taken to be two events); a weekday that the other source's date contradicts is "high"."""
    # a vaguer date that fits both ("December 2023") clashes with neither and says nothing
    clashes, groups = clashing_groups("date", claims, date_text)
    if not clashes:
        return None
    values = [
        make_value(text, members)
        for text, members in sorted(groups.items(), key=lambda i: i[1][0]["date"] or "")
    ]
    weekday_clash = any(a.get("weekday") or b.get("weekday") for a, b in clashes)
    event = attribute.replace("date of ", "")
    who = f" of {subject}" if subject else ""
    texts = " vs ".join(v.value for v in values)
    if weekday_clash:
        explanation = f"Sources put the {event}{who} on different days ({texts}); the calendar settles which weekday fits the date."
        status = "weekday mismatch"
    else:
        explanation = f"Sources give different dates for the {event}{who}: {texts}."
        status = "contradiction"
    exact = any(to_the_day(a) and to_the_day(b) for a, b in clashes)
    return Conflict(
        conflict_id(story, "date", subject, attribute),
        story,
        "date",
        subject or story,
        attribute,
        "high" if exact else "medium",
        status,
        "event-date",
        explanation,
        values,
    )


def weekday_mismatch(story: str, claim: dict) -> Conflict | None:
    """A weekday written with its own date that the calendar contradicts:
    "Wednesday, December 14, 2023" (14 December 2023 was a Thursday)."""
    extra = claim.get("extra", {})
    if not claim.get("weekday") or extra.get("relative"):
        return None
    date = PartialDate.parse(claim.get("date")).as_date()
    if date is None or WEEKDAY_NAMES[date.weekday()] == claim["weekday"]:
        return None
    actual = WEEKDAY_NAMES[date.weekday()]
    said = make_value(f"{claim['weekday']} (as written)", [claim])
    calendar_value = Value(
        f"{actual} {date.day} {MONTH_NAMES[date.month - 1]} {date.year} (calendar)",
        sources=[],
        tally=0,
    )
    return Conflict(
        conflict_id(story, "date", claim["document"], str(claim["start"]), "weekday"),
        story,
        "date",
        claim.get("subject") or story,
        claim["attribute"],
        "high",
        "weekday mismatch",
        "weekday-calendar",
        f"{claim['document']} calls {date.isoformat()} a {claim['weekday']}; it was a {actual}.",
        [said, calendar_value],
    )


def anachronisms(
    story: str, claims: Iterable[dict], first_report: PartialDate, cues
) -> list[Conflict]:
    """An event the text presents as following from the story ("a direct continuation of the
    case") dated years before the story's first report: likely a typo for a later year."""
    found = []
    if first_report.year is None:
        return found
    for claim in claims:
        date = PartialDate.parse(claim.get("date"))
        sentence = fold(claim.get("sentence_text") or "")
        if date.year is None or claim["attribute"] == "period" or not cues.search(sentence):
            continue
        if first_report.year - date.year >= 2:
            found.append(
                Conflict(
                    conflict_id(
                        story, "date", claim["document"], str(claim["start"]), "anachronism"
                    ),
                    story,
                    "date",
                    story,
                    claim["attribute"],
                    "medium",
                    "anachronism",
                    "timeline-anachronism",
                    f"{claim['document']} dates an event that follows from this story to {claim['value']}, "
                    f"{first_report.year - date.year} years before the story's first report ({first_report.iso}).",
                    [make_value(claim["value"], [claim])],
                )
            )
    return found


# --------------------------------------------------------------------------- names


def name_conflicts(
    story: str, entity_name: str, mentions: list[dict], aliases: set[str]
) -> list[Conflict]:
    """Spellings of one person across sources. Letters that differ (Wilman/William) are a
    high "contradiction"; accents or case alone (Agustín/Agustin) are a low "variant" when two
    documents of one language differ, and no note when only the languages do. A name
    stated as an alias ("better known as") is another name, not another spelling."""
    full = [m for m in mentions if " " in m["value"] and fold(m["value"]) not in aliases]
    full = [m for m in full if not shortened_beside(m, full)]
    slips = [m for m in mentions if slip(m)]
    firsts = [m for m in first_names_alone(full, mentions, aliases) if not slip(m)]
    if not full or (len({m["document"] for m in full + firsts}) < 2 and not slips):
        return []
    full = one_spacing(full)
    conflicts = []
    for attribute in ("first name", "surname"):
        groups = spellings(attribute, full, mentions)
        # A lone surname misspelt joins the spellings as it is; a full name the document
        # misspells (`resolve.join_slips`) was split into its parts above.
        alone = [m for m in slips if " " not in m["value"].strip()]
        for mention in firsts if attribute == "first name" else alone:
            groups[mention["value"]].append(mention)
        # A second given name or surname left out ("Ana" beside "Ana Lucía", "Salazar" beside
        # "Salazar Méndez") is a shorter form of the name, not another spelling of it.
        # Initials for a name ("Joffre A. B." beside "Joffre Alcívar Bautista") shorten it too.
        keys = [
            k
            for k in groups
            if k and not any(shorter_form(k, other) or abbreviates(k, other) for other in groups)
        ]
        # A document's own slip ("Tavenijira" after its "Martín Tavenjira") stands apart from
        # the spelling it gives the person in full, as if another source gave it.
        documents = {k: {(m["document"], bool(slip(m))) for m in groups[k]} for k in keys}
        if not any(documents[k] - documents[o] for k in keys for o in keys if k != o):
            continue  # one spelling, or all spellings from the same documents
        if attribute == "surname" and any(
            another_surname(k, o) for k in keys for o in keys if k < o
        ):
            continue  # "Ibarra Quenaya" / "Tarqui Quenalla": a surname given another way
        if any(glued(k, o) for k in keys for o in keys if k != o):
            continue  # "Ruiz" / "Ruizwho": a word run into the name, not another spelling
        values = [
            make_value(k, groups[k]) for k in sorted(keys, key=lambda k: (-len(documents[k]), k))
        ]
        shown = " vs ".join(v.value for v in values)
        named = partial(name_conflict, story, entity_name, attribute, values)

        if attribute == "first name" and len({fold(k) for k in keys}) > 1 and translations(keys):
            why = (
                f"Sources give the given name of {entity_name} in two languages ({shown}); "
                "the same person."
            )
            conflicts.append(named("translation", "low", "variant", "name-translation", why))
        elif attribute == "first name" and len({fold(k) for k in keys}) > 1 and nicknames(keys):
            why = (
                f"Sources call {entity_name} by a given name and another form of it "
                f"({shown}); the same person."
            )
            conflicts.append(named("nickname", "low", "variant", "name-nickname", why))
        elif (
            len({fold(k) for k in keys}) > 1
            and romanisations(keys)
            and not written_both_ways(groups, keys)
        ):
            why = (
                f"Sources romanise the {attribute} of {entity_name} differently ({shown}); "
                "one name from another script."
            )
            conflicts.append(named("romanisation", "low", "variant", "name-romanisation", why))
        elif len({fold(k) for k in keys}) > 1:
            why = f"Sources spell the {attribute} of {entity_name} differently: {shown}."
            conflicts.append(named(None, "high", "contradiction", "name-spelling", why))
        elif written_apart_within_a_language(groups, keys):
            why = (
                f"Sources write the {attribute} of {entity_name} with and without accents or "
                f"capitals ({shown}); the same name."
            )
            conflicts.append(named("variant", "low", "variant", "name-accents", why))
    shown = {w for c in conflicts for v in c.values for w in fold(v.value).split()}
    for conflict in word_conflicts(story, entity_name, full):
        if not {fold(v.value) for v in conflict.values} <= shown:  # not told already
            conflicts.append(conflict)
    return conflicts


def name_conflict(
    story: str,
    entity_name: str,
    attribute: str,
    values: list,
    suffix: str | None,
    severity: str,
    status: str,
    rule: str,
    why: str,
) -> Conflict:
    """A conflict over how one person's name part is written (a spelling, or a variant whose
    kind `suffix` keeps its id apart from the spelling's)."""
    parts = (story, "name", entity_name, attribute) + ((suffix,) if suffix else ())
    return Conflict(
        conflict_id(*parts),
        story,
        "name",
        entity_name,
        attribute,
        severity,
        status,
        rule,
        why,
        values,
    )


def word_conflicts(story: str, entity_name: str, full: list[dict]) -> list[Conflict]:
    """Full names of as many words that differ only in words misspelt one for another
    ("Dikson Aron Córdova Perdomo" / "Dikson Aarón Córdova Perdomo"), where the documents
    split the name into given names and surnames differently, so that neither part alone
    shows the slip. The differing words are the values."""
    words_of = {id(m): fold(m["value"]).replace(".", " ").split() for m in full}
    written = {id(m): m["value"].replace(".", " ").split() for m in full}
    groups: dict[str, list[dict]] = defaultdict(list)
    for a in full:
        for b in full:
            wa, wb = words_of[id(a)], words_of[id(b)]
            if (
                a["document"] >= b["document"]
                or len(wa) != len(wb)
                or len(written[id(a)]) != len(wa)
            ):
                continue
            if len(written[id(b)]) != len(wb):
                continue
            differ = [i for i, (x, y) in enumerate(zip(wa, wb, strict=True)) if x != y]
            if len(differ) != 1 or not misspelt(wa[differ[0]], wb[differ[0]]):
                continue
            x, y = wa[differ[0]], wb[differ[0]]
            if same_given_name(x, y) or translated_given_name(x, y) or romanised(x, y):
                continue  # Vasilis / Vassilis, Panche / Pance: one name romanised two ways
            at = differ[0]
            groups[written[id(a)][at]].append(a)
            groups[written[id(b)][at]].append(b)
    if len({fold(k) for k in groups}) < 2:
        return []
    values = [
        make_value(k, members)
        for k, members in sorted(groups.items(), key=lambda i: (-len(i[1]), i[0]))
    ]
    shown = " vs ".join(v.value for v in values)
    return [
        Conflict(
            conflict_id(story, "name", entity_name, "name"),
            story,
            "name",
            entity_name,
            "name",
            "high",
            "contradiction",
            "name-spelling",
            f"Sources spell a name of {entity_name} differently: {shown}.",
            values,
        )
    ]


SURNAME_WORD_SIMILARITY = 0.5  # below it, two surname words are two surnames, not one misspelt


def another_surname(a: str, b: str) -> bool:
    """Do two spellings of a person's surnames hold a word the other has nothing like? A
    child named with its father's surname in one report and another man's in the next
    ("Ibarra Quenaya" / "Tarqui Quenalla") is given another surname, which is no slip of the
    pen: which one is right is not a matter of spelling. Hernández and Fernández are alike."""
    short, long = sorted((fold(a).split(), fold(b).split()), key=len)
    return any(
        max(Indel.normalized_similarity(w, o) for o in long) < SURNAME_WORD_SIMILARITY
        for w in short
    )


def one_spacing(full: list[dict]) -> list[dict]:
    """Full names with the same letters written together or apart ("Ramchandra Paudel",
    "Ram Chandra Paudel"; "Suazo-Sandoval", "Suazo Sandoval") are one name. The given name and
    surname split differs between such forms, so each is read as the most common form of it,
    lest "Ram" and "Ramchandra" pass for two spellings of one first name."""
    by_letters: dict[str, list[dict]] = defaultdict(list)
    for mention in full:
        by_letters[letters_only(mention["value"])].append(mention)
    read = []
    for mention in full:
        forms = by_letters[letters_only(mention["value"])]
        if len({m["value"] for m in forms}) < 2:
            read.append(mention)
            continue
        counts: dict[str, int] = defaultdict(int)
        for m in forms:
            counts[m["value"]] += 1
        model = next(m for m in forms if m["value"] == max(counts, key=lambda v: (counts[v], v)))
        read.append({**mention, "value": model["value"], "extra": model.get("extra", {})})
    return read


def letters_only(name: str) -> str:
    return re.sub(r"[\s.\-]+", "", name.casefold())


def written_apart_within_a_language(groups: dict[str, list[dict]], keys: list[str]) -> bool:
    """Do two documents of one language write a name with and without its accents? English
    outlets drop the accents of Spanish names as a house convention ("Jose Lopez" beside
    "José López"), so a difference seen only between languages is no note at all."""
    by_language: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        for mention in groups[key]:
            by_language[mention.get("language") or ""].add(key)
    return any(len(written) > 1 for written in by_language.values())


def nicknames(keys: list[str]) -> bool:
    """Are the first names only one given name and its short forms ('Michael', 'Mike')?"""
    firsts = [k.split()[0] for k in keys if k.split()]
    return all(same_given_name(firsts[0], other) for other in firsts[1:]) and all(
        k.split()[1:] == keys[0].split()[1:] for k in keys
    )


def translations(keys: list[str]) -> bool:
    """Are the given names one name in two languages, or short forms of it ('Joseph',
    'José', 'Joe'): as many words each, every two words alike, a short form or the name in
    the other language (`resolve.translated_given_name`), and one pair at least translated?"""
    split = [fold(k).split() for k in keys]
    if len({len(words) for words in split}) != 1:
        return False
    translated = False
    for a in split:
        for b in split:
            for x, y in zip(a, b, strict=True):
                if translated_given_name(x, y):
                    translated = True
                elif not same_given_name(x, y):
                    return False
    return translated


def glued(name: str, other: str) -> bool:
    """Is a spelling another with a lower-case word of `glue_words` run into its end by a
    page's markup or a rough translation ("Ruizwho" for "Ruiz", "Pérezque" for "Pérez")?"""
    a, b = fold(name), fold(other)
    strong, weak = glue_words()
    words = b.split()
    return bool(words) and len(words[-1]) >= 3 and a.startswith(b) and a[len(b) :] in strong | weak


def shortened_beside(mention: dict, full: list[dict]) -> bool:
    """Is a full name a shorter form of a longer one its own document gives, its words among
    the longer name's in their order ("Ciro Anselmo" beside "Ciro Anselmo Vidaurre Poma")?
    It spells nothing the longer form does not, and where its words end the given names is
    unknown: "Anselmo" is no surname here. Beside another source's longer form, a shorter
    one that stops before the longer one's last word is the given names alone: "Ciro
    Anselmo" gives no surname against "Ciro Anselmo Vidaurre"."""
    words = fold(mention["value"]).split()
    for other in full:
        longer = fold(other["value"]).split()
        if len(longer) <= len(words):
            continue
        if other["document"] != mention["document"] and words[-1] == longer[-1]:
            continue
        rest = iter(longer)
        if all(word in rest for word in words):  # in order
            return True
    return False


def written_both_ways(groups: dict[str, list[dict]], keys: list[str]) -> bool:
    """Does one document write a name part two ways ("Velkosevski" beside its own "Velkoshevski")? Outlets
    romanise a name each their own way, but one text that uses two has slipped: its spellings
    are compared as a misspelling, not noted as a romanisation."""
    return any(
        {m["document"] for m in groups[k]} & {m["document"] for m in groups[o]}
        for k in keys
        for o in keys
        if fold(k) < fold(o)
    )


def romanisations(keys: list[str]) -> bool:
    """Are the spellings one name romanised several ways (Toshkovski / Toskovski): every two
    of them equal but for accents, or for the usual transliteration alternations
    (`resolve.romanised`)?"""
    return all(fold(k) == fold(o) or romanised(k, o) for k in keys for o in keys if k < o)


def slip(mention: dict) -> bool:
    """Is a mention a lone surname its document misspells for a person it names in full
    (`extra.slip_of`: "Tavenijira" after "Martín Tavenjira")?"""
    return bool((mention.get("extra") or {}).get("slip_of"))


def first_names_alone(full: list[dict], mentions: list[dict], aliases: set[str]) -> list[dict]:
    """Single names that misspell the first name of the person's full names and are none of
    their words: a first name written another way ("Erik" for the "Erick Tasman" another
    document names in full, joined as one person by `resolve`), compared with the full names'
    first names. A single name that is a word of them ("Hernández", "Erick") is a shorter
    form, and one like none of their first names ("Suazo-Sandoval") no first name at all."""
    words = {w for m in full for w in fold(m["value"]).replace(".", " ").split()}
    firsts = {fold(raw_parts(m)[0]).split()[0] for m in full if raw_parts(m)[0].strip()}
    return [
        m
        for m in mentions
        if " " not in m["value"].strip()
        and fold(m["value"]) not in aliases
        and fold(m["value"]) not in words
        and any(misspelt(fold(m["value"]), first) for first in firsts)
    ]


def spellings(attribute: str, full: list[dict], mentions: list[dict]) -> dict[str, list[dict]]:
    """The mentions behind each spelling of a first name or a surname. A surname-only mention
    ("Noboa had much to do") backs the surname it spells."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for mention in full:
        given, surname = raw_parts(mention)
        groups[given if attribute == "first name" else surname].append(mention)
    if attribute == "surname":
        for mention in mentions:
            if " " not in mention["value"] and mention["value"] in groups:
                groups[mention["value"]].append(mention)
    return groups


def abbreviates(name: str, other: str) -> bool:
    """Is a name the other with some words written as their initials ("Joffre A. B." for
    "Joffre Alcívar Bautista", "Pablo R." for "Pablo Ramírez")?"""
    words = fold(name).replace(".", " ").split()
    other_words = fold(other).replace(".", " ").split()
    return (
        len(words) == len(other_words)
        and words != other_words
        and any(len(w) == 1 for w in words)
        and all(
            w == o or (len(w) == 1 and o.startswith(w))
            for w, o in zip(words, other_words, strict=True)
        )
    )


def shorter_form(name: str, other: str) -> bool:
    words, other_words = set(fold(name).split()), set(fold(other).split())
    return words != other_words and words < other_words


def raw_parts(mention: dict) -> tuple[str, str]:
    """Given names and surnames as written, split as the extractor split them."""
    extra = mention.get("extra", {})
    given, surname = extra.get("given"), extra.get("surname")
    if given is None or surname is None:
        tokens = mention["value"].split()
        return " ".join(tokens[:1]), " ".join(tokens[1:])
    return given, surname
