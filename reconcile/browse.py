"""Export: how the database reads in Datasette. Its metadata gives each table, view and column
a description, facets on what a desk sorts by (severity, kind, story, outlet) and the column
that labels a row where another table points at it.

    reconcile export datasette -o metadata.json
    datasette reconcile.db -m metadata.json

The views (`conflict_values`, `claims_with_sources`, `open_conflicts`) are plain SQL in the
database itself, created by `store.link_decisions_to_conflicts`.
"""

from __future__ import annotations

CONFLICT_COLUMNS = {
    "story": "Story id: 'label:NAME' for a story labelled at ingest, else an automatic slug",
    "severity": "high: cannot both be right; medium: one side hedges; low: accents, estimates",
    "kind": "count, money, percent, age, date or name",
    "subject": "The person, or the story for event-level figures",
    "attribute": "What is claimed: 'people arrested', 'age', 'first name', 'date of raids'",
    "status": "contradiction, evolving, soft, variant, weekday mismatch or anachronism",
}
VALUE_COLUMNS = {
    "value": "A value as the sources give it: '29', 'at least 29', 'Wilman'",
    "low": "Lower bound of a number, when it has one",
    "high": "Upper bound of a number; empty when unbounded ('at least 29')",
    "qualifier": "exact, at least, more than, at most, fewer than, about, almost or range",
    "document": "File stem of the source document",
    "outlet": "The outlet that published the source",
    "published": "Publication date of the source (ISO, possibly partial)",
    "words": "The claim's own words in the source",
}

TABLES = {
    "documents": {
        "description": "One row per stored article, with its metadata and full text.",
        "facets": ["outlet", "story", "language"],
        "label_column": "name",
        "columns": {
            "id": "sha256 of the stored text: the document's identity",
            "name": "File stem",
            "story": "Story label given at ingest (automatic stories are in 'stories')",
        },
    },
    "sentences": {
        "description": "Sentences of each document with their character offsets.",
        "facets": ["role"],
        "columns": {"role": "body, heading, caption, byline or comment"},
    },
    "claims": {
        "description": "One row per extracted claim, with its exact offsets and words.",
        "facets": ["kind", "attribute", "qualifier"],
        "columns": {
            "quote": "The claim's own words: the document's text from start to end",
            "low": "Lower bound; ±1e308 stands for unbounded (see claims_with_sources)",
            "high": "Upper bound; ±1e308 stands for unbounded (see claims_with_sources)",
            "extra": "Further detail as JSON",
        },
    },
    "stories": {
        "description": "Which story each document belongs to, as the last run grouped them.",
        "facets": ["story"],
    },
    "entities": {
        "description": "The people of each story, with every spelling the sources use.",
        "facets": ["story"],
        "label_column": "name",
        "columns": {"names": "Every spelling seen, as JSON"},
    },
    "mentions": {"description": "Which person each person claim names."},
    "conflicts": {
        "description": "Where sources disagree, one row per conflict; the whole conflict,"
        " values and sources included, is the JSON in 'data' (see conflict_values).",
        "facets": ["severity", "kind", "story", "status"],
        "label_column": "explanation",
        "columns": {
            **CONFLICT_COLUMNS,
            "rule": "The rule that fired (see docs/conflicts.md)",
            "explanation": "The conflict in one sentence",
            "retired_at": "When a run no longer found this conflict; kept for its decisions",
        },
    },
    "decisions": {
        "description": "Reviewers' decisions on conflicts; a conflict's latest one counts.",
        "facets": ["decision", "reviewer"],
        "columns": {
            "decision": "confirmed, dismissed, corrected or needs-work",
            "decided_at": "When (UTC)",
        },
    },
    "meta": {"description": "Bookkeeping: content and reconcile versions."},
    "conflict_values": {
        "description": "One row per value and source of every current conflict.",
        "facets": ["severity", "kind", "story", "outlet"],
        "columns": {**CONFLICT_COLUMNS, **VALUE_COLUMNS, "quote": "The source's sentence"},
    },
    "claims_with_sources": {
        "description": "Every claim with its document's outlet, date, link and story, and the"
        " sentence it was read from.",
        "facets": ["kind", "story", "outlet"],
        "columns": {**VALUE_COLUMNS, "sentence": "The sentence the claim was read from"},
    },
    "open_conflicts": {
        "description": "Conflicts no reviewer has decided on yet, most severe first.",
        "facets": ["severity", "kind", "story"],
        "columns": CONFLICT_COLUMNS,
    },
}


def datasette_metadata(database: str) -> dict:
    """Datasette metadata for a reconcile database served under the name `database` (the
    file's name without its extension)."""
    return {
        "title": "reconcile",
        "description": "Claims read from news articles, and where the sources disagree.",
        "databases": {
            database: {
                "description": "Start with open_conflicts, then conflict_values for the"
                " evidence; claims_with_sources lists every claim with its source.",
                "tables": TABLES,
            }
        },
    }
