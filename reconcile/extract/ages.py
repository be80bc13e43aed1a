"""Ages: "34 years old", "a 35-year-old communicator", "born 36 years ago", "attribute 34
years", "Norero, 36, ...". An age belongs to the person it is grammatically attached to: the
name it stands in apposition to (every item of a list: "Quist, 55, Ostrowski, 36, and Fenwick,
48"; "Quist (55)"), the name it stands before ("41-year-old Harold Quist"), the name closing a
sentence-opening clause it is part of, the subject right before its verb ("Loor murió a los 36
años"), or the one person the previous sentence was about. An age attached to a noun ("a
1-year-old boy", "su hijo, de 26 años") or to a place belongs to no named person, and is left
out: a wrong owner is worse than none.
"""

from __future__ import annotations

import re
from functools import cache

from ..lexicon import accent_insensitive, fold, lexicon, longest_first
from ..models import Claim, Sentence
from ..numbers import parse_words
from ..regex_needs import required_words, requires_a_digit
from .people import Person, alias_gap, past_suffix


@cache
def number_regex(code: str) -> str:
    """Digits, or a run of the language's number words ("thirty-four", "treinta y cuatro").
    A number word starts a word: without the look-behind the regex would also try every
    position inside every word (and find nothing more)."""
    lex = lexicon(code)
    words = "|".join(map(accent_insensitive, longest_first(lex.number_words)))
    joiners = "|".join(map(accent_insensitive, sorted(lex.number_joiners))) or "and"
    word = rf"(?<![\w])(?:{words})(?![\w])"
    return rf"\d{{1,3}}|{word}(?:(?:[- ]|\s+(?:{joiners})\s+){word}){{0,3}}"


@cache
def age_pattern_texts(code: str) -> tuple[str, ...]:
    """The language's age phrases as written in its lexicon, `{n}` standing for the number:
    `age_patterns` (measures) and `person_age_patterns` (people: "on his 39th birthday",
    "cumplía 39 años")."""
    lex = lexicon(code)
    return (*(lex.get("age_patterns") or []), *(lex.get("person_age_patterns") or []))


@cache
def age_pattern_sources(code: str) -> tuple[str, ...]:
    """The language's age phrases as regexes (`age_pattern_texts`)."""
    number = number_regex(code)
    return tuple(p.replace("{n}", number) for p in age_pattern_texts(code))


@cache
def age_pattern(code: str, index: int) -> re.Pattern:
    """One age phrase, compiled when a sentence first holds its words: compiling them all
    costs a short process (`check`) some 20 ms, and most drafts need one or two."""
    return re.compile(age_pattern_sources(code)[index], re.I)


@cache
def alias_after_name(code: str) -> re.Pattern:
    """An alias standing between a name and its age: "Ibáñez, alias 'El Toro', de 44 años"."""
    return alias_gap(lexicon(code))


@cache
def age_pattern_words(code: str) -> list[tuple[str, ...]]:
    """For each age pattern, the plain words every match of it contains ("year", "old").
    The number's place holds a short regex of the number regex's shape (digits, or else
    something more): a number may always be written in digits, so no word of it is ever
    required, and parsing the language's number words in every pattern cost 5 ms a process."""
    found = age_pattern_texts(code)
    return [required_words(pattern.replace("{n}", r"\d{1,3}|\d")) for pattern in found]


@cache
def needs_a_number(code: str) -> tuple[tuple[bool, ...], tuple[bool, ...]]:
    """For each age pattern, then each apposition pattern: can it match only where the
    sentence holds a number? Each is asked with digits in the number's place (a match then
    holds a digit): with the language's number words there, it holds a digit or one of them,
    which `prefilter.may_hold_numbers` looks for."""
    found = age_pattern_texts(code)
    return (
        tuple(requires_a_digit(p.replace("{n}", r"(?:\d{1,3}|\d)"), re.I) for p in found),
        tuple(requires_a_digit(p.pattern, re.I) for p in age_appositions(code)),
    )


@cache
def age_link(code: str) -> re.Pattern:
    """What may stand between a name and its age: "Norero, 36", "Pérez, quien tenía 34 años"
    (lexicon key `age_links`)."""
    links = lexicon(code).phrases("age_links").pattern
    return re.compile(rf"['’]?s?\s*,?\s*(?:{links}\s+)?", re.I)


def parse_age(text: str, code: str) -> float | None:
    value = float(text) if text.isdigit() else parse_words(text, code)
    return value if value is not None and 0 < value < 125 else None


@cache
def age_appositions(code: str) -> list[re.Pattern]:
    """Ages written right after a name and owned by it ("Quist, 40, and Fenwick, 34", "Quist (40)",
    "Loor tenía 36 años"): lexicon keys `age_appositions` and, for older lexicons,
    `age_apposition`. A pattern's group `at`, where it has one, is the age's quote ("tenía 36
    años"); else the quote runs from the name to the age ("Quist, 40")."""
    lex = lexicon(code)
    patterns = list(lex.get("age_appositions") or [])
    if lex.get("age_apposition"):
        patterns.append(lex.get("age_apposition"))
    return [re.compile(p, re.I) for p in patterns]


@cache
def age_word_sets(code: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Modifier words ("de", "aged"), copulas ("be", "tenía") and articles of a language."""
    lex = lexicon(code)
    return (
        lex.get_set("age_modifier_words"),
        lex.get_set("age_copulas"),
        lex.get_set("articles"),
    )


def age_form(match_text: str, number_at: int, code: str) -> str:
    """How an age phrase attaches: "prenominal" when it opens with its number and may stand
    before a noun or a name ("34-year-old", "34 years old"), "nominal" when it modifies what
    precedes it ("de 34 años", "aged 13"), "verbal" when a verb of its own opens it ("tenía
    34 años", "born 36 years ago", "attribute 34 years")."""
    if number_at == 0:
        return "prenominal"
    modifiers = age_word_sets(code)[0]
    before = fold(match_text[:number_at]).split()
    return "nominal" if all(word in modifiers for word in before) else "verbal"


def age_subject(
    sentence: Sentence,
    text: str,
    start: int,
    end: int,
    people: list[Person],
    topic: str | None,
    code: str = "en",
    form: str = "nominal",
) -> str | None:
    """Whose age it is: the person it is grammatically attached to, or no one when that is not
    clear (an age attached to a noun, "un joven de 19 años", belongs to no named person)."""
    following = next((p for p in people if p.start >= end), None)
    if (
        following is not None
        and form == "prenominal"
        and re.fullmatch(r"\s+(?:[^\W\d_A-ZÁÉÍÓÚÑ][\w-]*\s+){0,3}", text[end : following.start])
    ):
        # "41-year-old Harold Quist", "his 31-year-old partner Bernard"; in "29-year-old
        # Lena Varga, 33-year-old Tomas Varga" the second age is Tomas's, not Lena's in apposition.
        return following.name
    for person in reversed(people):  # "Norero, 36", "Pérez, quien tenía 34 años"
        gap = text[past_suffix(text, person.end, person.tokens[-1], lexicon(code)) : start]
        alias = alias_after_name(code).match(gap)
        if alias:
            gap = gap[alias.end() :]  # "Ibáñez, alias 'El Toro', de 44 años"
        if person.end <= start and age_link(code).fullmatch(gap):
            return person.alias_of or person.name
    described = described_before(text, start, end, sentence, people, code, form)
    if described is not None:
        return described
    nominal = form != "verbal"
    modifiers, copulas, articles = age_word_sets(code)
    left = text[sentence.start : start]
    words = re.findall(r"[\w'’]+|[^\w\s]", left)
    while words and (fold(words[-1]) in articles or fold(words[-1]) in modifiers):
        words.pop()
    preceding = [p for p in people if p.end <= start]
    last = words[-1] if words else ""
    if nominal and last and fold(last) not in copulas:
        return None  # "a 1-year-old boy", "su hijo, de 26 años", "NN de 50 años": no one named
    if preceding:
        person = preceding[-1]
        gap = text[person.end : start]
        if re.fullmatch(r"\s*,?\s*(?:[^\W\d_][\w'’-]*\s+){0,2}", gap):
            return person.name  # "Pedro Loor murió a los 36 años", "Norero was born 36 years ago"
        return None
    opening = text[sentence.start : start]
    if (
        following is not None
        and "," not in opening
        and re.fullmatch(r"[^,.;:]{0,80},\s*", text[end : following.start])
    ):
        return following.name  # "Assumed to be 34 years old at the time, Norero ..."
    if (
        form == "verbal"
        and topic
        and not re.search(r"\w", opening)
        and following is not None
        and re.search(r"[,;]", text[end : following.start])
    ):
        # "Tenía 31 años, y había viajado con Ana Ruiz": a sentence opening with
        # the verb of its age has dropped its subject, the person the one before was about;
        # the name after its clause is someone else's. ("Tenía 34 años Pedro Loor" names him.)
        return topic
    if people:
        return None
    return topic


DESCRIBING_WORDS = 2  # the most words of a noun that describes a person before their age


@cache
def not_describing(code: str) -> frozenset[str]:
    """Words that keep what follows a name's comma from describing that person: a relative
    ("su hijo, de 26 años" is the son's age), a possessive, a relative pronoun, a preposition
    or a word that lists someone else ("con", "along")."""
    lex = lexicon(code)
    keys = (
        "kin_nouns",
        "possessives",
        "relative_words",
        "apposition_breakers",
        "title_prepositions",
        "and_words",
        "or_words",
    )
    return frozenset().union(*(lex.get_set(k) for k in keys))


def described_before(
    text: str, start: int, end: int, sentence: Sentence, people: list[Person], code: str, form: str
) -> str | None:
    """The person a noun in apposition describes together with its age: "Ana Ruiz, una
    vecina de 60 años", "Ana Ruiz, estudiante de 17 años", "Ana Ruiz, a nurse aged 41". The
    noun (one or two lowercase words, an article before them) stands right after the name's
    comma, and the age phrase ends the apposition. A relative ("Ana Ruiz, su hijo de 26
    años"), a preposition or a conjunction among the words gives the age to someone else."""
    if form != "nominal":
        return None
    preceding = [p for p in people if p.end <= start]
    if not preceding:
        return None
    person = preceding[-1]
    gap = text[person.end : start]
    match = re.fullmatch(r"\s*,\s*((?:[^\W\d_A-ZÁÉÍÓÚÑ][\w'’-]*\s+){1,3})", gap)
    if not match:
        return None
    words = [fold(w) for w in match.group(1).split()]
    articles = age_word_sets(code)[2]
    if words[0] in articles:
        words = words[1:]
    if not 1 <= len(words) <= DESCRIBING_WORDS or any(w in not_describing(code) for w in words):
        return None
    if any(w in articles for w in words):
        return None
    if not re.match(r"\s*(?:[,;.)]|$)", text[end : sentence.end]):
        return None  # "Ana Ruiz, una vecina de 60 años que ...": the clause may go on
    return person.alias_of or person.name


def age_claims(
    sentence: Sentence,
    text: str,
    code: str,
    people: list[Person],
    topic: str | None,
    published: str | None,
    numbers: bool = True,
) -> list[Claim]:
    """The ages of one sentence; `numbers` False says it holds no number (no digit, no number
    word: `prefilter.may_hold_numbers`), so that no pattern that needs one is run."""
    claims: list[Claim] = []
    taken: list[tuple[int, int]] = []
    spans = []
    folded = text[sentence.start : sentence.end].casefold()
    pattern_needs, apposition_needs = needs_a_number(code)
    for index, needed in enumerate(age_pattern_words(code)):
        if not numbers and pattern_needs[index]:
            continue  # a number the pattern cannot match without is absent
        if not all(word in folded for word in needed):
            continue  # a word the pattern cannot match without is absent: it would find nothing
        for match in age_pattern(code, index).finditer(text, sentence.start, sentence.end):
            born = "born" in match.groupdict() and bool(match.group("born"))
            form = age_form(match.group(0), match.start("n") - match.start(), code)
            spans.append((match.start(), match.end(), match.group("n"), born, None, form))
    for person in people:
        after = past_suffix(text, person.end, person.tokens[-1], lexicon(code))  # "Ruiz Jr., 44"
        alias = alias_after_name(code).match(text, after, sentence.end)
        if alias:
            after = alias.end()  # "Ibáñez, alias 'El Toro', 44"
        rest = text[after : sentence.end]
        for pattern, needs in zip(age_appositions(code), apposition_needs, strict=True):
            if needs and not numbers:
                continue
            match = pattern.match(rest)
            if match:
                start, end = person.start, after + match.end("n")
                if "at" in match.groupdict():  # "Loor tenía 36 años": the verb's phrase alone
                    start, end = after + match.start("at"), after + match.end("at")
                span = (start, end, match.group("n"), False, person, "apposition")
                spans.append(span)
                break
    for start, end, raw, born, owner, form in sorted(spans, key=lambda s: s[:2]):
        if any(s < end and start < e for s, e in taken):
            continue
        age = parse_age(raw, code)
        if age is None:
            continue
        if owner is not None:
            subject = owner.alias_of or owner.name  # an alias's age is its bearer's
        else:
            subject = age_subject(sentence, text, start, end, people, topic, code, form)
        if not subject:
            continue
        taken.append((start, end))
        claims.append(
            Claim(
                kind="age",
                start=start,
                end=end,
                quote=text[start:end],
                value=text[start:end],
                attribute="age",
                subject=subject,
                low=age,
                high=age,
                date=published,
                sentence=sentence.index,
                extra={"born_years_ago": True} if born else {},
            )
        )
    return claims
