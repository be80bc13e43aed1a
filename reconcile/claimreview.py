"""Export: the conflicts a reviewer confirmed or corrected, as schema.org ClaimReview JSON-LD,
the markup fact-checkers publish so that search engines show their verdicts.

One ClaimReview per conflict: the claim is what the sources disagree on with the values they
give; each source document is an appearance of it; the reviewer's latest verdict, with the
note, is the rating. https://schema.org/ClaimReview
"""

from __future__ import annotations

from .html import safe_url
from .models import Conflict

PUBLISHED_VERDICTS = ("confirmed", "corrected")
REQUIRED = ("@type", "url", "claimReviewed", "reviewRating")  # what a search engine requires


def claim_text(conflict: Conflict) -> str:
    """What was claimed, in one line: "age of Marta Quiroga: 52 / 55"."""
    values = " / ".join(v.value for v in conflict.values if v.sources)
    if conflict.subject and conflict.subject != conflict.story:
        return f"{conflict.attribute} of {conflict.subject}: {values}"
    return f"{conflict.attribute}: {values}"


def appearance(source, document: dict) -> dict:
    work: dict = {"@type": "CreativeWork", "name": document.get("title") or source.document}
    url = safe_url(document.get("url"))
    if url:
        work["url"] = url
    if source.outlet:
        work["publisher"] = {"@type": "Organization", "name": source.outlet}
    if source.published:
        work["datePublished"] = source.published
    return work


def claim_review(
    conflict: Conflict, documents: dict[str, dict], url: str, publisher: str | None
) -> dict:
    decision = conflict.decision or {}
    verdict = decision["decision"].replace("-", " ").capitalize()
    works, seen = [], set()
    for value in conflict.values:
        for source in value.sources:
            if source.document not in seen:
                seen.add(source.document)
                works.append(appearance(source, documents.get(source.document, {})))
    works.sort(key=lambda w: w.get("datePublished") or "9999")
    review: dict = {
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim_text(conflict),
        "datePublished": (decision.get("decided_at") or "")[:10],
        "reviewRating": {
            "@type": "Rating",
            "alternateName": verdict + (f": {decision['note']}" if decision.get("note") else ""),
        },
        "reviewBody": conflict.explanation,
        "itemReviewed": {"@type": "Claim", "appearance": works},
        "identifier": conflict.id,
    }
    if works:
        review["itemReviewed"]["firstAppearance"] = works[0]
        if works[0].get("datePublished"):
            review["itemReviewed"]["datePublished"] = works[0]["datePublished"]
    author = (
        {"@type": "Organization", "name": publisher}
        if publisher
        else {"@type": "Person", "name": decision["reviewer"]}
        if decision.get("reviewer")
        else None
    )
    if author:
        review["author"] = author
    return review


def claim_reviews(
    conflicts: list[Conflict],
    documents: list[dict],
    url_base: str,
    publisher: str | None = None,
) -> dict:
    """A JSON-LD document holding a ClaimReview for each conflict whose latest decision is
    confirmed or corrected. Each review's page is `url_base` followed by the conflict's id."""
    if not safe_url(url_base):
        raise ValueError(f"--url-base must be an http(s) address, not {url_base!r}")
    by_name = {d["name"]: d for d in documents}
    reviews = [
        claim_review(c, by_name, url_base + c.id, publisher)
        for c in conflicts
        if (c.decision or {}).get("decision") in PUBLISHED_VERDICTS
    ]
    return {"@context": "https://schema.org", "@graph": reviews}
