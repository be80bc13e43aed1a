"""Language data: the word lists in `reconcile/lang/<code>/*.yaml`, loaded once per language.

Adding a language is adding a folder; code asks the lexicon, never `if lang == ...`.
A user can extend a list by editing the YAML (or pointing RECONCILE_LEXICON_DIR at a copy).
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import TypeVar

from . import startup_cache

T = TypeVar("T")

LANG_DIR = Path(__file__).parent / "lang"
DEFAULT_LANGUAGE = "en"
LONG_COMMENT_MARKER = 12  # characters: a longer marker also marks a paragraph it opens


def __getattr__(name: str):
    """`SAFE_LOADER`: libyaml's loader when PyYAML was built with it (the wheels are), with which
    the lexicons load ~10x faster. PyYAML is imported on first use, not with this module: the
    command line imports it for the list of languages, and `--version` needs no YAML."""
    if name == "SAFE_LOADER":
        import yaml

        return getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def fold(text: str) -> str:
    """Lowercase without accents: 'Terán' -> 'teran'."""
    if text.isascii():  # nothing to decompose: the common case, and by far the cheapest
        return text.lower()
    return _fold_unicode(text)


class _CombiningMarks(dict):
    """For `str.translate`: a combining mark (an accent once decomposed) maps to None and is
    dropped, any other character to itself; each character is asked about once per process."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        self[code] = found = None if unicodedata.combining(char) else char
        return found


_WITHOUT_MARKS = _CombiningMarks()


@lru_cache(maxsize=65536)
def _fold_unicode(text: str) -> str:
    return unicodedata.normalize("NFKD", text).translate(_WITHOUT_MARKS).casefold()


ACCENTED = {
    "a": "aáàâäã",
    "e": "eéèêë",
    "i": "iíìîï",
    "o": "oóòôöõ",
    "u": "uúùûü",
    "n": "nñ",
    "c": "cç",
}


def accent_insensitive(phrase: str) -> str:
    """A regex for `phrase` that matches it with or without accents, as `fold` compares words:
    'policias' and 'policías' both match 'policías' (the lexicons store folded wordings)."""
    return r"\s+".join(
        "".join(f"[{ACCENTED[c]}]" if c in ACCENTED else re.escape(c) for c in word)
        for word in fold(phrase).split()
    )


def phrase_pattern(phrases, flags=re.I) -> re.Pattern:
    """One regex matching any of `phrases` as whole words, accents optional. The alternatives
    are folded into a trie ("police", "police officers", "policemen" share "police"), which
    compiles and matches far faster than a flat list; longer wordings are still tried first."""
    alternatives = {" ".join(fold(p).split()) for p in phrases if p and str(p).strip()}
    if not alternatives:
        return re.compile(r"(?!x)x")
    # The lookahead is the class of the trie's first characters, as the trie writes them: it
    # changes no match, and rules out most word starts with one test instead of one per branch.
    firsts = "".join(ACCENTED.get(c, re.escape(c)) for c in sorted({a[0] for a in alternatives}))
    return re.compile(rf"(?<![\w'’-])(?=[{firsts}])(?:{trie_regex(alternatives)})(?![\w-])", flags)


def trie_regex(words: set[str]) -> str:
    """One regex alternation of `words` as a trie (kept across processes by the command line:
    the large lists take milliseconds to fold into a trie)."""
    key = frozenset(words)
    return startup_cache.remembered("trie_regex", __file__, key, lambda: build_trie_regex(key))


def build_trie_regex(words: frozenset[str]) -> str:
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a wording may end here

    def piece(char: str) -> str:
        if char == " ":
            return r"\s+"
        return f"[{ACCENTED[char]}]" if char in ACCENTED else re.escape(char)

    def build(node: dict) -> str:
        branches = [piece(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body  # greedy: the longer wording first

    return build(trie)


def longest_first(words) -> list[str]:
    """Words in the order a regex alternation tries them: longest first (a wording before its
    own beginning), ties in alphabetical order. The order of a set's words changes from process
    to process; a pattern built from them in that order would be a new pattern each time,
    compiled again instead of read from the start-up cache."""
    return sorted(words, key=lambda word: (-len(word), word))


def invert(groups: dict) -> dict[str, str]:
    """{key: [wordings]} -> {folded wording: key}."""
    return {fold(str(w)): str(key) for key, words in (groups or {}).items() for w in words}


@dataclass
class Lexicon:
    """All word lists of one language, with the lookups built from them."""

    code: str
    data: dict = field(repr=False)

    def __post_init__(self) -> None:
        d = self.data
        self._sets: dict[str, frozenset[str]] = {}
        self.months = {fold(w): int(k) for k, ws in d["months"].items() for w in ws}
        self.weekdays = {fold(w): int(k) for k, ws in d["weekdays"].items() for w in ws}
        self.number_words = {fold(w) for w in d.get("words", [])}
        self.number_joiners = {fold(w) for w in d.get("joiners", [])}
        self.collective = {fold(k): float(v) for k, v in (d.get("collective") or {}).items()}
        self.scales = {fold(k): float(v) for k, v in (d.get("scales") or {}).items()}
        self.qualifier_of = invert(d.get("qualifiers"))
        self.additional = [fold(w) for w in d.get("additional", [])]
        self.nationality_of = invert(d.get("nationalities"))
        # A demonym counts people of its own ("seis hondureños"), and frames a count.
        self.people_nouns = {fold(w) for w in d.get("people", [])} | set(self.nationality_of)
        self.group_of = invert(d.get("groups"))
        self.thing_of = invert(d.get("things"))
        self.event_of = invert(d.get("events"))
        self.event_noun_of = {fold(k): v for k, v in (d.get("event_nouns") or {}).items()}
        self.growing = set(d.get("growing", []))
        self.date_event_of = invert(d.get("date_events"))
        self.found_object_of = invert(d.get("found_objects"))
        # the event words a date is tied to: the shared events and those for dating only
        self.clause_event_of = {**self.date_event_of, **invert(d.get("date_event_words"))}
        self.hedge_of = invert(d.get("hedges"))
        self.titles = {fold(w) for w in d.get("titles", [])}
        self.title_modifiers = {fold(w) for w in d.get("title_modifiers", [])}
        self.particles = {fold(w) for w in d.get("particles", [])}
        self.not_person_words = {fold(w) for w in d.get("not_person_words", [])}
        self.not_name_starters = {fold(w) for w in d.get("not_name_starters", [])}
        self.given_names = {fold(w) for w in d.get("given_names", [])}
        self.speech_verbs = {fold(w) for w in d.get("speech_verbs", [])}
        self.caption_prefixes = tuple(fold(p) for p in d.get("caption_prefixes", []))
        self.comment_markers = {fold(p) for p in d.get("comment_markers", [])}
        self.past_markers = {fold(w) for w in d.get("past_markers", [])}
        self.past_markers_after = {fold(w) for w in d.get("past_markers_after", [])}
        self.present_markers = {fold(w) for w in d.get("present_markers", [])}
        self.relative_days = {fold(k): int(v) for k, v in (d.get("relative_days") or {}).items()}
        self.date_joiners = {fold(w) for w in d.get("joiners_date", d.get("date_joiners", []))}
        self.range_words = {fold(w) for w in d.get("range_words", [])}

    # Compiled patterns are built on first use: detecting a text's language reads every
    # lexicon's stopwords, and should not pay for compiling every language's patterns.

    @cached_property
    def qualifier_re(self) -> re.Pattern:
        return phrase_pattern(self.qualifier_of)

    @cached_property
    def noun_re(self) -> re.Pattern:
        return phrase_pattern(
            [*self.people_nouns, *self.group_of, *self.thing_of, *self.event_noun_of]
        )

    @cached_property
    def event_re(self) -> re.Pattern:
        return phrase_pattern(self.event_of)

    def event_named(self, match: re.Match) -> str:
        """The event an `event_re` match names ("were killed" -> "killed")."""
        return self.event_of[fold(re.sub(r"\s+", " ", match.group(0)))]

    @cached_property
    def date_event_re(self) -> re.Pattern:
        return phrase_pattern(self.date_event_of)

    @cached_property
    def clause_event_re(self) -> re.Pattern:
        return phrase_pattern(self.clause_event_of)

    @cached_property
    def found_object_re(self) -> re.Pattern:
        return phrase_pattern(self.found_object_of)

    @cached_property
    def temporal_relation_re(self) -> re.Pattern:
        return phrase_pattern(self.data.get("temporal_relations", []))

    @cached_property
    def clock_time_re(self) -> re.Pattern:
        relations = "|".join(self.data.get("temporal_relations", []) or ["after"])
        clock = self.data.get("clock_time") or r"(?!x)x"
        return re.compile(rf"\b(?:{relations})\s+(?:{clock})", re.I)

    @cached_property
    def hedge_re(self) -> re.Pattern:
        return phrase_pattern(self.hedge_of)

    @cached_property
    def title_re(self) -> re.Pattern:
        return phrase_pattern(self.titles)

    @cached_property
    def attribution_re(self) -> re.Pattern:
        return phrase_pattern(self.data.get("attribution_before", []))

    @cached_property
    def alias_re(self) -> re.Pattern:
        return phrase_pattern(self.data.get("alias_markers", []))

    @cached_property
    def speech_re(self) -> re.Pattern:
        return phrase_pattern(self.speech_verbs)

    @cached_property
    def writing_time_re(self) -> re.Pattern:
        return phrase_pattern(self.data.get("writing_time", []))

    @cached_property
    def byline_res(self) -> list[re.Pattern]:
        return [re.compile(p, re.I) for p in self.data.get("byline_patterns", [])]

    @cached_property
    def caption_res(self) -> list[re.Pattern]:
        return [re.compile(p) for p in self.data.get("caption_patterns", [])]

    @cached_property
    def long_comment_markers(self) -> tuple[str, ...]:
        """The comment markers long enough to mark a paragraph that opens with them."""
        return tuple(m for m in self.comment_markers if len(m) > LONG_COMMENT_MARKER)

    def get(self, key: str, default=None):
        return self.data.get(key, default)

    def get_set(self, key: str) -> frozenset[str]:
        """A word list as a set of folded words (built once per key)."""
        found = self._sets.get(key)
        if found is None:
            found = self._sets[key] = frozenset(fold(str(w)) for w in self.data.get(key) or [])
        return found

    def alternation(self, *keys: str) -> str:
        """Word lists as one regex alternation of their escaped, folded words, longest first
        (built once per keys: built per number, the sorting cost a tenth of ingest)."""
        built = self.__dict__.setdefault("_alternations", {})
        found = built.get(keys)
        if found is None:
            words = frozenset().union(*(self.get_set(key) for key in keys))
            found = built[keys] = "|".join(longest_first(map(re.escape, words)))
        return found

    def phrases(self, key: str) -> re.Pattern:
        """A word list as one pattern of whole words, accents optional (built once per key)."""
        patterns = self.__dict__.setdefault("_phrase_patterns", {})
        found = patterns.get(key)
        if found is None:
            found = patterns[key] = phrase_pattern(str(w) for w in self.data.get(key) or [])
        return found

    def built(self, name: str, build: Callable[[], T]) -> T:
        """A pattern (or a table) composed from this lexicon's lists, built by `build` once per
        lexicon and kept under `name`: rules call it per figure, and composing the pattern's
        text anew each time costs more than the match."""
        patterns = self.__dict__.setdefault("_built_patterns", {})
        found = patterns.get(name)
        if found is None:
            found = patterns[name] = build()
        return found


def lexicon_dirs() -> list[Path]:
    extra = os.environ.get("RECONCILE_LEXICON_DIR")
    return [Path(extra), LANG_DIR] if extra else [LANG_DIR]


def available_languages() -> list[str]:
    return sorted(p.name for p in LANG_DIR.iterdir() if (p / "dates.yaml").is_file())


@cache
def lexicon(code: str = DEFAULT_LANGUAGE) -> Lexicon:
    """The lexicon of a language (English where the language has no folder)."""
    if code not in available_languages():
        code = DEFAULT_LANGUAGE
    return Lexicon(code, lexicon_data(code))


def lexicon_files(code: str) -> list[Path]:
    """The YAML files of a language, in the order they are merged: the shipped lists first,
    then a user's (RECONCILE_LEXICON_DIR), which extend them."""
    files: list[Path] = []
    for base in reversed(lexicon_dirs()):
        folder = base / code
        if folder.is_dir():
            files.extend(sorted(folder.glob("*.yaml")))
    return files


def lexicon_data(code: str) -> dict:
    """A language's word lists, merged from its YAML files; read from the start-up cache when
    none of those files (nor this module, which merges them) changed since it was written."""
    files = lexicon_files(code)
    try:  # every source's path, size and modification time: an edited list is read again
        key = [code] + [
            [str(path), stat.st_size, stat.st_mtime_ns]
            for path in [Path(__file__), *files]
            for stat in [path.stat()]
        ]
    except OSError:
        key = None
    where = startup_cache.cache_path(f"lexicon-{code}") if key is not None else None
    stored = startup_cache.read(where)
    if (
        isinstance(stored, dict)
        and stored.get("key") == key
        and isinstance(stored.get("data"), dict)
    ):
        return stored["data"]
    data = read_lexicon_files(files)
    startup_cache.write(where, {"key": key, "data": data})
    return data


def read_lexicon_files(files: list[Path]) -> dict:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: dict = {}
    for path in files:
        loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}
        for key, value in loaded.items():
            if path.stem == "dates" and key == "joiners":
                key = "date_joiners"
            if isinstance(value, list) and isinstance(data.get(key), list):
                data[key] = [*data[key], *value]
            elif isinstance(value, dict) and isinstance(data.get(key), dict):
                data[key] = {**data[key], **value}
            else:
                data[key] = value
    return data
