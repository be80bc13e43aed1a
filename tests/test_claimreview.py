"""ClaimReview: the conflicts a reviewer confirmed or corrected, as schema.org JSON-LD with
every field a search engine requires."""

from __future__ import annotations

import json

from conftest import run_cli, write

ARTICLES = {
    "harbour_post.md": (
        "---\ntitle: Fire at the Calder docks\noutlet: Harbour Post\npublished: 2024-05-06\n"
        "url: https://harbour.example/fire\n---\n"
        "Police arrested 12 people after a fire at the Calder docks on Sunday.\n\n"
        "Harbour master Marta Quiroga, 52, said the blaze started in a warehouse.\n"
    ),
    "evening_ledger.md": (
        '---\ntitle: "Docks fire: arrests"\noutlet: Evening Ledger\npublished: 2024-05-07\n'
        'url: "javascript:alert(1)"\n---\n'
        "Police arrested 15 people after Sunday's fire at the Calder docks.\n\n"
        "Harbour master Marta Quiroga, 55, called for an inquiry.\n"
    ),
}
BASE = "https://desk.example/checks/"


def validate(review: dict) -> None:
    """The fields a ClaimReview must carry to be shown by a search engine (claimReviewed,
    reviewRating with a textual rating, url) and the shape of the recommended ones."""
    assert review["@type"] == "ClaimReview"
    assert isinstance(review["claimReviewed"], str) and review["claimReviewed"].strip()
    assert review["url"].startswith("https://")
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating" and rating["alternateName"].strip()
    assert len(review["datePublished"]) == 10  # YYYY-MM-DD
    claim = review["itemReviewed"]
    assert claim["@type"] == "Claim" and claim["appearance"]
    for work in claim["appearance"]:
        assert work["@type"] == "CreativeWork" and work["name"]
        assert work.get("url", "https://").startswith(("https://", "http://"))
    assert review["author"]["@type"] in ("Organization", "Person") and review["author"]["name"]


def test_confirmed_and_corrected_conflicts_become_claim_reviews(tmp_path, db_path):
    for name, text in ARTICLES.items():
        write(tmp_path / "articles" / name, text)
    run_cli("ingest", tmp_path / "articles", "--db", db_path)
    conflicts = json.loads(run_cli("conflicts", "--db", db_path, "-f", "json").stdout)["conflicts"]
    age = next(c for c in conflicts if c["kind"] == "age")
    count = next(c for c in conflicts if c["kind"] == "count")
    run_cli(
        "decide",
        age["id"],
        "confirmed",
        "-n",
        "the port authority says 55",
        "-r",
        "ana",
        "--db",
        db_path,
    )
    run_cli("decide", count["id"], "dismissed", "-r", "ana", "--db", db_path)
    out = tmp_path / "reviews.jsonld"
    args = ["export", "claimreview", "--url-base", BASE, "--db", db_path]
    result = run_cli(*args, "--publisher", "Calder Fact Desk", "-o", out)
    assert result.exit_code == 0, result.output
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["@context"] == "https://schema.org"
    (review,) = document["@graph"]  # the dismissed conflict is not published
    validate(review)
    assert review["url"] == BASE + age["id"]
    assert review["claimReviewed"] == "age of Marta Quiroga: 52 / 55"
    assert review["reviewRating"]["alternateName"] == "Confirmed: the port authority says 55"
    assert review["author"] == {"@type": "Organization", "name": "Calder Fact Desk"}
    works = review["itemReviewed"]["appearance"]
    assert [w["name"] for w in works] == ["Fire at the Calder docks", "Docks fire: arrests"]
    assert works[0]["url"] == "https://harbour.example/fire" and "url" not in works[1]
    assert works[0]["publisher"] == {"@type": "Organization", "name": "Harbour Post"}
    assert review["itemReviewed"]["datePublished"] == "2024-05-06"

    # Corrected: the Ledger fixed its figure, so the conflict is gone; its review is still due.
    run_cli(
        "decide",
        count["id"],
        "corrected",
        "-n",
        "the Ledger now says 12",
        "-r",
        "ben",
        "--db",
        db_path,
    )
    write(
        tmp_path / "articles" / "evening_ledger.md",
        ARTICLES["evening_ledger.md"].replace("15", "12"),
    )
    run_cli("ingest", tmp_path / "articles", "--db", db_path)
    document = json.loads(run_cli(*args).stdout)
    reviews = {r["identifier"]: r for r in document["@graph"]}
    assert set(reviews) == {age["id"], count["id"]}
    for review in reviews.values():
        validate(review)
    assert reviews[count["id"]]["author"] == {"@type": "Person", "name": "ben"}
    assert reviews[count["id"]]["claimReviewed"] == "people arrested: 12 / 15"


def test_a_review_needs_an_http_address(tmp_path, db_path):
    write(tmp_path / "articles" / "a.md", ARTICLES["harbour_post.md"])
    run_cli("ingest", tmp_path / "articles", "--db", db_path)
    result = run_cli("export", "claimreview", "--url-base", "javascript:x", "--db", db_path)
    assert result.exit_code == 2 and "http" in result.stderr
    result = run_cli("export", "claimreview", "--url-base", BASE, "--db", db_path)
    assert result.exit_code == 0 and json.loads(result.stdout)["@graph"] == []
