"""Counts the extractor used to miss or misread, in both languages: a qualifier set off by
commas, a toll of "víctimas fatales", people travelling on board. Invented sentences."""

from __future__ import annotations

import pytest
from conftest import by_value, counts


@pytest.mark.parametrize(
    ("text", "language", "value", "qualifier"),
    [
        ("La crecida dejó, al menos, 14 muertos, según Protección Civil.", "es", 14, "at least"),
        ("The flood left, at least, 14 people dead, officials said.", "en", 14, "at least"),
        ("Hubo, más de, 30 detenidos en Tarvela.", "es", 30, "more than"),
    ],
)
def test_a_qualifier_set_off_by_commas_still_bounds_the_figure(text, language, value, qualifier):
    claim = by_value(counts(text, language), value)
    assert claim.qualifier == qualifier
    assert claim.high == float("inf")
