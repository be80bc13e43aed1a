"""Which language a text is in: the metadata's word wins; otherwise the lexicon whose frequent
function words cover most of the text's words."""

from __future__ import annotations

import re

from .lexicon import DEFAULT_LANGUAGE, available_languages, fold, lexicon


def detect_language(text: str, declared: str | None = None) -> str:
    if declared:
        return declared.split("-")[0].lower()
    words = [fold(w) for w in re.findall(r"[^\W\d_]+", text[:5000])]
    if not words:
        return DEFAULT_LANGUAGE
    best, best_score = DEFAULT_LANGUAGE, 0
    for code in available_languages():
        stopwords = lexicon(code).get_set("stopwords")
        score = sum(1 for w in words if w in stopwords)
        if score > best_score:
            best, best_score = code, score
    return best
