"""Numbers in running text: digits, number words, ranges, qualifiers, money and percentages.

"29", "15,000", "twenty-nine", "eight or nine", "between 8 and 10", "a dozen", "US$7 million",
"at least 80%". Compound number words are parsed by the text2num library; the lexicon says
which words may be part of a number phrase and which qualifiers bound it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from .lexicon import ACCENTED, Lexicon, accent_insensitive, fold, lexicon, longest_first

INF = math.inf
CURRENCY = {
    "us$": "USD",
    "$": "USD",
    "usd": "USD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
}


@dataclass
class Number:
    """One number mention: its span, its bounds and how it is qualified."""

    start: int
    end: int
    text: str
    low: float
    high: float
    qualifier: str = "exact"
    unit: str | None = None  # USD, EUR, %
    additional: bool = False
    words: bool = False  # written in words
    compound: bool = False  # the first part of a hyphenated word: "100-dollar", "four-year"


def parse_words(phrase: str, code: str) -> float | None:
    """'twenty-nine' -> 29, 'veintinueve' -> 29, 'a dozen' -> 12; None when not a number."""
    lex = lexicon(code)
    folded = " ".join(fold(phrase).split())
    if folded in lex.collective:
        return lex.collective[folded]
    from text_to_num import text2num

    spellings = lex.get("spellings") or {}  # "veintiún" -> "veintiuno", for the parser
    words = " ".join(spellings.get(word, word) for word in phrase.lower().split())
    try:
        return float(
            text2num(
                words,
                code if code in ("en", "es", "fr", "de", "pt", "it") else "en",
            )
        )
    except (ValueError, TypeError):
        return None


def parse_digits(text: str) -> float | None:
    """'15,000' -> 15000; '1.5' -> 1.5; Spanish '15.000' -> 15000; '15 000' -> 15000."""
    text = text.strip()
    if COMMA_THOUSANDS.fullmatch(text):
        return float(text.replace(",", ""))
    if DOT_THOUSANDS.fullmatch(text):
        return float(text.replace(".", ""))
    if SPACED_THOUSANDS.fullmatch(text):
        return float(re.sub(r"\s", "", text))
    if PLAIN_DIGITS.fullmatch(text):
        return float(text.replace(",", "."))
    return None


COMMA_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
PLAIN_DIGITS = re.compile(r"\d+(?:[.,]\d+)?")
# "10 000", "780 000" (a space, or a no-break or thin space, between groups of thousands, as
# many Spanish and French style books write them); never where a digit, or a separator and a
# digit, follows the last group
SPACED_THOUSANDS = re.compile(r"\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d,.]?\d)")
LAST_WORD = re.compile(r"(?<!\w)(\w+)\s+$")
WORD_AFTER = re.compile(r"(\s*)([^\W\d_]+)")
CURRENCY_BEFORE = re.compile(r"(?:US\$|\$|€|£|USD|EUR)\s?$")


@cache
def number_pattern(code: str) -> re.Pattern:
    """Digits, or a run of number words joined by spaces, hyphens or the joiner words."""
    lex = lexicon(code)
    words = longest_first(lex.number_words)
    collective = sorted(lex.collective, key=len, reverse=True)
    joiners = "|".join(map(re.escape, sorted(lex.number_joiners))) or "and"
    word = "(?:" + "|".join(map(accent_insensitive, words)) + ")"
    scales = "|".join(map(accent_insensitive, sorted(lex.scales, key=len, reverse=True)))
    run = rf"(?!(?:{scales})\b){word}(?:(?:\s+|-|\s+(?:{joiners})\s+){word})*"
    coll = "|".join(map(accent_insensitive, collective))
    digits = (
        rf"{SPACED_THOUSANDS.pattern}|"
        r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?![\d,])|\d+(?:[.,]\d+)?"
    )
    # a unit written against its figure ("220km") ends the figure as a space would
    glued = "|".join(map(re.escape, sorted(lex.get("glued_units") or [], key=len, reverse=True)))
    glued = rf"|(?=(?:{glued})(?!\w))" if glued else ""
    return re.compile(
        rf"(?<![\w#/:.,-]){first_characters(lex)}"
        rf"(?:(?P<digits>{digits})(?:(?![\w]){glued})"
        rf"|(?:(?P<coll>{coll})|(?P<words>{run}))(?![\w]))",
        re.I,
    )


def first_characters(lex: Lexicon, depth: int = 3) -> str:
    """A lookahead for how a number can start: a digit, or the first `depth` characters of a
    number word or collective, written as `accent_insensitive` writes them (the first atoms of
    every alternative of the number pattern, as a trie). It changes no match; it spares the
    regex engine trying every alternative at each word that starts otherwise (more than half
    of its time)."""
    words = [fold(w).split() for w in (*lex.number_words, *lex.collective)]
    if not all(words):
        return ""  # an empty entry matches anywhere: no start can be ruled out
    return rf"(?=\d|{prefix_trie({w[0][:depth] for w in words})})"


def prefix_trie(prefixes: set[str]) -> str:
    """An alternation matching the start of a text that begins with one of `prefixes`, each
    character as `accent_insensitive` writes it."""
    if "" in prefixes:
        return ""  # a shorter prefix ends here: anything may follow
    following: dict[str, set[str]] = {}
    for prefix in prefixes:
        following.setdefault(prefix[0], set()).add(prefix[1:])
    alternatives = []
    for char, rest in sorted(following.items()):
        atom = f"[{ACCENTED[char]}]" if char in ACCENTED else re.escape(char)
        tail = prefix_trie(rest)
        alternatives.append(atom + (f"(?:{tail})" if "|" in tail else tail))
    return "|".join(alternatives)


def qualifier_before(text: str, start: int, lex: Lexicon, floor: int = 0) -> tuple[str, int]:
    """The qualifier written just before a number ("at least", "more than"), and where it
    starts; never before `floor`, the start of the number's sentence."""
    window = text[max(floor, start - 40) : start]
    best = ("exact", start)
    # "con, al menos, 11 muertos": the comma that sets the qualifier off stands between
    fillers = lex.get_set("qualifier_fillers") | {"", "$", "us$", ","}
    prepositional = lex.get("prepositional_qualifiers") or {}
    for match in lex.qualifier_re.finditer(window):
        word = fold(re.sub(r"\s+", " ", match.group(0)))
        before = re.findall(r"[\w'’-]+", window[: match.start()])
        if before and fold(before[-1]) in prepositional.get(word, ()):
            continue  # "resigns over $4.5 million contract": a preposition, not "more than"
        if fold(window[match.end() :].strip()) in fillers:
            best = (
                lex.qualifier_of[fold(re.sub(r"\s+", " ", match.group(0)))],
                start - len(window) + match.start(),
            )
    return best


def is_additional(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """'an additional eight people', 'another 12', 'eight more people', 'two other gangs'."""
    before = fold(text[max(0, start - 25) : start]).rstrip()
    after = fold(text[end : end + 12]).lstrip()
    for marker in lex.additional:
        if before.endswith(" " + marker) or before == marker:
            return True
    return any(after.startswith(marker + " ") for marker in lex.get_set("additional_after"))


def find_numbers(
    text: str, code: str = "en", start: int = 0, end: int | None = None
) -> list[Number]:
    """Every number mention in text[start:end], ranges merged, qualifiers and units attached."""
    lex = lexicon(code)
    end = len(text) if end is None else end
    raw: list[tuple[int, int, float, bool]] = []
    for match in number_pattern(code).finditer(text, start, end):
        phrase = match.group(0)
        value = parse_digits(phrase) if match.group("digits") else parse_words(phrase, code)
        if value is None and match.group("words"):
            raw.extend(split_run(match, code, lex))  # "ocho y diez": two numbers, not one
            continue
        if value is None:
            continue
        raw.append((match.start(), match.end(), value, not match.group("digits")))
    continuations = lex.get("scale_continuations") or {}
    if continuations:
        raw = continued_scales(text, raw, continuations, start, end)
    numbers: list[Number] = []
    i = 0
    while i < len(raw):
        s, e, v, words = raw[i]
        # "eight or nine", "8 to 10", "8-10": a range when the joiner sits between two numbers.
        if i + 1 < len(raw):
            s2, e2, v2, words2 = raw[i + 1]
            gap = fold(text[e:s2]).strip()
            between = LAST_WORD.search(fold(text[max(0, s - 12) : s]))
            if not (between and between.group(1) in lex.get_set("range_between")):
                between = None
            if between and gap in lex.get_set("range_between_joiner"):
                numbers.append(
                    Number(
                        s - len(between.group(0)),
                        e2,
                        text[s - len(between.group(0)) : e2],
                        v,
                        v2,
                        "range",
                        words=words,
                    )
                )
                i += 2
                continue
            if (gap in lex.range_words or gap in ("-", "–", "—")) and v < v2 and v2 <= v * 10 + 10:
                numbers.append(Number(s, e2, text[s:e2], v, v2, "range", words=words))
                i += 2
                continue
        numbers.append(Number(s, e, text[s:e], v, v, "exact", words=words))
        i += 1
    kept: list[Number] = []
    for number in numbers:
        if kept and number.start < kept[-1].end:
            continue  # "million" already taken by "7 million"
        attach_scale_and_unit(text, number, lex)
        number.compound = bool(re.match(r"-[^\W\d_]", text[number.end : number.end + 2]))
        kept.append(number)
    numbers = kept
    approximate = lex.get_set("approximate_collective")
    for number in numbers:
        if number.qualifier == "exact":
            qualifier, q_start = qualifier_before(text, number.start, lex, start)
            if qualifier == "exact" and " ".join(fold(number.text).split()) in approximate:
                qualifier = "about"  # "una treintena": about 30
            if qualifier != "exact":
                number.qualifier = qualifier
                number.text = text[q_start : number.end]
                number.start = q_start
            number.low, number.high = qualifier_bounds(number.low, qualifier)
        number.additional = is_additional(text, number.start, number.end, lex)
    return numbers


def continued_scales(
    text: str, raw: list[tuple[int, int, float, bool]], scales: dict, start: int, end: int
) -> list[tuple[int, int, float, bool]]:
    """Numbers written with a scale word between digits, as Mexican papers do: "2 mil 12" is
    2012 and "mil 832" is 1832 (lexicon key `scale_continuations`: the word and its factor)."""
    merged = []
    for match in scale_continuation_pattern(tuple(scales)).finditer(text, start, end):
        factor = float(scales[fold(match.group(2))])
        value = (int(match.group(1)) if match.group(1) else 1) * factor + int(match.group(3))
        merged.append((match.start(), match.end(), value, False))
    if not merged:
        return raw
    kept = [r for r in raw if not any(s < r[1] and r[0] < e for s, e, _, _ in merged)]
    return sorted(kept + merged)


@cache
def scale_continuation_pattern(scales: tuple[str, ...]) -> re.Pattern:
    """'2 mil 12', 'mil 832': a scale word between digits (built once, not per sentence); a
    full stop or comma may close it ('es de 3 mil 613.'), a decimal part may not."""
    words = "|".join(map(accent_insensitive, sorted(scales, key=len, reverse=True)))
    return re.compile(
        rf"(?<![\w.,])(?:(\d{{1,3}})\s+)?({words})\s+(\d{{1,3}})(?!\w|[.,]\d|\s+(?:{words})\b)",
        re.I,
    )


def split_run(match: re.Match, code: str, lex: Lexicon) -> list[tuple[int, int, float, bool]]:
    """A run of number words that is no one number ("eight and nine", "ocho y diez"): the
    numbers on either side of its joiner words, where each is a number on its own."""
    joiners = "|".join(map(accent_insensitive, sorted(lex.number_joiners))) or "and"
    parts, cursor = [], match.start()
    for joiner in re.finditer(rf"\s+(?:{joiners})\s+", match.group(0), re.I):
        parts.append((cursor, match.start() + joiner.start()))
        cursor = match.start() + joiner.end()
    parts.append((cursor, match.end()))
    found = []
    for start, end in parts if len(parts) > 1 else []:
        value = parse_words(match.string[start:end], code)
        if value is None:
            return []
        found.append((start, end, value, True))
    return found


@cache
def unit_patterns(code: str) -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    """Units written after a number: '%' or the lexicon's `percent_words` ("percent",
    "por ciento"); its `currency_words` ("dollars", "dólares") with their currency codes."""
    lex = lexicon(code)
    percent = "|".join(map(accent_insensitive, lex.get("percent_words") or []))
    currencies = {fold(k): v for k, v in (lex.get("currency_words") or {}).items()}
    names = "|".join(map(accent_insensitive, sorted(currencies, key=len, reverse=True)))
    return (
        re.compile(rf"\s?(%|(?:{percent})\b)" if percent else r"\s?(%)", re.I),
        re.compile(rf"\s+({names})\b" if names else r"(?!x)x", re.I),
        currencies,
    )


def attach_scale_and_unit(text: str, number: Number, lex: Lexicon) -> None:
    """'7 million' multiplies; '$'/'US$' before and '%'/'percent' after set the unit."""
    after = WORD_AFTER.match(text[number.end : number.end + 15])
    if after:
        word = fold(after.group(2))
        attached = not after.group(1)
        if word in lex.scales and (len(word) > 2) != attached:
            factor = lex.scales[word]
            number.low *= factor
            number.high *= factor
            number.end += after.end()
            number.text = text[number.start : number.end]
    before = text[max(0, number.start - 5) : number.start]
    currency = CURRENCY_BEFORE.search(before)  # "US$7", "US$ 7"
    if currency:
        number.unit = CURRENCY[fold(currency.group(0).strip())]
        number.start -= len(currency.group(0))
        number.text = text[number.start : number.end]
    percent_after, money_after_re, currencies = unit_patterns(lex.code)
    percent = percent_after.match(text[number.end : number.end + 12])
    if percent:
        number.unit = "%"
        number.end += percent.end()
        number.text = text[number.start : number.end]
    money_after = money_after_re.match(text[number.end : number.end + 12])
    if money_after and not number.unit:
        number.unit = currencies[fold(money_after.group(1))]
        number.end += money_after.end()
        number.text = text[number.start : number.end]


def qualifier_bounds(value: float, qualifier: str) -> tuple[float, float]:
    """The interval a qualified number stands for.

    >>> qualifier_bounds(29, "at least")
    (29, inf)
    """
    if qualifier == "at least":
        return value, INF
    if qualifier == "more than":
        return value, INF  # open at `value`; judge.py keeps the strictness
    if qualifier == "at most":
        return -INF if value < 0 else 0, value
    if qualifier == "fewer than":
        return 0, value
    if qualifier == "about":
        return value * 0.9, value * 1.1
    if qualifier == "almost":
        return value * 0.9, value
    return value, value
