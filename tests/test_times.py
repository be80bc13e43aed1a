"""Clock times of events: read in figures with their zone, tied to the event of their clause,
and compared only within one event and one zone. Every sentence here is invented."""

from __future__ import annotations

from reconcile.ingest import analyse
from reconcile.judge import clashing_pairs
from reconcile.match import block_key
from reconcile.models import Document
from reconcile.time_rules import judge_times


def times_of(text: str, language: str = "en", published: str | None = "2024-05-17"):
    document = Document("t", "t", "t", text, published=published, language=language)
    return [c for c in analyse(document)[2] if c.kind == "time"]


def read(text: str, language: str = "en"):
    return [
        (c.value, c.attribute, c.extra["rendered"], c.qualifier) for c in times_of(text, language)
    ]


def row(claim, document: str) -> dict:
    return {
        "document": document,
        "document_id": document,
        "kind": claim.kind,
        "subject": claim.subject,
        "attribute": claim.attribute,
        "value": claim.value,
        "date": claim.date,
        "weekday": claim.weekday,
        "start": claim.start,
        "end": claim.end,
        "quote": claim.quote,
        "outlet": document,
        "published": "2024-05-17",
        "extra": claim.extra,
        "hedge": None,
    }


def test_a_time_and_its_conversion_to_universal_time_are_one_moment_in_two_zones():
    assert read("The quake struck Varsela at 9:42 p.m. local time (1942 GMT), officials said.")[
        :2
    ] == [
        ("9:42 p.m. local time", "time of disaster", "21:42", "exact"),
        ("1942 GMT", "time of disaster (UTC)", "19:42", "exact"),
    ]
    assert read("El sismo se produjo a las 21.42 hora local del jueves (19.42 GMT).", "es") == [
        ("21.42 hora local", "time of disaster", "21:42", "exact"),
        ("19.42 GMT", "time of disaster (UTC)", "19:42", "exact"),
    ]


def test_a_verb_of_occurring_dates_the_event_the_clause_named_before_it():
    found = read(
        "The magnitude 6 earthquake shook the mountain towns of the north and occurred at "
        "9:42 p.m. local time."
    )
    assert found == [("9:42 p.m. local time", "time of disaster", "21:42", "exact")]


def test_a_stated_offset_is_taken_off_to_reach_universal_time():
    assert read("The fire broke out at 14:05 GMT+2 in the depot.")[0][1:3] == (
        "time of disaster (UTC)",
        "12:05",
    )


def test_evening_words_and_approximations():
    assert read("El ataque ocurrió cerca de las 10:40 de la noche en Tarvela.", "es") == [
        ("10:40 de la noche", "time of attack", "22:40", "about")
    ]
    assert read("The blaze started around 3 a.m. on Sunday.") == [
        ("3 a.m.", "time of disaster", "03:00", "about")
    ]


def test_bounds_words_and_hours_of_either_half_of_the_day_are_no_claim():
    assert read("Deaths were counted until 4:00 local time (GMT+2).") == []
    assert read("Los datos llegan hasta las 21.00 hora local (19.00 GMT).", "es") == []
    assert read("Just before 7:15 p.m. the fire was put out.") == []
    assert read("A curfew runs between 10pm and 6am local time.") == []
    assert read("El tren descarriló poco antes de la medianoche.", "es") == []
    assert read("The attack began at 10:15 in Tarvela.") == []  # morning or evening?


def test_a_time_whose_clause_names_no_event_is_kept_but_never_compared():
    [claim] = times_of("The ministry said at 10 p.m. that nine people had died.")
    assert claim.attribute == "time"
    assert block_key(row(claim, "a"), "s", None) is None


def pair(one: tuple[str, str], two: tuple[str, str]):
    rows = [row(times_of(text, code)[0], doc) for doc, (text, code) in (("a", one), ("b", two))]
    keys = {block_key(r, "s", None) for r in rows}
    return rows, keys


def test_two_times_of_one_event_given_to_the_minute_clash_beyond_five_minutes():
    rows, keys = pair(
        ("The fire broke out at 11:40 p.m. in the depot.", "en"),
        ("El incendio se declaró a las 23:10 horas en el depósito.", "es"),
    )
    assert len(keys) == 1
    assert clashing_pairs("time", rows)
    conflict = judge_times("s", "", rows[0]["attribute"], rows)
    assert conflict.severity == "high" and conflict.rule == "event-time"
    assert {v.value for v in conflict.values} == {"23:40", "23:10"}


def test_approximate_and_bare_hours_tolerate_what_they_round():
    rows, _ = pair(
        ("The fire broke out around 11 p.m. in the depot.", "en"),
        ("El incendio se declaró a las 23:40 horas en el depósito.", "es"),
    )
    assert not clashing_pairs("time", rows)
    rows, _ = pair(
        ("The fire broke out at 11 p.m. in the depot.", "en"),
        ("The fire broke out at 11:20 p.m. in the depot.", "en"),
    )
    assert not clashing_pairs("time", rows)


def test_times_across_midnight_are_minutes_apart():
    rows, _ = pair(
        ("The fire broke out at 23:55 GMT in the depot.", "en"),
        ("The fire broke out at 0005 GMT in the depot.", "en"),
    )
    assert clashing_pairs("time", rows)  # ten minutes apart
    rows, _ = pair(
        ("The fire broke out at 23:58 GMT in the depot.", "en"),
        ("The fire broke out at 0001 GMT in the depot.", "en"),
    )
    assert not clashing_pairs("time", rows)


def test_times_of_two_zones_or_two_events_never_meet():
    _, keys = pair(
        ("The quake struck at 9:42 p.m. local time.", "en"),
        ("The quake struck at 1942 GMT.", "en"),
    )
    assert len(keys) == 2
    _, keys = pair(
        ("The fire broke out at 11:40 p.m. in the depot.", "en"),
        ("Police arrested the owner at 11:10 p.m. in the depot.", "en"),
    )
    assert len(keys - {None}) <= 1


CORPUS = {
    "a.md": (
        "2024-05-18",
        "Fire at the Port Velland depot\n\n"
        "The fire broke out at 11:40 p.m. local time on Friday at the Port Velland depot, "
        "Mayor Orsolya Vantreek said. Nine people were killed in the fire.",
    ),
    "b.md": (
        "2024-05-18",
        "Incendio en el depósito de Port Velland\n\n"
        "El incendio se declaró a las 23:40 horas del viernes en el depósito de Port Velland, "
        "según la alcaldesa Orsolya Vantreek. Nueve personas murieron en el incendio.",
    ),
}
DRAFT = (
    "2024-05-19",
    "The Port Velland depot fire\n\n"
    "The fire broke out at 10:55 p.m. local time on Friday at the Port Velland depot. "
    "Nine people were killed in the fire, Mayor Orsolya Vantreek said.",
)


def test_check_sets_a_draft_time_against_the_same_values_as_conflicts(tmp_path):
    from test_check_agrees import databases, draft_conflicts

    from reconcile.check import check_draft, load_draft
    from reconcile.pipeline import reconcile

    alone, both, draft_path = databases(tmp_path, CORPUS, DRAFT)
    assert not reconcile(alone), "the invented corpus must agree with itself"
    result = check_draft(alone, load_draft(str(draft_path)))
    problems = {(f.kind, f.start): f for f in result.findings if f.is_problem}
    found = draft_conflicts(both, result.draft.document.name)
    assert set(problems) == set(found) and {kind for kind, _ in found} == {"time"}
    [finding] = problems.values()
    assert finding.status == "contradiction" and finding.rule == "event-time"
    assert {v.value for v in finding.corpus} == set(next(iter(found.values())))


def test_times_with_their_days_are_compared_across_midnight_but_two_days_are_the_dates_matter():
    rows, _ = pair(
        ("The fire broke out on Thursday at 23:58 GMT in the depot.", "en"),
        ("The fire broke out on Friday at 0001 GMT in the depot.", "en"),
    )
    assert [r["weekday"] for r in rows] == ["Thursday", "Friday"]
    assert not clashing_pairs("time", rows)  # three minutes: both may be one moment
    rows, _ = pair(
        ("The fire broke out on Thursday at 23:50 GMT in the depot.", "en"),
        ("The fire broke out on Friday at 0040 GMT in the depot.", "en"),
    )
    assert clashing_pairs("time", rows)  # fifty minutes across midnight
    rows, _ = pair(
        ("The fire broke out on Wednesday at 23:50 GMT in the depot.", "en"),
        ("The fire broke out on Thursday at 23:50 GMT in the depot.", "en"),
    )
    assert not clashing_pairs("time", rows)  # a day apart: the dates' conflict, not the time's


def test_an_approximate_time_written_with_its_minutes_allows_a_quarter_of_an_hour():
    # "around 1:30" is not "at 2:00": who writes the half does not round to the hour
    rows, keys = pair(
        ("The fire broke out around 1:30 a.m. in the warehouse.", "en"),
        ("El incendio se inició a las 02:00 horas en el almacén.", "es"),
    )
    assert len(keys) == 1 and clashing_pairs("time", rows)
    assert judge_times("s", "", rows[0]["attribute"], rows).severity == "medium"
    rows, _ = pair(
        ("El ataque ocurrió alrededor de las 21:40 horas en la plaza.", "es"),
        ("The attack took place around 9:58 p.m. in the square.", "en"),
    )
    assert clashing_pairs("time", rows)  # 18 minutes apart, more than either allows
    rows, _ = pair(
        ("El ataque ocurrió alrededor de las 21:40 horas en la plaza.", "es"),
        ("The attack took place around 9:50 p.m. in the square.", "en"),
    )
    assert not clashing_pairs("time", rows)
    rows, _ = pair(  # a whole hour, approximate, still allows an hour
        ("The fire broke out around 2 a.m. in the warehouse.", "en"),
        ("The fire broke out around 1:30 a.m. in the warehouse.", "en"),
    )
    assert not clashing_pairs("time", rows)


def test_a_line_that_is_only_a_date_and_a_time_is_when_a_page_was_posted():
    text = "Crónica\n\nDEPORTES • 14 Mar, 2025 10:57 h\n\nEl incendio se declaró a las 23:10 horas."
    assert [c.attribute for c in times_of(text, "es")] == ["time of disaster"]
    text = "Update\n\nMarch 14, 2025 10:57 a.m.\n\nThe fire broke out at 11:10 p.m. in Orvik."
    assert [c.attribute for c in times_of(text)] == ["time of disaster"]
