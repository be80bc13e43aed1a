"""Person names, their roles and aliases.

A capitalised run of words is a person only with evidence: a title or role before it
("President of the Judicial Council Wilman Terán"), a role or age in apposition after it
("Wilman Terán, National President of the Judiciary Council"), a verb of saying after it, a
common given name at its start, or an alias marker ("better known as Leandro Norero"). Once a
document has named a person in full, a lone surname or given name ("Terán said") is a mention
of that person. Organisations and places ("Santo Domingo de los Tsáchilas", "Los Lobos") carry
none of that evidence, or carry words that rule it out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from ..lexicon import Lexicon, accent_insensitive, fold, longest_first
from ..models import Claim, Sentence
from ..resolve import glue_split

UPPER = "A-ZÁÉÍÓÚÑÜÀÈÌÒÙÂÊÎÔÛÇ"
LOWER = "a-záéíóúñüàèìòùâêîôûçß"
# A capitalised word of a name: "Terán", "Carpenter-Arévalo", "O'Connell", "McDonald".
WORD = rf"(?:(?:[{UPPER}]['’])?[{UPPER}][{LOWER}]+(?:[{UPPER}][{LOWER}]+)?(?:[-'’][{UPPER}]?[{LOWER}]+)*|[{UPPER}]{{2,}}(?=\s+[{UPPER}][{LOWER}]))(?![\w@])"
INITIAL = rf"[{UPPER}](?:\.?(?=\s+[{UPPER}])|\.(?![\w.]))"  # "Pablo R. Tello", "Juan P. A.,"
POSSESSIVE = re.compile(r"['’]s?$")
WHITESPACE = re.compile(r"\s")
WORD_CHAR = re.compile(r"\w")
NON_SPACE = re.compile(r"\S+")
TITLE_WORD = re.compile(r"[\w'’.-]+")
BRACKETED = re.compile(r"\s*\([^()]{1,20}\)")
FIGURE_AFTER = re.compile(r"\s*(?:\(\d{4}|,\s*\d{1,3},)")
INITIAL_AT_END = re.compile(rf"(?<![\w.])[{UPPER}]\.$")
SHORT_APPOSITION = re.compile(r"\s*,\s*([^,;.()]{3,60})(?=[,;.)]|$)")


@dataclass
class Person:
    """A person mention inside one sentence (offsets into the document)."""

    start: int
    end: int
    name: str
    tokens: list[str]
    given: str = ""
    surname: str = ""
    title: str | None = None
    role: str | None = None
    alias_of: str | None = None  # the name this one is another name of
    evidence: set[str] = field(default_factory=set)
    slip_of: str | None = None  # the full name whose surname this single word misspells

    @property
    def single(self) -> bool:
        return len(self.tokens) == 1


def name_pattern(lex: Lexicon) -> re.Pattern:
    """Capitalised runs of words (with particles and initials, and, after the first word, a
    particle joined by a hyphen: "Abdul al-Hassadi", `hyphen_particles`); built once per
    lexicon."""
    pattern = lex.__dict__.get("_name_pattern")
    if pattern is None:
        particles = "|".join(longest_first(re.escape(p) for p in lex.particles))
        joined = "|".join(longest_first(re.escape(p) for p in lex.get_set("hyphen_particles")))
        prefix = rf"(?:(?:{joined})-)?" if joined else ""
        pattern = re.compile(
            rf"(?<![\w@#])(?:{WORD})(?:\s+(?:(?:{particles})\s+)*(?:{prefix}{WORD}|{INITIAL}))*"
        )
        lex.__dict__["_name_pattern"] = pattern
    return pattern


def split_name(tokens: list[str], lex: Lexicon) -> tuple[str, str]:
    """Given names and surnames: leading known given names (and initials) are given names;
    with none known, the first word is. 'Luis Antonio Norero Tigua' -> ('Luis Antonio', 'Norero Tigua').
    A second given name is known in any language: an English report names Spanish speakers
    ("María Consuelo Ruiz Soto")."""
    from ..resolve import known_given_names

    if len(tokens) == 1:
        return "", tokens[0]
    count = 1
    while count < len(tokens) - 1 and (
        fold(tokens[count]) in lex.given_names
        or fold(tokens[count]) in known_given_names()
        or re.fullmatch(r"[A-Z]\.?", tokens[count])
    ):
        count += 1
    return " ".join(tokens[:count]), " ".join(tokens[count:])


def words(lex: Lexicon, *keys: str) -> frozenset[str]:
    """The folded words of several lexicon lists together (built once per lexicon)."""
    cache = lex.__dict__.setdefault("_word_unions", {})
    found = cache.get(keys)
    if found is None:
        found = cache[keys] = frozenset().union(*(lex.get_set(k) for k in keys))
    return found


def complement_stops(lex: Lexicon) -> frozenset[str]:
    """Words a title's complement cannot end with ("President of the" + name is no title)."""
    single = frozenset(w for w in lex.get_set("place_prepositions") if " " not in w)
    return words(lex, "title_prepositions", "articles", "and_words") | single


def title_before(
    text: str, start: int, lex: Lexicon, adjacent: bool = False, floor: int = 0
) -> str | None:
    """The title or role written just before a name: 'Attorney General', 'the Head of the
    Judiciary', 'President of the Judicial Council', 'the specialized journalist'. With
    `adjacent`, only a title written right before the name counts ('Ambassador Fitzpatrick').
    `floor` is where the name's sentence starts: a title never reaches back into the sentence
    before ("... said the mayor. Ana Quispe" gives Ana no title)."""
    window = text[max(0, floor, start - 90) : start].rsplit("\n", 1)[-1]  # not across paragraphs
    window = window.rsplit(";", 1)[-1]  # nor across a list's items: "..., madre de ambos; Orfilia"
    naming_tail = lex.__dict__.get("_naming_tail")
    if naming_tail is None:
        naming = lex.phrases("naming_phrases").pattern  # "the judge, identified as"
        naming_tail = lex.__dict__["_naming_tail"] = re.compile(rf"(?:,?\s+{naming})?[\s,]*$")
    trimmed = naming_tail.sub("", window)
    if adjacent and trimmed != window.rstrip(" "):
        return None
    tokens = TITLE_WORD.findall(trimmed)
    folded = [fold(w) for w in tokens]
    prepositions = lex.get_set("title_prepositions")
    articles = lex.get_set("articles")
    adjectives = lex.get_set("adjective_titles")
    for index in range(len(tokens) - 1, max(-1, len(tokens) - 9), -1):
        if folded[index] not in lex.titles:
            continue
        if (
            folded[index] in adjectives
            and index > 0
            and tokens[index - 1][:1].islower()
            and folded[index - 1] not in articles
            and folded[index - 1] not in lex.title_modifiers
            and folded[index - 1] not in lex.titles
        ):
            continue  # "el registro oficial de viajeros": an adjective of the noun before
        complement = folded[index + 1 :]
        if complement and all(w in lex.title_modifiers for w in complement):
            complement = []  # "el fiscal general subrogante"
        if complement and (adjacent or complement[0] not in prepositions):
            continue
        if complement and (complement[-1] in complement_stops(lex) or len(complement) > 6):
            continue
        first = index
        if first > 0 and f"{folded[first - 1]} {folded[first]}" in lex.titles:
            first -= 1  # "Attorney General"
        while first > 0 and folded[first - 1] in lex.titles:
            first -= 1  # "el fiscal jefe"
        while first > 0 and (
            folded[first - 1] in lex.title_modifiers
            or folded[first - 1] in articles
            or (
                tokens[first - 1][:1].isupper()
                and folded[first - 1] not in lex.not_name_starters
                and first - 1 >= len(tokens) - 10
            )
        ):
            first -= 1
            if folded[first] in articles:
                break
        return " ".join(tokens[first:])
    return None


def apposition_after(text: str, end: int, lex: Lexicon) -> str | None:
    """A role in apposition: 'Wilman Terán, National President of the Judiciary Council, said'."""
    bracket = BRACKETED.match(text[end : end + 24])  # "Ruiz (60 años), madre"
    if bracket:
        end += bracket.end()
    appended = lex.__dict__.get("_appended")
    if appended is None:
        article = lex.phrases("articles").pattern
        appended = lex.__dict__["_appended"] = re.compile(
            rf",\s+({article}\s+)?([^,.;:()“”\"]{{2,90}})", re.I
        )
    match = appended.match(text[end : end + 120])
    if not match:
        return None
    phrase = match.group(2).strip()
    folded = fold(phrase).split()
    if not folded or folded[0] in words(lex, "and_words", "or_words", "clause_conjunctions"):
        return None
    if says_an_age(phrase, lex):
        return phrase  # "a 36-year-old", "de 34 años"
    joining = words(lex, "title_prepositions", "and_words", "or_words")
    relative = lex.get_set("relative_words")
    breakers = lex.get_set("apposition_breakers")
    leading = (
        words(lex, "articles", "possessives", "apposition_title_nouns")
        | lex.title_modifiers
        | demonym_words(lex)
    )
    original = phrase.split()
    for index, word in enumerate(folded[:4]):
        if word in breakers:
            return None  # "the League, along with its treasurer ...": no apposition
        two = " ".join(folded[index : index + 2])
        if (word in lex.titles or two in lex.titles) and any(
            w not in leading and not w.endswith("'s") and not original[i][:1].isupper()
            for i, w in enumerate(folded[:index])
        ):
            return None  # "Baltimore, dijo su hermano": a verb before the title, no apposition
        if word in lex.titles or two in lex.titles:
            after = folded[index + (2 if two in lex.titles else 1) :]
            if (
                (
                    after
                    and after[0] not in joining
                    and after[0] not in relative  # "the judge who oversees the case"
                    and not after[0].endswith("'s")
                )
                and two not in lex.titles
                and after[0] not in lex.titles
            ):
                return None  # "the justice system", "the official account"
            kept = phrase.split()
            participle = tuple(lex.get("participle_endings") or [])
            for cut, token in enumerate(kept[index + 1 :], index + 1):
                if fold(token) in relative or (
                    participle and token.endswith(participle) and token.islower()
                ):
                    kept = kept[:cut]  # "..., who", "..., arrested on Thursday"
                    break
            if text[end + match.end() : end + match.end() + 1] == "(":
                kept = before_bracketed_name(kept, lex)
            return " ".join(kept)
    return None


def before_bracketed_name(kept: list[str], lex: Lexicon) -> list[str]:
    """A role's words without a name joined to its end that a bracket follows: in "Sergio
    Ruiz, hermano de Erick y Marta Ruiz (60 años), madre de ambos" the bracket is Marta's, who
    is the next person of a list, not part of Sergio's role."""
    joins = words(lex, "and_words")
    for cut in range(len(kept) - 2, 0, -1):
        if fold(kept[cut]) in joins and kept[cut + 1][:1].isupper():
            return kept[:cut]
    return kept


def listed_after(text: str, end: int, role: str, lex: Lexicon) -> bool:
    """Is the role read after a name the next item of a list ("their mother Ana Ruiz, the
    pilot, and an Indigenous leader"): followed by a comma and "and"?"""
    at = text.find(role, end, end + len(role) + 8)
    if at < 0:
        return False
    joining = lex.phrases("and_words").pattern
    return bool(
        re.match(rf"\s*,\s*(?:{joining})\s", text[at + len(role) : at + len(role) + 12], re.I)
    )


def kin_beside(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Is the name a relative's: "the father of Ana Ruiz", "la familia de Ana Ruiz", "la familia
    hondureña de Ana Ruiz", "Ana Ruiz's mother" (lexicon keys `kin_nouns`, `kin_prepositions`)?"""
    kin = lex.get_set("kin_nouns")
    if not kin:
        return False
    before = fold(text[max(0, start - 40) : start]).split()
    if len(before) >= 3 and before[-2] in demonym_words(lex):
        before = before[:-2] + before[-1:]  # "la familia nicaragüense de Ana Ruiz"
    if len(before) >= 2 and before[-1] in lex.get_set("kin_prepositions") and before[-2] in kin:
        return True
    possessive = POSSESSIVE.search(text[max(start, end - 2) : end])  # the run kept its "'s"
    after = re.match(r"(['’]s?)?\s+(\w+)", text[end : end + 30])
    return bool(after and (possessive or after.group(1)) and fold(after.group(2)) in kin)


def is_courtesy(title: str, lex: Lexicon) -> bool:
    """Is a title only a form of address ("Mr", "la señora"; lexicon key `courtesy_titles`)?"""
    folded = [w.rstrip(".") for w in fold(title).split()]
    courtesy = lex.get_set("courtesy_titles")
    return (
        bool(folded)
        and folded[-1] in courtesy
        and all(w in courtesy or w in lex.get_set("articles") for w in folded)
    )


def apposition_age(lex: Lexicon) -> str | None:
    """The lexicon's `apposition_age` ("de 27 años", "36-year-old") as a regex, its `{n}` a
    number in digits or in the language's words ("de diez años", "ten-year-old"): an age in
    words vouches for a name as well as one in figures."""
    found = lex.__dict__.get("_apposition_age")
    if found is None:
        raw = lex.get("apposition_age") or ""
        small = lex.number_words - set(lex.scales)  # "de mil años" is no person's age
        words = "|".join(map(accent_insensitive, longest_first(small)))
        number = rf"(?:\d{{1,3}}|(?:{words})(?:[- ](?:{words}))?)" if words else r"\d{1,3}"
        found = lex.__dict__["_apposition_age"] = raw.replace("{n}", number)
    return found or None


def is_age_phrase(phrase: str, lex: Lexicon) -> bool:
    """Is an apposition an age ("de 27 años", "36-year-old"; lexicon key `apposition_age`),
    also after a form of address ("el señor de 27 años": no role either)?"""
    words = phrase.split()
    courtesy = lex.get_set("courtesy_titles") | lex.get_set("articles")
    while len(words) > 1 and fold(words[0]).rstrip(".") in courtesy:
        words = words[1:]
    return says_an_age(" ".join(words), lex)


def says_an_age(phrase: str, lex: Lexicon) -> bool:
    """Does a phrase open with an age (`apposition_age`), folded or as written (its words
    may carry accents)? The two patterns are compiled once per lexicon."""
    found = lex.built("apposition_age", lambda: age_phrase_patterns(lex))
    return bool(found) and bool(found[0].match(fold(phrase)) or found[1].match(phrase))


def age_phrase_patterns(lex: Lexicon) -> tuple[re.Pattern, re.Pattern] | tuple[()]:
    age = apposition_age(lex)
    return (re.compile(age), re.compile(age, re.I)) if age else ()


def country_names(lex: Lexicon) -> frozenset[str]:
    """Folded names of countries (lexicon key `countries`, per country its names)."""
    found = lex.__dict__.get("_country_names")
    if found is None:
        names = (n for ns in (lex.get("countries") or {}).values() for n in ns)
        found = lex.__dict__["_country_names"] = frozenset(fold(n) for n in names)
    return found


def demonym_words(lex: Lexicon) -> frozenset[str]:
    """Folded words for a country's people (lexicon key `demonyms`): "Honduran", "hondureño"."""
    found = lex.__dict__.get("_demonym_words")
    if found is None:
        words = (w for ws in (lex.get("demonyms") or {}).values() for w in ws)
        found = lex.__dict__["_demonym_words"] = frozenset(fold(w) for w in words)
    return found


def alias_gap(lex: Lexicon) -> re.Pattern:
    """An alias standing between a name and what is said of it: "Ibáñez, alias 'El Toro', de
    44 años" (lexicon key `alias_markers`)."""
    found = lex.__dict__.get("_alias_gap")
    if found is None:
        word = rf"[{UPPER}][\w'’-]*"
        found = lex.__dict__["_alias_gap"] = re.compile(
            rf"\s*,?\s*(?:{lex.phrases('alias_markers').pattern})\s+"
            rf"(?:[‘'“\"«][^’'”\"»]{{1,40}}[’'”\"»]|{word}(?:\s+(?:{word}|\d+))*)",
            re.I,
        )
    return found


def age_follows(text: str, end: int, lex: Lexicon, single: bool = False) -> bool:
    """Is the name followed by its age: "Quispe Lazo de 26 años", "Huamán Ccori (20)", "Ana Ruiz,
    11 months" (lexicon keys `age_appositions`, `apposition_age` and `month_age_appositions`)? A
    single word passes only as an item of a list of names and ages ("Anouk, 12, Wessel, 8, and
    Ferdi, 5"; "Anouk, de 12; Wessel, de 8") or with an age in months: "Tarrasola (45)" and "la región de Ayaviri, de 16 años"
    are places."""
    found = lex.__dict__.get("_age_after_name")
    if found is None:
        patterns = [re.compile(p, re.I) for p in lex.get("age_appositions") or []]
        age = apposition_age(lex)
        if age:
            patterns.append(re.compile(r"^\s*,?\s*" + age.lstrip("^"), re.I))
        months = [re.compile(p, re.I) for p in lex.get("month_age_appositions") or []]
        joining = lex.phrases("and_words").pattern
        modifiers = "|".join(re.escape(w) for w in sorted(lex.get_set("age_modifier_words")))
        modifier = rf"(?:(?:{modifiers})\s+)?" if modifiers else ""
        item = re.compile(rf"\s*,\s*{modifier}\d{{1,3}}\s*(?:[,;.]|{joining}\s)", re.I)
        found = lex.__dict__["_age_after_name"] = (patterns + months, item, months)
    alias = alias_gap(lex).match(text, end, end + 80)
    if alias:
        end = alias.end()  # "Merino, alias 'El Toro', 44"
    window = text[end : end + 40]
    patterns, item, months = found
    if single:  # an age in months is a baby's, never a place's: "Cristina, 11 months"
        return bool(item.match(window)) or any(p.match(window) for p in months)
    return any(p.match(window) for p in patterns)


def age_precedes(text: str, start: int, lex: Lexicon) -> bool:
    """Is the name preceded by its age: "41-year-old Harold Quist", "his 26-year-old colleague
    Bernard Ostrowski" (lexicon key `age_before_name`)?"""
    found = lex.__dict__.get("_age_before_name")
    if found is None:
        pattern = lex.get("age_before_name")
        found = lex.__dict__["_age_before_name"] = re.compile(pattern) if pattern else False
    return bool(found) and bool(found.search(text, max(0, start - 60), start))


def is_place_context(text: str, start: int, lex: Lexicon) -> bool:
    """'in Santo Domingo', 'province of Guayas': lexicon key `place_prepositions`."""
    found = lex.__dict__.get("_place_before")
    if found is None:
        place = lex.phrases("place_prepositions").pattern
        found = lex.__dict__["_place_before"] = re.compile(rf"(?:{place}|,)\s*$", re.I)
    return bool(found.search(fold(text[max(0, start - 30) : start])))


def after_place_noun(text: str, start: int, lex: Lexicon) -> bool:
    """'the town of Magdalena Peñasco', 'el municipio de Santa Ana': a place's noun and its
    preposition (the `place_prepositions` of more than one word) right before the name say
    it names a place, whatever given name it opens with."""
    found = lex.__dict__.get("_after_place_noun")
    if found is None:
        nouns = [p for p in lex.get_set("place_prepositions") if " " in p]
        pattern = "|".join(re.escape(p) for p in longest_first(nouns))
        found = lex.__dict__["_after_place_noun"] = (
            re.compile(rf"\b(?:{pattern})\s*$", re.I) if pattern else False
        )
    return bool(found) and bool(found.search(fold(text[max(0, start - 40) : start])))


def place_apposition(text: str, end: int, lex: Lexicon) -> bool:
    """Does the apposition after a name say it is a place: "Marcos Yolotla, una comunidad de
    la sierra", "Santa Tlalcoya, municipio de la Mixteca", "Orton, a small town in the north"?
    Its head is the noun of a place (the `place_prepositions` of more than one word), an
    article and one word at most before it, and a preposition or nothing after it."""
    apposition = SHORT_APPOSITION.match(text[end : end + 70])
    if not apposition:
        return False
    found = lex.__dict__.get("_place_apposition")
    if found is None:
        entries = [p.split() for p in lex.get_set("place_prepositions") if " " in p]
        nouns = "|".join(re.escape(w) for w in longest_first({e[0] for e in entries}))
        links = "|".join(re.escape(w) for w in sorted({e[-1] for e in entries} | {"in", "en"}))
        articles = "|".join(re.escape(w) for w in sorted(lex.get_set("articles")))
        found = lex.__dict__["_place_apposition"] = re.compile(
            rf"(?:(?:{articles})\s+)?(?:\w+\s+)?(?:{nouns})(?:\s+(?:{links})\b.*|\s*)", re.I
        )
    return found.fullmatch(fold(apposition.group(1)).strip()) is not None


def after_named_thing(text: str, start: int, lex: Lexicon) -> bool:
    """'el hospital Reina Ana': the noun of a thing often named after someone (lexicon key
    `named_after_nouns`) written right before a titled single name, with nothing but a space
    between, makes the name the thing's, and its title no role. (A full name after such a
    noun, "el hospital Carlos Vell", is left a person: the story grouping leans on it as the
    name the story's articles share.)"""
    before = text[max(0, start - 24) : start]
    if not before.endswith(" ") or before.rstrip() != before[:-1]:
        return False
    words_before = before.split()
    return bool(words_before) and fold(words_before[-1]) in lex.get_set("named_after_nouns")


def after_place_only(text: str, start: int, lex: Lexicon) -> bool:
    """'en Rosa Valdeluz', 'hacia Rosa Valdeluz': a preposition that puts places, not people,
    right after it (lexicon key `place_only_prepositions`) makes a name whose only evidence is
    a given name a place."""
    found = lex.__dict__.get("_after_place_only")
    if found is None:
        words = lex.get_set("place_only_prepositions")
        pattern = "|".join(re.escape(p) for p in longest_first(list(words)))
        found = lex.__dict__["_after_place_only"] = (
            re.compile(rf"(?:^|\s)(?:{pattern})\s+$") if pattern else False
        )
    return bool(found) and bool(found.search(fold(text[max(0, start - 30) : start])))


def after_place_preposition(text: str, start: int, lex: Lexicon) -> bool:
    """'in Ayaviri', 'región de Ayaviri' right before a word (lexicon key `place_prepositions`)."""
    found = lex.__dict__.get("_after_place")
    if found is None:
        place = lex.phrases("place_prepositions").pattern
        found = lex.__dict__["_after_place"] = re.compile(rf"(?:{place})\s*$", re.I)
    return bool(found.search(fold(text[max(0, start - 30) : start])))


def find_people(sentence: Sentence, text: str, lex: Lexicon, known: dict[str, str]) -> list[Person]:
    """Person mentions in one sentence. `known` maps folded single names of people the document
    has already named in full to that full name, for surname-only mentions.

    A sentence is read more than once per document (without the document's names, then with
    them); `known` counts only through the questions a reading asks of it (is this word a
    known name? which full name does it misspell?), so a reading is kept for the document with
    the questions it asked and their answers, and given again when `known` answers each the
    same way. Each caller gets people of its own."""
    readings = document_memo(text, lex)["people"].setdefault((sentence.start, sentence.end), [])
    for asked, slips, people in readings:
        if all((key in known) is found for key, found in asked.items()) and all(
            misspelt_known(word, known, lex) == slip for word, slip in slips.items()
        ):
            return [fresh(p) for p in people]
    questions = KnownNames(known)
    people = read_people(sentence, text, lex, questions)
    readings.append((questions.asked, questions.slips, people))
    return [fresh(p) for p in people]


def fresh(person: Person) -> Person:
    """A copy of a kept person that its caller may change."""
    copy = Person(**person.__dict__)
    copy.tokens = list(person.tokens)
    copy.evidence = set(person.evidence)
    return copy


class KnownNames:
    """The document's known names as a reading of a sentence sees them: each question it asks
    is recorded with its answer."""

    __slots__ = ("known", "asked", "slips")

    def __init__(self, known: dict[str, str]):
        self.known = known
        self.asked: dict[str, bool] = {}
        self.slips: dict[str, str | None] = {}

    def __contains__(self, key: str) -> bool:
        found = self.asked[key] = key in self.known
        return found

    def slip(self, word: str, lex: Lexicon) -> str | None:
        found = self.slips[word] = misspelt_known(word, self.known, lex)
        return found


def read_people(sentence: Sentence, text: str, lex: Lexicon, known: KnownNames) -> list[Person]:
    people: list[Person] = []
    runs: list[tuple[re.Match, list[Person]]] = []
    for match in name_runs(sentence, text, lex):
        found = list(candidates(match, text, lex, known, sentence))
        people.extend(found)
        runs.append((match, found))
    if not people:
        return []  # a list's neighbours, places and aliases are all of a confirmed person
    people = sorted(people + list_neighbours(runs, text, lex, sentence), key=lambda p: p.start)
    people = [p for p in people if not counted_place(p, runs, text)]
    mark_aliases(people, text, lex)
    return people


COUNTED = re.compile(r"\s*\(\s*\d{1,5}\s*\)")
COUNTED_PLACES = 3  # single words with a figure in brackets that make a list of places


def counted_place(person: Person, runs, text: str) -> bool:
    """Is a name with only a figure in brackets for evidence ("Uasin Gishu (4)") an item of a
    list of places and their figures, "Nairobi (21), Nakuru (3), ..., Uasin Gishu (4)", where
    at least three single words with their figures are no one?"""
    if person.evidence - {"age", "apposition"} or not COUNTED.match(text, person.end):
        return False
    places = sum(
        1
        for match, found in runs
        if not found and " " not in match.group(0) and COUNTED.match(text, match.end())
    )
    return places >= COUNTED_PLACES


def place_names(sentences: list[Sentence], text: str, lex: Lexicon) -> frozenset[str]:
    """Folded names the document itself calls places somewhere ("the municipality of Magdalena
    Peñasco"; "ocurrido en Rosa Valdeluz", a place-only preposition before a name whose only
    evidence is its given name): elsewhere in the document, without a title or a verb of
    saying, they are the place again ("the bus was crossing Rosa Valdeluz"), not a person."""
    found, placed_only, personal = set(), set(), set()
    for sentence in sentences:
        for match in name_runs(sentence, text, lex):
            if not WHITESPACE.search(match.group(0)):
                continue  # one word: what is cut from a run leaves fewer words, never more
            run = analysed(match, text, lex, sentence)
            if run is None or len(run.tokens) < 2:
                continue
            if after_place_noun(text, run.start, lex):
                found.add(fold(run.name))
            elif weighed(match, text, lex, sentence, run)[2] - {"given name"}:
                personal.add(fold(run.name))  # a title, an age, a verb of saying: someone
            elif after_place_only(text, run.start, lex):
                placed_only.add(fold(run.name))
    # a name the document never gives more than its given name for, and puts after "en"
    return frozenset(found | (placed_only - personal))


def not_a_place(person: Person, places: frozenset[str]) -> bool:
    return fold(person.name) not in places or bool(person.evidence & {"title", "speech", "alias"})


LIST_ITEMS = 3  # the fewest names that make a list's shape clear


def list_neighbours(runs, text: str, lex: Lexicon, sentence: Sentence) -> list[Person]:
    """Names listed beside a confirmed person are people too: in "identified as Ana Quispe,
    Bruno Tello and Carla Ibáñez" only Ana is a known given name, yet the list says all three
    are names. The list must be clear: at least three items of two to four capitalised words
    each, joined only by commas and one final "and", every item read whole (no organisation or
    place word, no title) and at least one of them confirmed by its own evidence."""
    found = lex.__dict__.get("_list_gap")
    if found is None:
        joining = lex.phrases("and_words").pattern
        found = lex.__dict__["_list_gap"] = re.compile(
            rf"\s*(?:,\s*(?:{joining}\s+)?|{joining}\s+)", re.I
        )
    gap = found
    chains: list[list[tuple[re.Match, list[Person]]]] = []
    for index, run in enumerate(runs):
        between = text[runs[index - 1][0].end() : run[0].start()] if index else ""
        if index and gap.fullmatch(between):
            chains[-1].append(run)  # the chain of the run before (every run opens or joins one)
            continue
        chains.append([run])
    added: list[Person] = []
    for chain in chains:
        if len(chain) < LIST_ITEMS or not all(list_item(run, text, lex) for run in chain):
            continue
        if not any(found for _, found in chain):
            continue
        joins = [text[a[0].end() : b[0].start()] for a, b in zip(chain, chain[1:], strict=False)]
        anded = [g for g in joins if WORD_CHAR.search(g)]
        if len(anded) > 1 or (anded and joins[-1] not in anded):
            continue  # "and" only before the last item
        if is_place_context(text, chain[0][0].start(), lex):
            continue
        for match, found in chain:
            if found:
                continue
            tokens = NON_SPACE.findall(match.group(0))
            given, surname = split_name(tokens, lex)
            name = match.group(0)
            added.append(
                Person(match.start(), match.end(), name, tokens, given, surname, evidence={"list"})
            )
    return added


def list_item(run, text: str, lex: Lexicon) -> bool:
    """A list item is a whole run of two to four capitalised words read as a name."""
    match, found = run
    tokens = NON_SPACE.findall(match.group(0))
    if not 2 <= len(tokens) <= 4 or any(t.isupper() for t in tokens):
        return False
    if found:
        return len(found) == 1 and found[0].start == match.start() and found[0].end == match.end()
    folded = [fold(t) for t in tokens]
    return not any(
        w in lex.not_person_words
        or w in lex.titles
        or w in lex.not_name_starters
        or w in lex.title_modifiers
        or w in lex.months
        or w in lex.weekdays
        or w in country_names(lex)
        or w in lex.get_set("place_heads")
        for w in folded
    ) and not POSSESSIVE.search(tokens[-1])


LIST_MARKER = re.compile(r"\s*(?:\d{1,3}\s*[.)-]|[-–—•*·])\s*")
LIST_LINE_TAIL = re.compile(r"\s*(?:[,(]\s*\d{1,3}\s*(?:\w+\s*)?\)?)?\s*[.;,]?\s*")


def list_line_name(
    sentence: Sentence, text: str, lex: Lexicon, marked: bool = False
) -> re.Match | None:
    """The name a list line is made of: "2. Ana Quispe Lazo", "- Bruno Tello (20).", "• Carla
    Ibáñez, 34" (a marker, one run of capitalised words, at most an age after it). `marked`:
    the marker was read as a sentence of its own ("4." then "Edin Umaña (26)")."""
    marker = LIST_MARKER.match(text, sentence.start, sentence.end)
    if not marker and not marked:
        return None
    match = name_pattern(lex).match(text, marker.end() if marker else sentence.start, sentence.end)
    if match is None or not LIST_LINE_TAIL.fullmatch(text, match.end(), sentence.end):
        return None
    return match


LIST_LINES = 3  # the fewest lines that make a list of names


def list_line_people(
    sentences: list[Sentence], text: str, lex: Lexicon, known: dict[str, str]
) -> dict[int, Person]:
    """People named alone on the lines of a list most of whose lines name a confirmed person:
    in a numbered list of the dead, "2. Cristhian Carranza Toro" is a person like the lines
    around it that open with a known given name. The list needs at least three lines in a row,
    at least half of them confirmed by their own evidence; a line holding a title, a place or
    an organisation word adds no one."""
    lines: list[tuple[Sentence, re.Match, bool] | None] = []
    marked = False
    for sentence in sentences:
        if LIST_MARKER.fullmatch(text, sentence.start, sentence.end):
            marked = True  # a marker alone: the line goes on in the next sentence
            continue
        match = list_line_name(sentence, text, lex, marked)
        marked = False
        if match is None:
            lines.append(None)
            continue
        found = find_people(sentence, text, lex, known)
        confirmed = any(
            p.start == match.start() and p.evidence & {"given name", "known", "age", "title"}
            for p in found
        )
        lines.append((sentence, match, confirmed))
    added: dict[int, Person] = {}
    run: list[tuple[Sentence, re.Match, bool]] = []
    for line in [*lines, None]:
        if line is not None:
            run.append(line)
            continue
        run = [(s, m, c) for s, m, c in run if c or list_item((m, []), text, lex)]
        confirmed = sum(1 for _, _, c in run if c)
        if len(run) >= LIST_LINES and confirmed * 2 >= len(run):
            for sentence, match, sure in run:
                if sure:
                    continue
                tokens = NON_SPACE.findall(match.group(0))
                given, surname = split_name(tokens, lex)
                added[sentence.index] = Person(
                    match.start(),
                    match.end(),
                    match.group(0),
                    tokens,
                    given,
                    surname,
                    evidence={"list"},
                )
        run = []
    return added


_DOCUMENT: dict = {
    "text": None,
    "lex": None,
    "runs": {},
    "spans": {},
    "placed": {},
    "weighed": {},
    "people": {},
}


def document_memo(text: str, lex: Lexicon) -> dict:
    """What is known of the capitalised runs of the document being read. Extraction reads
    each sentence more than once (for the places the document names, for its full names, then
    with them); what a run says of itself and its context is the same every time, so it is
    decided once per document and kept until another document is read."""
    memo = _DOCUMENT
    if memo["text"] is not text or memo["lex"] is not lex:
        memo.update(text=text, lex=lex, runs={}, spans={}, placed={}, weighed={}, people={})
    return memo


def name_runs(sentence: Sentence, text: str, lex: Lexicon) -> list[re.Match]:
    """The capitalised runs of a sentence, found once per document."""
    runs = document_memo(text, lex)["runs"]
    key = (sentence.start, sentence.end)
    found = runs.get(key)
    if found is None:
        found = runs[key] = list(name_pattern(lex).finditer(text, sentence.start, sentence.end))
    return found


def analysed(match, text: str, lex: Lexicon, sentence: Sentence):
    """What a capitalised run is made of, whatever names the document is known to hold: the
    words that may name someone (organisation and place words, titles, a nationality cut off),
    or None when the run cannot name a person at all."""
    spans = document_memo(text, lex)["spans"]
    key = (match.start(), match.end(), sentence.start, sentence.end)
    if key not in spans:
        spans[key] = analyse_run(match, text, lex, sentence)
    return spans[key]


def weighed(match, text: str, lex: Lexicon, sentence: Sentence, run: RunShape):
    """The evidence a run's context gives that it names a person: its title, the role in
    apposition and the kinds of evidence. The costly part of reading a run, so it is done only
    for runs that may still be people, once per document."""
    found = document_memo(text, lex)["weighed"]
    key = (match.start(), match.end(), sentence.start, sentence.end)
    if key not in found:
        found[key] = weigh_run(text, lex, sentence, run)
    return found[key]


class RunShape(NamedTuple):
    """The words of a capitalised run that may name a person, and where they stand."""

    tokens: list[str]
    start: int
    end: int
    name: str
    raw_end: int  # the end of the run as written (a possessive's "'s" included)
    folded: tuple[str, ...]
    opens: bool  # nothing but punctuation before it in its sentence


def analyse_run(match, text: str, lex: Lexicon, sentence: Sentence):
    tokens = NON_SPACE.findall(match.group(0))
    first = fold(tokens[0])
    if (
        first in lex.get_set("thing_articles")
        and (
            first not in lex.get_set("articles")  # "La Verdad reported" in an English text
            or WORD_CHAR.search(text[sentence.start : match.start()])  # not opening the sentence
        )
    ):
        return None  # "según La Verdad de Murcia", "en El Salvador": a thing's name
    offsets = [m.start() + match.start() for m in NON_SPACE.finditer(match.group(0))]
    # Cut at organisation/place words and titles: what follows the last of them may be a name.
    cut = 0
    institution = False  # the last word cut was an organisation's or place's
    for index, token in enumerate(tokens):
        folded = fold(POSSESSIVE.sub("", token))
        if folded in lex.not_person_words or folded in lex.titles:
            cut = index + 1
            institution = folded not in lex.titles
        elif folded in lex.title_modifiers and index + 1 < len(tokens):
            following = fold(tokens[index + 1])
            if following in lex.titles or following in lex.title_modifiers:
                cut = index + 1  # "Former President ...", not the given name "Máximo"
    heads = lex.get_set("place_heads")
    while cut < len(tokens) and (
        fold(tokens[cut]) in lex.not_name_starters or fold(tokens[cut]) in lex.particles
    ):
        if fold(tokens[cut]) in heads:
            return None  # "San José del Guaviare": a place, not "José del Guaviare"
        if institution and fold(tokens[cut]) in lex.particles:
            return None  # "Universidad Estatal de Maryland": the rest names the institution
        cut += 1
    if cut < len(tokens) and fold(tokens[cut]) in heads:
        return None
    tokens, offsets = tokens[cut:], offsets[cut:]
    countries = country_names(lex)
    for index in range(1, len(tokens) - 1):  # "Ecuador Michael Fitzpatrick"
        if fold(tokens[index]) in lex.given_names and (
            " ".join(fold(t) for t in tokens[:index]) in countries
        ):
            tokens, offsets = tokens[index:], offsets[index:]
            break
    if (
        len(tokens) >= 3
        and not WORD_CHAR.search(text[sentence.start : offsets[0]])
        and fold(tokens[0]) not in lex.given_names
        and (
            fold(tokens[1]) in lex.given_names
            and tokens[0].lower().endswith(tuple(lex.get("opening_verb_endings") or ()) or ("\0",))
            or opening_verb(lex).fullmatch(tokens[0].lower()) is not None
        )
    ):
        tokens, offsets = tokens[1:], offsets[1:]  # "Murieron Ana Quispe": a verb opens it
    demonyms = demonym_words(lex)
    while len(tokens) > 1 and fold(tokens[0]) in demonyms:
        tokens, offsets = tokens[1:], offsets[1:]  # "the Honduran Juan Pérez": a nationality
    while tokens and fold(tokens[-1]) in lex.particles:
        tokens, offsets = tokens[:-1], offsets[:-1]
    if not tokens:
        return None
    if " ".join(fold(t) for t in tokens) in countries:
        return None  # "México, informó el director": a country is never a person
    for index in range(1, len(tokens) - 1):
        if fold(tokens[index]) in lex.particles and (
            " ".join(fold(t) for t in tokens[index + 1 :]) in countries
        ):  # "Ana Ruiz de Honduras", "Interior de Marruecos": a country is no surname
            tokens, offsets = tokens[:index], offsets[:index]
            break
    dated = [i for i, t in enumerate(tokens) if fold(t) in lex.months or fold(t) in lex.weekdays]
    if lex.get("capitalised_months") and dated and dated[-1] <= 1 and len(tokens) - dated[-1] > 2:
        cut = dated[-1] + 1  # "On Tuesday Ana Ruiz testified": the day opens the sentence
        tokens, offsets, dated = tokens[cut:], offsets[cut:], []
    if lex.get("capitalised_months") and dated:
        return None  # "May", "Monday"; Spanish writes "mayo", so "Julio" and "Domingo" are names
    head = glued_head(tokens[-1], text, lex)
    if head:
        tokens = [*tokens[:-1], head]  # "Ana Ruizwho": the name ends where the word begins
    start = offsets[0]
    raw_end = past_suffix(text, offsets[-1] + len(tokens[-1]), tokens[-1], lex)
    last = POSSESSIVE.sub("", tokens[-1]) if len(tokens[-1]) > 2 else tokens[-1]
    tokens = [*tokens[:-1], last]
    end = offsets[-1] + len(last)
    name = text[start:end]
    if not INITIAL_AT_END.search(name):
        name = name.rstrip(".")  # a sentence's full stop, not an initial's
    end = start + len(name)
    folded = tuple(fold(t) for t in tokens)
    opens = not WORD_CHAR.search(text[sentence.start : start])
    return RunShape(tokens, start, end, name, raw_end, folded, opens)


def opening_verb(lex: Lexicon) -> re.Pattern:
    """The lexicon's `opening_verbs`, compiled once; a pattern that matches nothing where the
    lexicon has none."""
    return lex.built("opening_verbs", lambda: re.compile(lex.get("opening_verbs") or "(?!)"))


def past_suffix(text: str, end: int, last: str, lex: Lexicon) -> int:
    """Where what is said after a name starts: past the full stop of a suffix ending it
    ("Ana Ruiz Jr., 44," or "Ana Ruiz Jr. said": `name_suffixes`), else `end`."""
    if text[end : end + 1] == "." and fold(last) in lex.get_set("name_suffixes"):
        return end + 1
    return end


def glued_head(word: str, text: str, lex: Lexicon) -> str | None:
    """The name part of a capitalised word that a page's markup or a rough translation ran
    into the next word ("Noreromurdered" read as "Norero" + "murdered"), or None. A tail
    that no surname ends with ("who", "dijo") is cut wherever it ends a name; one that some
    surnames end with ("que": Enrique, "her": Fisher) only where the document also writes the
    head alone. A known given name is never cut."""
    if fold(word) in lex.given_names:
        return None
    found = glue_split(word)
    if found is None:
        return None
    head, _, strong = found
    if strong or re.search(rf"(?<![\w@#]){re.escape(head)}(?!\w)", text):
        return head
    return None


def weigh_run(text: str, lex: Lexicon, sentence: Sentence, run: RunShape):
    """All a run's evidence: its title and apposition (`placed`), then a verb of saying after
    it, a known given name opening it, an alias and kin beside it."""
    title, role, placing = placed(text, lex, sentence, run)
    tokens, start, raw_end = run.tokens, run.start, run.raw_end
    evidence = set(placing)
    after = fold(text[raw_end : raw_end + 25])
    adverbs = lex.phrases("speech_adverbs").pattern  # "Terán also said"
    first_after = re.match(rf"\s*(?:{adverbs}\s+)?(\w+)", after)
    if first_after and first_after.group(1) in lex.speech_verbs:
        evidence.add("speech")
    if fold(tokens[0]) in lex.given_names and len(tokens) > 1:
        evidence.add("given name")
    before = text[max(0, start - 30) : start]
    if any(not WORD_CHAR.search(before[m.end() :]) for m in lex.alias_re.finditer(before)):
        evidence.add("alias")  # "better known as Leandro Norero", "alias El Patrón"
    if alias_gap(lex).match(text, raw_end, raw_end + 80):
        evidence.add("alias")  # "Wilberto Alcázar, alias Negro Toro": a person's other name
    if kin_beside(text, start, raw_end, lex) and (len(tokens) > 1 or given_alone(run, lex)):
        evidence.add("kin")  # "el padre de Ana Ruiz", "Ana Ruiz's mother", "el primo de Ana"
    return title, role, frozenset(evidence)


def given_alone(run: RunShape, lex: Lexicon) -> bool:
    """Is a run a known given name alone ("Ana" in "el primo de Ana")?"""
    return len(run.tokens) == 1 and run.folded[0] in lex.given_names


def placed(text: str, lex: Lexicon, sentence: Sentence, run: RunShape):
    """The title before a run and what stands in apposition after it (a role, an age): all
    the evidence a single word needs to be a person when the document does not know it yet,
    so that for most single words nothing more is read. Kept for the document."""
    found = document_memo(text, lex)["placed"]
    key = (run.start, run.raw_end, sentence.start, sentence.end)
    if key in found:
        return found[key]
    tokens, start, raw_end = run.tokens, run.start, run.raw_end
    evidence: set[str] = set()
    title = title_before(text, start, lex, adjacent=len(tokens) == 1, floor=sentence.start)
    if title:
        evidence.add("title")
        if is_courtesy(title, lex):
            title = None  # "Mr Noboa", "el señor Pérez": a person, but no role
    role = apposition_after(text, raw_end, lex)
    if role:
        evidence.add("apposition")
        if is_age_phrase(role, lex):
            role = None  # "Pérez, de 27 años": the age is a claim of its own, not a role
        elif title and listed_after(text, raw_end, role, lex):
            role = None  # "their mother Ana Ruiz, the pilot, and a leader": three people
    if FIGURE_AFTER.match(fold(text[raw_end : raw_end + 25])):
        evidence.add("apposition")
    if age_follows(text, raw_end, lex, len(tokens) == 1) or age_precedes(text, start, lex):
        evidence.update(("apposition", "age"))
    found[key] = title, role, frozenset(evidence)
    return found[key]


def candidates(match, text: str, lex: Lexicon, known: KnownNames, sentence: Sentence):
    word = match.group(0)
    if (
        not WHITESPACE.search(word)
        and fold(word) not in known
        and fold(POSSESSIVE.sub("", word)) not in known
        and not WORD_CHAR.search(text[sentence.start : match.start()])
    ):
        return  # a sentence's first word alone is a person only as a name already known
    run = analysed(match, text, lex, sentence)
    if run is None:
        return
    tokens, start, end, name = run.tokens, run.start, run.end, run.name
    folded_tokens = run.folded
    if len(tokens) == 1 and run.opens and folded_tokens[0] not in known:
        return  # a sentence's first word alone is a person only as a name already known
    slip = None
    if len(tokens) == 1 and folded_tokens[0] not in known and not run.opens:
        slip = known.slip(folded_tokens[0], lex)
    if len(tokens) == 1 and folded_tokens[0] not in known and slip is None:
        _, _, placing = placed(text, lex, sentence, run)
        if not placing & {"title", "apposition"} and not (
            given_alone(run, lex) and kin_beside(text, start, run.raw_end, lex)
        ):
            return  # an unknown single word is someone only by a title, an apposition or kin
    title, role, frozen = weighed(match, text, lex, sentence, run)
    evidence = set(frozen)
    if not evidence & {"title", "speech", "alias", "kin", "age"} and place_apposition(
        text, run.raw_end, lex
    ):
        return  # "Marcos Yolotla, una comunidad de la sierra": a place named like a man
    if len(tokens) == 1:
        key = folded_tokens[0]
        if key in known or slip:
            evidence.add("known")
        elif not (evidence & {"title", "apposition", "kin"}):
            return
        elif "title" not in evidence and after_place_preposition(text, start, lex):
            return  # "la región de Ayaviri, de 16 años": the age is someone else's
        elif title and title[:1].isupper() and " " not in title:
            at = text.rfind(title, max(0, start - len(title) - 3), start)
            before = fold(text[max(0, at - 12) : at]).split()
            if at >= 0 and before and before[-1] in lex.get_set("place_title_prepositions"):
                return  # "la fiscalía de General Madariaga": a place named after a title
            if at >= 0 and after_named_thing(text, at, lex):
                return  # "el hospital Reina Ana": a thing named after a titled person
    elif (
        is_place_context(text, start, lex)
        and not evidence - {"apposition"}
        and " ".join(folded_tokens) not in known
    ):
        return
    if (
        evidence <= {"given name"}
        and " ".join(folded_tokens) not in known
        and after_place_only(text, start, lex)
    ):
        return  # "volcó en Rosa Valdeluz": a place named like a woman, not a woman
    if (
        not evidence & {"title", "speech", "alias", "known"}
        and " ".join(folded_tokens) not in known
        and after_place_noun(text, start, lex)
    ):
        return  # "the town of Magdalena Peñasco"
    if not evidence and " ".join(folded_tokens) not in known:
        return
    given, surname = split_name(tokens, lex)
    yield Person(start, end, name, list(tokens), given, surname, title, role, None, evidence, slip)


SLIP_LENGTH = 6  # the shortest surname a lone word may be a slip of the pen for


def misspelt_known(word: str, known: dict[str, str], lex: Lexicon) -> str | None:
    """The one full name of the document whose surname a lone word misspells ("Tavenijira"
    after "Martín Tavenjira"): the document names that person again and misspells them. Given
    names and short words are left alone (Mario is not María's slip)."""
    from ..resolve import misspelt

    if len(word) < SLIP_LENGTH or word in lex.given_names:
        return None
    found = {
        name
        for key, name in known.items()
        if " " not in key
        and len(key) >= SLIP_LENGTH
        and key not in lex.given_names
        and misspelt(word, key)
    }
    return next(iter(found)) if len(found) == 1 else None


def mark_aliases(people: list[Person], text: str, lex: Lexicon) -> None:
    """'Luis Antonio Norero Tigua, better known as Leandro Norero': the second is an alias."""
    for previous, current in zip(people, people[1:], strict=False):
        gap = text[previous.end : current.start]
        if len(gap) < 30 and lex.alias_re.search(fold(gap)):
            current.alias_of = previous.name


def find_aliases(sentence: Sentence, text: str, lex: Lexicon, people: list[Person]) -> list[Claim]:
    """'alias ‘El Patrón’', 'alias Ben 10', 'better known as ... or “El Patron”'."""
    claims = []
    for match in lex.alias_re.finditer(text, sentence.start, sentence.end):
        owner = next(
            (p for p in reversed(people) if p.end <= match.start() and match.start() - p.end < 40),
            None,
        )
        if owner is None:
            continue
        tail = text[match.end() : sentence.end]
        quoted = re.match(r"\s*[‘'“\"«]([^’'”\"»]{2,40})[’'”\"»]", tail)
        named = re.match(rf"\s+((?:{WORD})(?:\s+(?:{WORD}|\d+))*)", tail)
        alias = quoted or named
        if not alias:
            continue
        value = alias.group(1)
        start = match.end() + alias.start(1)
        claims.append(alias_claim(owner, value, start, start + len(value), sentence, text))
        # "better known as Leandro Norero or “El Patron”"
        rest = re.match(
            rf"\s+{lex.phrases('or_words').pattern}\s+[“\"‘'«]([^”\"’'»]{{2,40}})[”\"’'»]",
            tail[alias.end() :],
            re.I,
        )
        if rest:
            s2 = match.end() + alias.end() + rest.start(1)
            claims.append(
                alias_claim(owner, rest.group(1), s2, s2 + len(rest.group(1)), sentence, text)
            )
    return claims


def alias_claim(
    owner: Person, value: str, start: int, end: int, sentence: Sentence, text: str
) -> Claim:
    return Claim(
        kind="alias",
        start=start,
        end=end,
        quote=text[start:end],
        value=value,
        attribute="alias",
        subject=owner.name,
        sentence=sentence.index,
    )


def person_claims(person: Person, sentence: Sentence, text: str) -> list[Claim]:
    """A person mention, and the role the text gives it."""
    claims = [
        Claim(
            kind="person",
            start=person.start,
            end=person.end,
            quote=text[person.start : person.end],
            value=person.name,
            attribute="name",
            subject=person.slip_of or person.name,
            sentence=sentence.index,
            extra={
                "given": person.given,
                "surname": person.surname,
                "evidence": sorted(person.evidence),
                **({"alias_of": person.alias_of} if person.alias_of else {}),
                **({"slip_of": person.slip_of} if person.slip_of else {}),
            },
        )
    ]
    for role, index in (
        (
            person.title,
            text.rfind(
                person.title or "\0",
                max(0, person.start - len(person.title or "") - 25),
                person.start,
            ),
        ),
        (
            person.role,
            # (a bracket may stand between: "Ruiz (60 años), madre de ambos")
            text.find(person.role or "\0", person.end, person.end + len(person.role or "") + 32),
        ),
    ):
        if not role or re.match(r"\d", role) or index < 0:
            continue
        start, end = min(index, person.start), max(index + len(role), person.end)
        claims.append(
            Claim(
                kind="role",
                start=start,
                end=end,
                quote=text[start:end],
                value=role,
                attribute="role",
                subject=person.name,
                sentence=sentence.index,
            )
        )
    return claims
