"""Who counted: a non-governmental body's figure and the state's are two facts, whether the
body is named before the figure or after it, and with a verb of saying or of counting."""

from __future__ import annotations

import pytest
from conftest import counts, key


def only(text: str, language: str):
    (claim,) = [c for c in counts(text, language) if c.low == 300]
    return claim


def body(claim) -> str | None:
    return (claim.extra.get("frame") or {}).get("body")


PLAIN = {
    "en": "At least 300 protesters were arrested.",
    "es": "Al menos 300 manifestantes fueron detenidos.",
}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("At least 300 protesters were arrested, announced the NGO on its website.", "en"),
        ("The rights group documented 300 arrests of protesters.", "en"),
        ("The watchdog tallied 300 arrests in the capital.", "en"),
        ("The head of the NGO said 300 protesters were arrested.", "en"),
        ("Al menos 300 manifestantes fueron detenidos, según la ONG.", "es"),
        ("La ONG contabiliza 300 detenidos en las protestas.", "es"),
        ("La organización estima 300 detenidos tras las protestas.", "es"),
        ("Hubo 300 detenidos en las protestas, informó la organización.", "es"),
    ],
)
def test_an_unnamed_ngo_before_or_after_the_figure_is_its_own_counting_body(text, language):
    claim = only(text, language)
    assert body(claim)
    (plain,) = counts(PLAIN[language], language)
    assert body(plain) is None
    assert key(claim) != key(plain)


def test_an_unnamed_ngo_meets_its_kind_across_languages():
    en = only("At least 300 protesters were arrested, the NGO said.", "en")
    es = only("Al menos 300 manifestantes fueron detenidos, según la ONG.", "es")
    assert body(en) == body(es)
    assert key(en) == key(es)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("At least 300 protesters were arrested, said the NGO Vela Civica.", "en"),
        ("La ONG Vela Cívica contabiliza 300 detenidos en las protestas.", "es"),
        ("Hubo 300 detenidos, informó la ONG Vela Cívica en un comunicado.", "es"),
        # its acronym in brackets between the body and its name
        (
            "La organización no gubernamental (ONG) Vela Cívica contabiliza 300 detenidos.",
            "es",
        ),
        ("The non-governmental organisation (NGO) Vela Civica counted 300 arrests.", "en"),
    ],
)
def test_a_named_ngo_after_the_figure_is_its_name(text, language):
    assert body(only(text, language)) == "vela civica"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # the state's count meets the unattributed ones
        ("At least 300 protesters were arrested, the Interior Ministry said.", "en"),
        ("Al menos 300 manifestantes fueron detenidos, informó la Policía.", "es"),
        # the state and an NGO in one sentence: unclear who gave which figure, abstain
        ("Police said 300 were arrested, while the NGO said the figure was higher.", "en"),
        ("La ONG y el Gobierno contabilizan 300 detenidos.", "es"),
        # an NGO that is not beside a verb of saying or counting gives no figure
        ("At least 300 protesters were arrested near the offices of an NGO.", "en"),
        ("Al menos 300 manifestantes fueron detenidos cerca de la sede de una ONG.", "es"),
    ],
)
def test_the_state_or_no_clear_body_keeps_the_frame(text, language):
    claim = only(text, language)
    assert body(claim) is None
