"""Who says so, and how sure: the hedge and the attribution of a sentence.

"Assumed to be 34 years old" (hedge: assumed), "According to Moscoso, ..." (attribution:
Moscoso), "The Attorney General's office said that ..." (attribution: The Attorney General's
office), "Other local journalists instead attribute 34 years" (hedge: other sources say).
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, fold
from ..models import Sentence


def hedge_of(sentence: Sentence, lex: Lexicon, start: int | None = None) -> str | None:
    """The first hedge in the sentence (or in the clause before `start`, when given)."""
    text = sentence.text if start is None else sentence.text[: max(0, start - sentence.start) + 40]
    match = lex.hedge_re.search(text)
    return lex.hedge_of.get(fold(re.sub(r"\s+", " ", match.group(0)))) if match else None


def attribution_of(sentence: Sentence, lex: Lexicon, people: list) -> str | None:
    """'According to X, ...', 'X said ...', '..., X said', '"...," she said'."""
    text = sentence.text
    match = lex.attribution_re.search(text)
    if match:
        rest = re.match(r"\s*([^,.;:]{2,70})", text[match.end() :])
        if rest:
            source = rest.group(1).strip()
            verb = lex.speech_re.match(source)  # "según informó la Policía": the Policía
            return source[verb.end() :].strip() if verb and source[verb.end() :].strip() else source
    passive = lex.__dict__.get("_passive_before")
    if passive is None:  # "was reported": no speaker
        auxiliaries = lex.phrases("passive_auxiliaries").pattern
        passive = lex.__dict__["_passive_before"] = re.compile(rf"{auxiliaries}\s+$", re.I)
    verbs = [v for v in lex.speech_re.finditer(text) if not passive.search(text[: v.start()])]
    for verb in verbs:
        absolute = sentence.start + verb.start()
        speaker = next(
            (p for p in reversed(people) if 0 <= absolute - p.end <= 12),
            None,
        ) or next((p for p in people if 0 <= p.start - (sentence.start + verb.end()) <= 3), None)
        if speaker is not None:
            return speaker.name
    for verb in verbs:
        before = re.split(r"[,;:“”\"]", text[: verb.start()])[-1].strip()
        words = before.split()
        plausible = 0 < len(words) <= 6 and not re.search(r"\d", before)
        if plausible and (
            re.search(r"[A-ZÁÉÍÓÚÑ]", before[1:])
            or lex.get_set("source_nouns") & {fold(w) for w in words}
        ):
            return before
    return None
