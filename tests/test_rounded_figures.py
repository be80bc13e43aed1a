"""Two exact figures a unit apart, beside another report's rounded figure that holds both
("39 tourists", "40 passengers", "about 40 tourists"): a contradiction still, at medium
severity, not high."""

from __future__ import annotations

from conftest import figure

from reconcile.judge import judge_numbers


def test_two_exact_figures_within_a_third_reports_round_figure_are_medium():
    claims = [figure(39, document="a"), figure(40, document="b"), figure(36, 44, "about", "c")]
    conflict = judge_numbers("s", "count", "", "people on board", claims, False)
    assert conflict is not None and conflict.status == "contradiction"
    assert conflict.severity == "medium"


def test_without_a_round_figure_that_holds_both_they_stay_high():
    alone = [figure(39, document="a"), figure(40, document="b")]
    assert judge_numbers("s", "count", "", "people on board", alone, False).severity == "high"
    # "about 30" holds 29 but not 34: the pair is not within the outlets' rounding
    wide = [figure(29, document="a"), figure(34, document="b"), figure(27, 33, "about", "c")]
    assert judge_numbers("s", "count", "", "people on board", wide, False).severity == "high"
