"""A document's date read from its own page (address, stamp, dateline) when metadata has none.

Every page here is invented."""

from __future__ import annotations

import json

import pytest

from reconcile.dates import PartialDate, find_dates
from reconcile.dating import dateline_date, page_date, plausible, stamp_date, url_date
from reconcile.load import make_document


@pytest.mark.parametrize(
    ("url", "iso"),
    [
        ("https://news.example/world/2023/09/10/dam-breaks", "2023-09-10"),
        ("https://news.example/world/20230910/dam-breaks", "2023-09-10"),
        ("https://news.example/dam-breaks-20230910-story.html", "2023-09-10"),
        ("https://news.example/dam-breaks-2023-09-10", "2023-09-10"),
        ("https://news.example/story?id=7&date=2023-09-10", "2023-09-10"),
        ("https://news.example/article/09/25/2023/dam-breaks", "2023-09-25"),
        ("https://noticias.example/mundo/2024/6/se-rompe-la-presa", "2024-06"),
        ("https://noticias.example/2024/05/presa.html", "2024-05"),
        ("https://news.example/world-news/2024/dam-breaks", "2024"),
        # 06/07/2024: June or July; only the year is said.
        ("https://news.example/article/06/07/2024/dam-breaks", "2024"),
    ],
)
def test_url_dates(url, iso):
    assert url_date(url).iso == iso


@pytest.mark.parametrize(
    "url",
    [
        "https://news.example/honduras-dam-OO12853863",  # an id, not a date
        "https://news.example/?p=516139",
        "https://news.example/2023/13/40/dam",  # no such day: an id
        "https://blog.example/search?updated-max=2024-06-27T12:11:00",  # a paging cursor
        "https://news.example/dam-breaks-2023.html",  # a year only in a file name: unsaid
        None,
    ],
)
def test_addresses_without_a_date(url):
    assert url_date(url) is None


@pytest.mark.parametrize(
    ("page", "iso"),
    [
        (
            "Dam breaks above the valley\nPublished 10 September 2023\nThe dam broke at dawn.",
            "2023-09-10",
        ),
        ("Last Updated: 2022-03-09 11:27\nRescuers reached the village on Sunday.", "2022-03-09"),
        ("7:25 PM EST, March 2, 2023\nThe dam broke at dawn.", "2023-03-02"),
        (
            "Se rompe la presa\nActualizado: 10/09/2023\nLa presa se rompió al amanecer.",
            "2023-09-10",
        ),
        ("Se rompe la presa\nMartes 14 de octubre de 2025\nLa presa se rompió.", "2025-10-14"),
        (" date 2023-09-10 The dam broke at dawn on Sunday, officials said.", "2023-09-10"),
        (" date 2023-09 La presa se rompió el domingo, según las autoridades.", "2023-09"),
    ],
)
def test_stamps_at_the_top(page, iso):
    assert stamp_date(page).iso == iso


def test_a_stamp_under_a_list_marker_dates_a_link_not_the_article():
    page = "• Also read: Storm hits the coast\n12 March 2021\nThe dam broke at dawn."
    assert stamp_date(page) is None


def test_a_stamp_at_the_end_of_the_page_is_a_teaser_s():
    body = "\n\n".join(
        "The dam broke at dawn and the water reached the lower town within the hour, "
        "flooding the market, the school and the clinic, officials said in a statement."
        for _ in range(4)
    )
    page = f"{body}\n\nStorm hits the coast\n\n12 March 2021"
    assert stamp_date(page) is None


def test_relative_stamps_and_english_words_are_no_date():
    assert stamp_date("Dam breaks\n10 months ago 4\nThe dam broke.", 2024) is None


@pytest.mark.parametrize(
    ("page", "year", "iso"),
    [
        ("RABAT, Sept. 10 (MAP) -- Rescuers reached the villages.", 2023, "2023-09-10"),
        ("RABAT, Sept. 10, 2023 (MAP) -- Rescuers reached the villages.", None, "2023-09-10"),
        ("NAIROBI, Kenya, June 25 (Reuters) - Crowds filled the streets.", 2024, "2024-06-25"),
        ("Madrid, 9 sep (EFE).- Los bomberos apagaron el fuego.", 2023, "2023-09-09"),
        ("SAN JUAN, 3 de marzo de 2024 (AP) — Los vecinos volvieron.", None, "2024-03-03"),
    ],
)
def test_datelines(page, year, iso):
    assert dateline_date(page, year).iso == iso


@pytest.mark.parametrize(
    "page",
    [
        "QUITO.- Los vecinos volvieron a sus casas.",  # a place, no date
        "Police said, on the night of June 25 the crowd - a large one - grew.",  # a sentence
        "Madrid, 9 sep (EFE).- Los bomberos apagaron el fuego.",  # no year anywhere
    ],
)
def test_no_dateline_date(page):
    assert dateline_date(page) is None


def test_a_dateline_takes_its_year_from_the_text():
    page = "Madrid, 9 sep (EFE).- El fuego empezó el 8 de septiembre de 2023 de madrugada."
    found = page_date(page, None, "es")
    assert (found.iso, found.source) == ("2023-09-09", "dateline")


def test_a_less_trusted_source_only_makes_a_more_trusted_one_precise():
    page = "Presa\nPublicado: 10/09/2023\nLa presa se rompió."
    found = page_date(page, "https://noticias.example/2023/09/presa", "es")
    assert (found.iso, found.source) == ("2023-09-10", "stamp")
    contradicted = page_date(page, "https://noticias.example/2023/08/presa", "es")
    assert (contradicted.iso, contradicted.source) == ("2023-08", "url")


def test_a_page_date_before_a_day_its_text_names_is_not_its_date():
    page = " date 2023-08-09 Fires spread on Tuesday.\nA post on August 11, 2023 showed the hill."
    assert page_date(page, None, "en") is None
    assert not plausible(PartialDate(2023, 8, 9), find_dates("on August 11, 2023"))


def test_a_page_date_years_before_the_events_is_not_its_date():
    page = "El 8 de septiembre de 2023 se rompió la presa; el 9 de septiembre de 2023 llovió."
    assert page_date(page, "https://noticias.example/2019/presa", "es") is None
    assert page_date(page, "https://noticias.example/2023/09/presa", "es").iso == "2023-09"


def test_no_page_date_in_the_future():
    assert not plausible(PartialDate(2999, 1, 1), [])


def test_the_loader_records_where_the_date_came_from():
    text = "Se rompe la presa\n\nLa presa se rompió el domingo, según las autoridades."
    url = "https://noticias.example/2023/09/10/presa"
    declared = make_document(text, "a", "a.md", {"published": "2023-09-11", "url": url}, {}, {})
    assert (declared.published, declared.published_from) == ("2023-09-11", "metadata")
    read = make_document(text, "b", "b.md", {"url": url}, {}, {})
    assert (read.published, read.published_from) == ("2023-09-10", "url")
    bare = make_document(text, "c", "c.md", {}, {}, {})
    assert (bare.published, bare.published_from) == (None, None)


def test_sources_show_where_each_date_came_from(tmp_path, cli):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "dated.md").write_text(
        "---\nurl: https://news.example/2023/09/10/dam\n---\nDam breaks\n\nThe dam broke.\n"
    )
    (folder / "stamped.txt").write_text("Dam breaks\n\nPublished 12 September 2023\n\nIt broke.\n")
    db = tmp_path / "t.db"
    assert cli("ingest", folder, "--db", db).exit_code == 0
    result = cli("sources", "--db", db, "-f", "jsonl")
    rows = {row["name"]: row for row in map(json.loads, result.stdout.splitlines())}
    assert rows["dated"]["published"] == "2023-09-10"
    assert rows["dated"]["published_from"] == "url"
    assert (rows["stamped"]["published"], rows["stamped"]["published_from"]) == (
        "2023-09-12",
        "stamp",
    )
    assert "from" in cli("sources", "--db", db).stdout
