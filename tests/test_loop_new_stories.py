"""Shapes the stadium-crush and volcano stories showed: "more" or "otras" setting a new
measure beside an earlier count of another ("At least 40 died. Another 60 were hurt"), which
adds to no earlier figure of its own. Invented sentences and names."""

from __future__ import annotations

import pytest
from conftest import by_value, counts


def comparable(claim) -> bool:
    return claim.extra.get("comparable", False) and not (claim.extra.get("frame") or {}).get(
        "unclear"
    )


def one(text: str, language: str, low: float):
    return by_value(counts(text, language), low)


# ---------------------------------------------------------------- increments of a new measure


@pytest.mark.parametrize(
    ("text", "language", "low", "attribute"),
    [
        (
            "At least 41 people were killed when the dam at Velmora gave way. The torrent"
            " swept through three hamlets. Another 63 people were injured.",
            "en",
            63,
            "people injured",
        ),
        (
            "At least 41 fatalities were confirmed in Velmora. Over 120 more people remain"
            " missing.",
            "en",
            120,
            "people missing",
        ),
        (
            "La riada de Velmora se cobró la vida de al menos 41 personas. El agua arrasó tres"
            " aldeas. Otras 63 personas resultaron heridas.",
            "es",
            63,
            "people injured",
        ),
        (
            "Murieron 41 personas en Velmora. Otras 2.150 fueron evacuadas a zonas seguras.",
            "es",
            2150,
            "people evacuated",
        ),
    ],
)
def test_more_beside_an_earlier_count_of_another_measure_is_a_total(text, language, low, attribute):
    claim = one(text, language, low)
    assert claim.attribute == attribute
    assert comparable(claim)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Twelve people were injured on Monday in Velmora. The dead numbered 41. Another 9"
            " people were injured in the evening.",
            "en",
        ),
        (
            "Doce personas resultaron heridas el lunes en Velmora. Los muertos son 41. Otras 9"
            " personas resultaron heridas por la tarde.",
            "es",
        ),
    ],
)
def test_more_of_a_measure_counted_before_stays_an_increment(text, language):
    claim = one(text, language, 9)
    assert claim.attribute == "additional people injured"
    assert not comparable(claim)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Another 9 people were injured in Velmora on Monday.", "en"),
        ("Otras 9 personas resultaron heridas en Velmora el lunes.", "es"),
    ],
)
def test_more_with_no_earlier_count_stays_an_increment(text, language):
    claim = one(text, language, 9)
    assert claim.attribute == "additional people injured"
