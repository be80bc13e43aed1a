"""Stage 4, resolve: person mentions of all documents of a story become entities.

Within a document, a surname-only mention already points at the full name (extraction did
that) and stated aliases ("better known as") join two names. Across documents, candidate pairs
come from blocking keys (a surname; a given name with a surname initial), never all pairs, and
are judged by `same_person`: one name part equal and the other spelled alike (Wilman/William
Terán, Daniel Noboa/Novoa) is one person; Diana and Mayra Salazar are two. What the documents
say beside the names weighs in (`same_local_person`): two spellings that differ in both parts
need the same age, a role or the same people named beside them, and never join with ages no
single birth year explains.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz.distance import DamerauLevenshtein, Indel, JaroWinkler

from .lexicon import available_languages, fold, lexicon
from .stories import UnionFind, slug

GIVEN_SIMILARITY = 0.8
ROLE_SURNAME_LENGTH = 6  # surnames two slips apart, whatever their first letter, with a role
SURNAME_SIMILARITY = 0.85


@dataclass
class LocalPerson:
    """One person as one document names them."""

    key: str
    document_id: str
    spellings: Counter = field(default_factory=Counter)  # full names as written
    mentions: list[dict] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)  # folded names stated as aliases
    roles: set[str] = field(default_factory=set)
    birth_years: set[float] = field(default_factory=set)  # from the ages the document gives
    ages: set[float] = field(default_factory=set)  # the ages as the document gives them

    @property
    def name(self) -> str:
        full = [(n, c) for n, c in self.spellings.items() if " " in n]
        pool = full or list(self.spellings.items())
        return max(pool, key=lambda item: (item[1], len(item[0])))[0]

    @property
    def full(self) -> bool:
        return any(" " in n for n in self.spellings)


@dataclass
class Entity:
    id: str
    story: str
    name: str
    members: list[LocalPerson]

    def spellings(self) -> Counter:
        total: Counter = Counter()
        for member in self.members:
            for name in member.spellings:
                total[name] += 1  # documents, not mentions
        return total


def parts(name: str, given_hint: str = "") -> tuple[list[str], list[str]]:
    """(given names, surnames), folded."""
    tokens = fold(name).replace(".", "").split()
    if len(tokens) == 1:
        return [], tokens
    count = len(given_hint.split()) if given_hint else 1
    count = max(1, min(count, len(tokens) - 1))
    return tokens[:count], tokens[count:]


@cache
def nickname_forms() -> dict[str, str]:
    """Folded given names and their short forms -> the folded full name, across every
    language's `hypocorisms` ("bill" -> "william", "pepe" -> "jose") and `romanisations`
    ("vassilis" -> "vasilis")."""
    forms: dict[str, str] = {}
    for code in available_languages():
        lex = lexicon(code)
        named = {**(lex.get("hypocorisms") or {}), **(lex.get("romanisations") or {})}
        for full, shorts in named.items():
            forms.setdefault(fold(full), fold(full))
            for short in shorts:
                forms.setdefault(fold(short), fold(full))
    return forms


@cache
def gender_endings() -> tuple[str, ...]:
    """Endings that make a given name another person's, across every language
    (`gender_endings` in `hypocorisms.yaml`: Daniel/Daniela, Paul/Paula)."""
    found = {e for code in available_languages() for e in lexicon(code).get("gender_endings") or []}
    return tuple(sorted(found))


def inflected(a: str, b: str) -> bool:
    """Are two folded given names one name's masculine and feminine forms (Mario/María,
    Daniel/Daniela, Juan/Juana), two names a letter apart that are never one misspelt?"""

    def stems(word: str) -> set[str]:
        return {word} | {
            word[: -len(e)] for e in gender_endings() if word.endswith(e) and len(word) > len(e) + 2
        }

    return a != b and bool(stems(a) & stems(b))


@cache
def known_given_names() -> frozenset[str]:
    """Folded common given names of every language (`given_names`)."""
    return frozenset(n for code in available_languages() for n in lexicon(code).given_names)


@cache
def name_families() -> dict[str, frozenset[str]]:
    """Folded given names and short forms -> every full name they are a form of: "alex" is
    short for "alexander" in English and for "alejandro" in Spanish."""
    families: dict[str, set[str]] = {}
    for code in available_languages():
        lex = lexicon(code)
        named = {**(lex.get("hypocorisms") or {}), **(lex.get("romanisations") or {})}
        for full, shorts in named.items():
            for form in (full, *shorts):
                families.setdefault(fold(form), set()).add(fold(full))
    return {form: frozenset(names) for form, names in families.items()}


@cache
def given_name_equivalents() -> dict[str, frozenset[str]]:
    """Folded given names -> the folded forms of the same name in another language, across
    every language's `given_name_equivalents` ("joseph" <-> "jose", "mary" <-> "maria"). Two
    forms listed for one name are not forms of each other ("roland": Rolando, not Orlando)."""
    pairs: dict[str, set[str]] = defaultdict(set)
    for code in available_languages():
        for name, others in (lexicon(code).get("given_name_equivalents") or {}).items():
            for other in others or ():
                a, b = fold(str(name)), fold(str(other))
                if a != b:
                    pairs[a].add(b)
                    pairs[b].add(a)
    return {form: frozenset(names) for form, names in pairs.items()}


def translated_given_name(a: str, b: str) -> bool:
    """Are two given names one name in two languages ('Joseph' / 'José', 'Peter' / 'Pedro'),
    or a short form of one and the other ('Tony' / 'Antonio')? Not the same name written
    alike, which `same_given_name` tells."""
    a, b = fold(a), fold(b)
    if a == b:
        return False
    families = name_families()
    equivalents = given_name_equivalents()
    forms_a = families.get(a, frozenset()) | {a}
    forms_b = families.get(b, frozenset()) | {b}
    return any(y in equivalents.get(x, ()) for x in forms_a for y in forms_b)


def same_given_name(a: str, b: str) -> bool:
    """One given name, or a short form of it: 'William' and 'Bill', 'José' and 'Pepe',
    'Alejandro' and 'Alex' (as 'Alexander' and 'Alex')."""
    a, b = fold(a), fold(b)
    if a == b:
        return True
    families = name_families()
    return bool(families.get(a, frozenset()) & families.get(b, frozenset()))


VOWELS = frozenset("aeiouy")
GLUE_HEAD = 3  # the fewest letters a name part cut from a glued word keeps
GLUE_TAIL = 3  # the fewest letters of the word run into it


@cache
def glue_words() -> tuple[frozenset[str], frozenset[str]]:
    """(words no surname ends with, words some surnames end with), folded, from every
    language's `glue_words` and `weak_glue_words`: a translation mixes the languages."""
    strong, weak = set(), set()
    for code in available_languages():
        strong |= {fold(w) for w in lexicon(code).get("glue_words") or ()}
        weak |= {fold(w) for w in lexicon(code).get("weak_glue_words") or ()}
    return frozenset(strong), frozenset(weak - strong)


def glue_split(word: str) -> tuple[str, str, bool] | None:
    """(head, tail, strong) where a capitalised word ends in a lower-case word of
    `glue_words` after a head of at least `GLUE_HEAD` letters ("Ruizwho": "Ruiz", "who"),
    the longest such tail first; None when it ends in none."""
    strong, weak = glue_words()
    for cut in range(GLUE_HEAD, len(word) - GLUE_TAIL + 1):
        head, tail = word[:cut], word[cut:]
        if not tail.islower() or not head[-1].isalpha() or not VOWELS & set(fold(head)):
            continue
        folded = fold(tail)
        if folded in strong or folded in weak:
            return head, tail, folded in strong
    return None


@cache
def romanisation_swaps() -> tuple[tuple[str, str, str], ...]:
    """(form, other form, where) pairs from every language's `romanisation_alternations`,
    folded: the forms one letter of another script takes in Latin letters ("sh", "s", "š" read
    as "s"). A pair counts only when it is more than one plain letter for another: forms of
    different lengths (sh/s), a letter outside a-z that folding keeps (đ), or a pair the data
    ties to a place in the word (`where`: j/i between a consonant and a vowel, iy/y at the word's
    end). Plain
    c/k or z/j anywhere is a misspelling, not a romanisation."""
    swaps: set[tuple[str, str, str]] = set()
    for code in available_languages():
        for entry in lexicon(code).data.get("romanisation_alternations") or []:
            forms, where = (
                (entry.get("forms") or [], entry.get("where") or "")
                if isinstance(entry, dict)
                else (entry, "")
            )
            folded = list(dict.fromkeys(fold(str(f)) for f in forms))
            for x in folded:
                for y in folded:
                    plain = len(x) == len(y) and (x + y).isascii() and (x + y).isalpha()
                    if x != y and (where or not plain):
                        swaps.add((x, y, where))
    return tuple(sorted(swaps, key=lambda s: (-len(s[0]), s)))


def romanised_word(a: str, b: str) -> bool:
    """Do two folded words become one when forms of `romanisation_swaps` are swapped
    ("toshkovski" / "toskovski", "siljanovska" / "silianovska")? At least one swap is needed."""
    if a == b:
        return False
    swaps = romanisation_swaps()

    def fits(where: str, i: int, j: int, x: str, y: str) -> bool:
        if where == "word_start":
            return i == 0 and j == 0
        if where == "word_end":
            return i + len(x) == len(a) and j + len(y) == len(b)
        if where == "after_consonant_before_vowel":
            before = a[i - 1 : i] if i else ""
            return (
                before.isalpha()
                and before not in VOWELS
                and a[i + len(x) : i + len(x) + 1] in VOWELS
                and b[j + len(y) : j + len(y) + 1] in VOWELS
            )
        return not where  # a place the data names but this code does not know: never

    reached = {(0, 0)}
    todo = [(0, 0)]
    while todo:
        i, j = todo.pop()
        if i == len(a) and j == len(b):
            return True
        steps = []
        if i < len(a) and j < len(b) and a[i] == b[j]:
            steps.append((i + 1, j + 1))
        for x, y, where in swaps:
            if a.startswith(x, i) and b.startswith(y, j) and fits(where, i, j, x, y):
                steps.append((i + len(x), j + len(y)))
        for step in steps:
            if step not in reached:
                reached.add(step)
                todo.append(step)
    return False


def romanised(a: str, b: str) -> bool:
    """Are two spellings of a name part one name romanised two ways: word for word equal, or
    equal once the usual transliteration alternations are swapped (Toshkovski / Toškovski /
    Toskovski, Panche / Pance)? Two common given names of their own (Christian / Cristian) are
    two names, never one romanised, and words under four letters never are."""
    words_a, words_b = fold(a).replace("-", " ").split(), fold(b).replace("-", " ").split()
    if len(words_a) != len(words_b) or words_a == words_b:
        return False
    for x, y in zip(words_a, words_b, strict=True):
        if x == y:
            continue
        if min(len(x), len(y)) < 4 or {x, y} <= known_given_names():
            return False
        if not romanised_word(x, y):
            return False
    return True


def similar(a: str, b: str, threshold: float) -> bool:
    return a[:1] == b[:1] and JaroWinkler.normalized_similarity(a, b) >= threshold


DOUBLED = re.compile(r"(.)\1")


def misspelt(a: str, b: str) -> bool:
    """Are two folded name parts one name misspelt: a letter changed, added, dropped or swapped
    (Thomsen/Thomsem, Joseph/Joeseph), two letters for a long name (Comelli/Cornelli), a
    doubled letter written single (Brackett/Bracket), Mac written Mc, or a name cut short
    (Brawner/Brawn)? Short parts (under four letters) never are: Ana and Ada are two names."""
    if a == b or min(len(a), len(b)) < 4 or a[:1] != b[:1]:
        return False
    if {a[:2], b[:2]} == {"mc", "ma"}:
        a, b = (re.sub(r"^mac", "mc", w) for w in (a, b))
    single = [DOUBLED.sub(r"\1", w) for w in (a, b)]
    if a == b or single[0] == single[1]:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) >= 5 and long.startswith(short) and len(long) - len(short) <= 2:
        return True
    allowed = 2 if len(short) >= 7 else 1
    return DamerauLevenshtein.distance(a, b) <= allowed


def same_person(
    a: str,
    b: str,
    given_a: str = "",
    given_b: str = "",
    shared_role: bool = False,
    translated: bool = False,
) -> bool:
    """Do two full names name one person? With a shared role, one given name and surnames of
    six letters or more two slips apart (their first letters too) are one person. Names from
    documents of two languages (`translated`) with a surname in common are one person when
    their given names are one name in the two languages ("Joseph Pérez" / "José Pérez").

    >>> same_person("Wilman Terán", "William Terán")
    True
    >>> same_person("Diana Salazar", "Mayra Salazar")
    False
    """
    ga, sa = parts(a, given_a)
    gb, sb = parts(b, given_b)
    if not ga or not gb:
        return False
    if romanised(a, b):
        return True  # "Panche Toshkovski" / "Pance Toškovski": one name romanised two ways
    surname_equal = bool(set(sa) & set(sb))
    threshold = GIVEN_SIMILARITY - (0.1 if shared_role else 0)
    given_alike = (
        same_given_name(ga[0], gb[0])
        or (len(ga[0]) > 1 and len(gb[0]) > 1 and similar(ga[0], gb[0], threshold))
        or (len(ga[0]) == 1 or len(gb[0]) == 1)
        and ga[0][0] == gb[0][0]
        or translated
        and translated_given_name(ga[0], gb[0])
    )
    if surname_equal and given_alike:
        return True
    if (
        misspelt(ga[0], gb[0])
        and any(misspelt(x, y) for x in sa for y in sb)
        and not {ga[0], gb[0]} <= known_given_names()  # Mario and María: two names
    ):
        # "Macimo Thomsem" is "Máximo Thomsen": each part one slip away. The slip may be in
        # any surname: a child named with the father's surname in one report and another's
        # in the next keeps the mother's ("Solena Ibarra Quenaya" / "Solenia Tarqui Quenalla").
        return True
    if (
        shared_role
        and same_given_name(ga[0], gb[0])
        and min(len(sa[0]), len(sb[0])) >= ROLE_SURNAME_LENGTH
        and DamerauLevenshtein.distance(sa[0], sb[0]) <= 2
    ):
        return True  # the government spokesman Yannis Ikonomu / Yiannis Okonomo
    if ga[0] == gb[0] and len(sa[0]) >= 4 and len(sb[0]) >= 4:
        return similar(sa[0], sb[0], SURNAME_SIMILARITY) or similar(
            " ".join(sa), " ".join(sb), SURNAME_SIMILARITY
        )
    return False


def local_people(
    person_claims: list[dict],
    alias_claims: list[dict],
    role_claims: list[dict],
    age_claims: list[dict] = (),
) -> list[LocalPerson]:
    """Group each document's person mentions by the full name they refer to."""
    people: dict[tuple[str, str], LocalPerson] = {}
    for claim in person_claims:
        key = fold(claim["subject"] or claim["value"])
        person = people.setdefault(
            (claim["document_id"], key), LocalPerson(key, claim["document_id"])
        )
        person.spellings[claim["value"]] += 1
        person.mentions.append(claim)
        if claim["extra"].get("alias_of"):
            person.aliases.add(fold(claim["extra"]["alias_of"]))
    for claim in alias_claims:
        owner = people.get((claim["document_id"], fold(claim["subject"])))
        if owner is not None:
            owner.aliases.add(fold(claim["value"]))
    for claim in role_claims:
        owner = people.get((claim["document_id"], fold(claim["subject"])))
        if owner is not None:
            owner.roles.update(w for w in fold(claim["value"]).split() if len(w) > 3)
    for claim in age_claims:
        owner = people.get((claim["document_id"], fold(claim["subject"] or "")))
        year = birth_year(claim)
        if owner is not None and year is not None:
            owner.birth_years.add(year)
        if owner is not None and claim.get("low") is not None:
            owner.ages.add(float(claim["low"]))
    return merge_within_documents(list(people.values()))


def birth_year(claim: dict) -> float | None:
    """The year an age claim says its person was born, give or take one ("34" in a 2024
    article: about 1990); None without the article's date."""
    year = re.match(r"\d{4}", claim.get("date") or "")
    if not year or claim.get("low") is None:
        return None
    return int(year.group(0)) - float(claim["low"])


BIRTH_YEAR_SLACK = 1  # "34" and "35" in reports months apart may both be right


def ages_agree(a: LocalPerson, b: LocalPerson) -> bool | None:
    """Do two people's ages fit one birth year (None when either has no age)?"""
    if not a.birth_years or not b.birth_years:
        return None
    return any(abs(x - y) <= BIRTH_YEAR_SLACK for x in a.birth_years for y in b.birth_years)


def both_parts_differ(a: str, b: str) -> bool:
    """Do two full names differ in their given name and in every surname ("Macimo Thomsem" /
    "Máximo Thomsen"), not only in one part?"""
    if romanised(a, b):
        return False  # one name romanised two ways, not two slips
    ga, sa = parts(a)
    gb, sb = parts(b)
    return bool(ga and gb) and not same_given_name(ga[0], gb[0]) and not set(sa) & set(sb)


OTHER_SURNAME_SIMILARITY = 0.5  # below it, two surname words are two surnames, not one misspelt


def another_second_surname(a: str, b: str) -> bool:
    """Do two full names of as many surnames (two or more) share one and hold, in the place of
    another, a word the other has nothing like ("Rosa Quispe Lazo" / "Rosa Quispe Vargas")?
    Cousins and namesakes share a given name and one surname; a misspelling keeps the letters
    (Hernández / Fernández)."""
    _, sa = parts(a)
    _, sb = parts(b)
    if len(sa) < 2 or len(sa) != len(sb) or not set(sa) & set(sb):
        return False
    return any(
        x != y
        and min(len(x.rstrip(".")), len(y.rstrip("."))) > 1  # "A." is an initial of "Alcívar"
        and Indel.normalized_similarity(x, y) < OTHER_SURNAME_SIMILARITY
        for x, y in zip(sa, sb, strict=True)
    )


def merge_within_documents(people: list[LocalPerson]) -> list[LocalPerson]:
    """Join a document's names tied by a stated alias or by one being a longer form of the
    other ('Diana Salazar' / 'Diana Salazar Méndez'), and its names that are one name written
    two ways (`written_two_ways`: 'Alan Ruschel' / 'Alan Rushel'): the second spelling's
    mentions are marked as the document's slip for the first, which the judge compares."""
    by_document: dict[str, list[LocalPerson]] = defaultdict(list)
    for person in people:
        by_document[person.document_id].append(person)
    merged: list[LocalPerson] = []
    for group in by_document.values():
        joins = UnionFind()
        for person in group:
            joins.find(person.key)
        for person in group:
            for other in group:
                if other is person:
                    continue
                if (
                    other.key in person.aliases
                    or person.key in other.aliases
                    or person.full
                    and other.full
                    and longer_form(person.key, other.key)
                ):
                    joins.union(person.key, other.key)
        by_key = {p.key: p for p in group}
        # names tied by a stated alias stay aliases; a shorter form ("Ciro Vidaurre" beside the
        # document's "Ciro Anselmo Vidaurre") is a spelling of the name, compared like any other
        stated = {p.key for p in group for o in group if p.key in o.aliases or o.key in p.aliases}
        heads = []
        for members in joins.groups().values():
            head = by_key[min(members, key=lambda k: (-len(k.split()), k))]
            for key in members:
                if key == head.key:
                    continue
                other = by_key[key]
                head.spellings.update(other.spellings)
                head.mentions.extend(other.mentions)
                head.aliases |= other.aliases | ({other.key} & stated)
                head.roles |= other.roles
                head.ages |= other.ages
            # The alias "Negro Toro" names "Wilberto Alcázar" as its bearer: the bearer's own
            # name is the name, not one of its aliases.
            head.aliases.discard(head.key)
            heads.append(head)
        merged.extend(join_slips(heads))
    return merged


def join_slips(group: list[LocalPerson]) -> list[LocalPerson]:
    """One document's people whose names are one name written two ways join; the spelling the
    document uses less becomes its slip (`extra.slip_of`) for the other. A name that could be
    written two ways by more than one other is left alone."""
    kept = list(group)
    for person in sorted(group, key=lambda p: (sum(p.spellings.values()), p.key)):
        if person not in kept:
            continue
        matches = [o for o in kept if o is not person and written_two_ways(person, o)]
        if len(matches) != 1:
            continue
        head = matches[0]
        if sum(head.spellings.values()) < sum(person.spellings.values()):
            continue  # joined from the other side, as its slip
        written = head.name
        head.spellings.update(person.spellings)
        head.mentions.extend(
            {**m, "extra": {**(m.get("extra") or {}), "slip_of": written}} for m in person.mentions
        )
        head.roles |= person.roles
        head.ages |= person.ages
        head.birth_years |= person.birth_years
        kept.remove(person)
    return kept


SLIP_SIMILARITY = 0.5  # two words less alike than this are two names, whatever else agrees


def written_two_ways(a: LocalPerson, b: LocalPerson) -> bool:
    """Are two full names of one document one person's name written two ways: the same number
    of words, all equal but one, and that one misspelt ('Alan Ruschel' / 'Alan Rushel'), or,
    where the document gives both the same age, a surname given another way beside a shared
    given name and other surname ('María Consuelo Alard Valdés, 77' / 'María Consuelo Álvarez
    Valdés, 77')? Given names of their own (Cristian / Christian), a name's masculine and
    feminine forms and names told apart by their ages never join; siblings differ in their
    given names, which must then be misspelt one for the other."""
    if not (a.full and b.full):
        return False
    wa, wb = (fold(p.name).replace(".", " ").replace("-", " ").split() for p in (a, b))
    if len(wa) != len(wb) or len(wa) < 2:
        return False
    differ = [i for i, (x, y) in enumerate(zip(wa, wb, strict=True)) if x != y]
    if len(differ) != 1:
        return False
    x, y = wa[differ[0]], wb[differ[0]]
    if {x, y} <= known_given_names() or inflected(x, y):
        return False
    if a.ages and b.ages and not a.ages & b.ages:
        return False
    if misspelt(x, y):
        return True
    return (
        differ[0] >= 1
        and len(wa) >= 3
        and bool(a.ages & b.ages)
        and Indel.normalized_similarity(x, y) >= SLIP_SIMILARITY
    )


def longer_form(a: str, b: str) -> bool:
    ta, tb = a.split(), b.split()
    short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return (
        2 <= len(short) < len(long) and short[0] == long[0] and short[-1] in long[1:]
    )  # 'Juan Carlos Pérez' is no longer form of 'Juan Pablo Pérez'


def blocking_keys(person: LocalPerson) -> set[str]:
    keys = set()
    for spelling in person.spellings:
        given, surnames = parts(spelling)
        for surname in surnames:
            if len(surname) > 2:
                keys.add("s:" + surname)
        if given and surnames:
            keys.add(f"g:{given[0]}:{surnames[0][:1]}")
            for surname in surnames:  # both parts misspelt: "Macimo Thomsem"
                keys.add(f"m:{given[0][:2]}:{surname[:2]}")
            if person.roles:  # one role, one given name: "Yannis Ikonomu" / "Yiannis Okonomo"
                keys.add("r:" + nickname_forms().get(given[0], given[0]))
    return keys


def resolve(
    story: str,
    person_claims: list[dict],
    alias_claims: list[dict],
    role_claims: list[dict],
    age_claims: list[dict] = (),
) -> list[Entity]:
    """The people of one story: each entity with the documents' names for them."""
    people = local_people(person_claims, alias_claims, role_claims, age_claims)
    full = [p for p in people if p.full]
    joins = UnionFind()
    ids = {id(p): f"{p.document_id}|{p.key}" for p in people}
    for person in people:
        joins.find(ids[id(person)])
    blocks: dict[str, list[LocalPerson]] = defaultdict(list)
    for person in full:
        for key in blocking_keys(person):
            blocks[key].append(person)
    pairs: dict[tuple[str, str], tuple[float, LocalPerson, LocalPerson]] = {}
    pending: dict[tuple[str, str], tuple[float, LocalPerson, LocalPerson]] = {}
    for members in blocks.values():
        if len(members) > 200:  # a surname half the archive shares: too common to block on
            continue
        for index, a in enumerate(members):
            for b in members[index + 1 :]:
                key = tuple(sorted((ids[id(a)], ids[id(b)])))
                if a.document_id == b.document_id or key in pairs:
                    continue
                verdict = same_local_person(a, b)
                if verdict:
                    pairs[key] = (likeness(a, b), a, b)
                elif verdict is None:
                    pending[key] = (likeness(a, b), a, b)
    pairs = {key: pair for key, pair in pairs.items() if key not in ambiguous_pairs(pairs, ids)}
    documents = {ids[id(p)]: {p.document_id} for p in people}
    # The closest names join first; two people one document names apart never join.
    for _, a, b in sorted(pairs.values(), key=lambda item: (-item[0], item[1].key, item[2].key)):
        join_apart(joins, documents, ids[id(a)], ids[id(b)])
    # Names alike only with evidence: the same people named beside them.
    company = companions(people, joins, ids)
    for _, a, b in sorted(pending.values(), key=lambda item: (-item[0], item[1].key, item[2].key)):
        ra, rb = joins.find(ids[id(a)]), joins.find(ids[id(b)])
        if len(company[ra] & company[rb] - {ra, rb}) >= SHARED_COMPANIONS:
            join_apart(joins, documents, ids[id(a)], ids[id(b)])
    attach_surname_only(people, full, joins, ids, documents)
    by_id = {ids[id(p)]: p for p in people}
    entities = []
    for members in joins.groups().values():
        group = [by_id[m] for m in members]
        spellings: Counter = Counter()
        for member in group:
            for name in member.spellings:
                spellings[name] += 1
        full_names = [(n, c) for n, c in spellings.items() if " " in n] or list(spellings.items())
        name = max(full_names, key=lambda item: (item[1], len(item[0]), item[0]))[0]
        digest = hashlib.sha1("|".join(sorted(members)).encode()).hexdigest()[:6]
        entities.append(Entity(f"{story}:{slug(name)}:{digest}", story, name, group))
    entities.sort(key=lambda e: e.id)
    return entities


def ambiguous_pairs(pairs: dict, ids: dict) -> set[tuple[str, str]]:
    """The pairs of a name that another document gives two people ("Rosa Quispe" beside its
    "Rosa Quispe Lazo" and "Rosa Quispe Vargas", cousins): which one it names is not known,
    so it joins neither. Where one of them bears the very name, that one is meant."""
    partners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for _, a, b in pairs.values():
        partners[(ids[id(a)], b.document_id)].add(ids[id(b)])
        partners[(ids[id(b)], a.document_id)].add(ids[id(a)])

    def key(person_id: str) -> str:
        return person_id.split("|", 1)[1]

    return {
        tuple(sorted((one, other)))
        for (one, _), others in partners.items()
        if len(others) > 1 and key(one) not in {key(o) for o in others}
        for other in others
    }


SHARED_COMPANIONS = 2  # people named in the same sentences as each of two spellings


def companions(people: list[LocalPerson], joins: UnionFind, ids: dict) -> dict[str, set[str]]:
    """For each resolved person, the resolved people the documents name in the same sentences
    as them ("Macimo Thomsem" listed with the Pertossi brothers and Viollaz)."""
    by_sentence: dict[tuple[str, object], set[str]] = defaultdict(set)
    for person in people:
        for mention in person.mentions:
            by_sentence[(person.document_id, mention.get("sentence"))].add(ids[id(person)])
    found: dict[str, set[str]] = defaultdict(set)
    for members in by_sentence.values():
        for member in members:
            found[joins.find(member)] |= {joins.find(m) for m in members if m != member}
    return found


def same_local_person(a: LocalPerson, b: LocalPerson) -> bool | None:
    """Are two documents' people one person? A stated alias says so; otherwise their names
    must be alike (`same_person`), with evidence beside the name where the names alone are
    weak: two spellings that differ in both given name and surname join only with the same
    age (within a year) or a shared role, never with ages no single birth year explains.
    Names that differ in one part at most join whatever their ages, which then clash in the
    judge. Two full names that share a given name and one surname but give another surname
    in its place (cousins, namesakes) are weak too. None: alike, but only other evidence
    (`companions`) may join them."""
    if a.aliases & ({b.key} | b.aliases) or b.aliases & {a.key}:
        return True
    shared_role = bool(a.roles & b.roles)
    translated = len(languages(a) | languages(b)) > 1
    ages = ages_agree(a, b)
    weak = False
    for x in a.spellings:
        for y in b.spellings:
            if (
                " " not in x
                or " " not in y
                or not same_person(x, y, shared_role=shared_role, translated=translated)
            ):
                continue
            if both_parts_differ(x, y) or another_second_surname(x, y):
                if ages is False:
                    continue  # "Macimo Brunsem, 61" and "Máximo Brunsen, 19": two people
                if not (ages or shared_role):
                    weak = True
                    continue
            return True
    return None if weak else False


def languages(person: LocalPerson) -> set[str]:
    """The languages of the document that names a person, as its mentions carry them."""
    return {m["language"] for m in person.mentions if m.get("language")}


def likeness(a: LocalPerson, b: LocalPerson) -> float:
    """How alike two people's names are (1.0: the same name)."""
    return max(
        JaroWinkler.normalized_similarity(fold(x), fold(y))
        for x in a.spellings
        for y in b.spellings
    )


def join_apart(joins: UnionFind, documents: dict[str, set[str]], a: str, b: str) -> bool:
    """Join two groups of people unless one document names a person of each: a document that
    names Lucas and Luciano Pertano side by side says they are two people, however alike the
    names of other documents make them look."""
    ra, rb = joins.find(a), joins.find(b)
    if ra == rb or documents[ra] & documents[rb]:
        return False
    joins.union(ra, rb)
    documents[joins.find(ra)] = documents[ra] | documents[rb]
    return True


def attach_surname_only(people, full, joins, ids, documents) -> None:
    """A document that only ever says "Salazar" joins the one person of the story so named; one
    that only says "Anouk" joins the one person of the story with that first name, when no one
    has it for a surname, and one that says "Anuk" the one person whose first name it misspells."""
    surname_owners: dict[str, set[str]] = defaultdict(set)
    given_owners: dict[str, set[str]] = defaultdict(set)
    for person in full:
        for spelling in person.spellings:
            if " " not in spelling:
                continue  # "Erick" beside "Erick Tasman" is his given name, not a surname
            given, surnames = parts(spelling)
            for surname in surnames:
                surname_owners[surname].add(ids[id(person)])
            if given:
                given_owners[given[0]].add(ids[id(person)])
    for person in people:
        if person.full:
            continue
        owners = {joins.find(o) for o in surname_owners.get(person.key, set())}
        if not owners and len(person.key) > 2:
            owners = {joins.find(o) for o in given_owners.get(person.key, set())}
        if not owners and " " not in person.key:
            owners = misspelt_given_owners(person.key, surname_owners, given_owners, joins)
        if len(owners) == 1:
            join_apart(joins, documents, ids[id(person)], next(iter(owners)))


def misspelt_given_owners(key: str, surname_owners, given_owners, joins) -> set[str]:
    """The people of the story whose given name a single name misspells ("Erik" for the one
    "Erick Tasman"), when no surname is like it: the single name is then a first name
    written another way, which the judge compares. Masculine and feminine forms (Mario/María)
    are two names, never a slip."""
    if any(misspelt(key, surname) for surname in surname_owners):
        return set()
    return {
        joins.find(owner)
        for given, owners in given_owners.items()
        if misspelt(key, given) and not inflected(key, given) and not same_given_name(key, given)
        for owner in owners
    }
