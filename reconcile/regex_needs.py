"""What a regular expression needs in a text to match, read off its parsed form: a digit
(`requires_a_digit`), words (`required_words`), one of a few strings (`required_literals`).
Each answer errs only towards "may match", so that a caller that skips a pattern on it skips
only patterns that could not have matched.
"""

from __future__ import annotations

import re
from re import _constants as sre
from re import _parser


def requires_a_digit(regex: str, flags: int = 0) -> bool:
    """Does every match of `regex` hold a digit? Read off the parsed regex along what a match
    cannot skip (groups, every branch of an alternation, repeats of at least one); anything
    else (a lookaround, an unusual construct, a regex that does not parse) answers False, so
    that a caller only ever skips a pattern that could not have matched."""
    digit = [(sre.CATEGORY, sre.CATEGORY_DIGIT)]

    def item(op, value) -> bool:
        if op is sre.LITERAL:
            return chr(value).isdigit()
        if op is sre.IN:
            return list(value) == digit
        if op is sre.SUBPATTERN:
            return sequence(value[3])
        if op is sre.BRANCH:
            return all(sequence(branch) for branch in value[1])
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            return value[0] >= 1 and sequence(value[2])
        if op is sre.ATOMIC_GROUP:
            return sequence(value)
        return False

    def sequence(items) -> bool:
        return any(item(op, value) for op, value in items)

    try:
        return sequence(_parser.parse(regex, flags))
    except Exception:
        return False


def required_words(regex: str) -> tuple[str, ...]:
    """Runs of ASCII letters that any match of `regex` must contain, found by walking the
    parsed regex along what it cannot skip (groups, repeats of at least one)."""
    runs: list[str] = []

    def walk(items) -> None:
        current = ""
        for op, value in items:
            if op is sre.LITERAL and chr(value).isascii() and chr(value).isalpha():
                current += chr(value)
                continue
            if len(current) >= 3:
                runs.append(current.casefold())
            current = ""
            if op is sre.SUBPATTERN and not value[1] and not value[2]:
                walk(value[3])
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and value[0] >= 1:
                walk(value[2])
        if len(current) >= 3:
            runs.append(current.casefold())

    try:
        walk(_parser.parse(regex, re.I))
    except Exception:  # an unusual regex: no shortcut, the pattern runs as always
        return ()
    return tuple(runs)


#: The characters outside ASCII that a case-insensitive pattern reads as an ASCII letter
#: (dotted and dotless i, the Kelvin sign, the long s): a text holding one is not prefiltered.
CASE_TWINS = re.compile("[\u0130\u0131\u212a\u017f]")


def required_literals(regex: str, flags: int = 0) -> frozenset[str] | None:
    """Strings of ASCII characters, lower-cased, one of which every match of `regex` holds
    (in any case), or None when no such set is read off the parsed regex. Read along what a
    match cannot skip: runs of literal characters, groups, every branch of an alternation,
    repeats of at least one; of the sets found, the one whose shortest string is longest."""

    def sequence(items) -> frozenset[str] | None:
        found: list[frozenset[str]] = []
        run = ""
        for op, value in items:
            if op is sre.LITERAL and value < 128:
                run += chr(value).lower()
                continue
            if run:
                found.append(frozenset({run}))
                run = ""
            needed = None
            if op is sre.SUBPATTERN:
                needed = sequence(value[3])
            elif op is sre.BRANCH:
                branches = [sequence(branch) for branch in value[1]]
                if all(b is not None for b in branches):
                    needed = frozenset().union(*branches)
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and value[0] >= 1:
                needed = sequence(value[2])
            elif op is sre.ATOMIC_GROUP:
                needed = sequence(value)
            if needed is not None:
                found.append(needed)
        if run:
            found.append(frozenset({run}))
        return max(found, key=lambda s: (min(map(len, s)), -len(s)), default=None)

    try:
        return sequence(_parser.parse(regex, flags))
    except Exception:  # an unusual regex: no shortcut, it runs as always
        return None


def written_in(needed: frozenset[str] | None):
    """A test of a lower-cased text: does it hold one of `needed`? None when there is nothing
    to test (every text may match). A string holding another of the set occurs only where
    that one does: the shorter alone is tested. Plain substring tests, one after the other:
    for the few strings a pattern needs, faster than an alternation of them."""
    if needed is None:
        return None
    tests = tuple(sorted(w for w in needed if not any(o != w and o in w for o in needed)))
    if len(tests) == 1:
        (only,) = tests
        return lambda lowered: only in lowered

    def written(lowered: str) -> bool:
        for test in tests:  # noqa: SIM110  (a loop: faster than any() over a generator)
            if test in lowered:
                return True
        return False

    return written


def anchored(pattern: re.Pattern) -> bool:
    """Does every match of `pattern` start at the beginning of the text (a leading `^` or
    `\\A`, not in MULTILINE mode)? A search of it is one attempt at the start, cheaper than
    any test of what it needs."""
    if pattern.flags & re.MULTILINE:
        return False
    try:
        items = list(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:
        return False
    return bool(items) and items[0] in (
        (sre.AT, sre.AT_BEGINNING),
        (sre.AT, sre.AT_BEGINNING_STRING),
    )


def gated(patterns) -> list[tuple[re.Pattern, object]]:
    """Each pattern with the test (`written_in`) of the strings it needs, for `any_search`;
    none for a pattern anchored at the start of the text (`anchored`)."""
    return [
        (p, None if anchored(p) else written_in(required_literals(p.pattern, p.flags)))
        for p in patterns
    ]


def any_search(patterns: list[tuple[re.Pattern, object]], text: str) -> bool:
    """`any(p.search(text) for p in patterns)` for patterns given by `gated`, passing over
    each pattern none of whose required strings is in the text."""
    lowered = None
    for pattern, written in patterns:
        if written is not None:
            if lowered is None:
                lowered = "" if CASE_TWINS.search(text) else text.lower()
            if lowered and not written(lowered):
                continue
        if pattern.search(text):
            return True
    return False
