"""A per-user cache of work every process would otherwise redo at start-up: the lexicons'
parsed YAML, and (for the command line only: `install`) the compiled form of the regular
expressions and a memo of values derived from the lexicons' words.

The directory is `RECONCILE_CACHE_DIR` when set (`off`, or empty, turns every cache off), else
`$XDG_CACHE_HOME/reconcile`, else `~/.cache/reconcile`. File names carry the package version
and the Python implementation and version, so two installations never read each other's
files. The cache is only an optimisation: a file that is missing, unreadable, corrupt or
unwritable is ignored, and the work is done as if there were no cache. Files are written to
a temporary name and renamed into place, so a reader never sees half a file, and two
processes writing at once leave one whole file or the other.

Files hold `marshal` data (plain dicts, lists, strings and numbers; never code that runs on
loading), behind a small header with a checksum of the body.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import zlib
from array import array
from pathlib import Path

from . import __version__

ENV = "RECONCILE_CACHE_DIR"
OFF = "off"
HEADER = b"RCC1"  # format of the files: header, CRC-32 of the body (4 bytes), marshal body


def cache_dir() -> Path | None:
    """The cache directory, or None when caching is off."""
    value = os.environ.get(ENV)
    if value is not None:
        value = value.strip()
        return None if not value or value.lower() == OFF else Path(value).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    if xdg and os.path.isabs(xdg):  # the XDG rule: a relative value is ignored
        return Path(xdg) / "reconcile"
    try:
        return Path.home() / ".cache" / "reconcile"
    except (RuntimeError, KeyError, OSError):  # no home directory to be found
        return None


def runtime_tag() -> str:
    """The package version and the Python that reads and writes the files:
    '0.1.0-cpython-3.11.7'."""
    v = sys.version_info
    return f"{__version__}-{sys.implementation.name}-{v.major}.{v.minor}.{v.micro}"


def cache_path(stem: str) -> Path | None:
    """Where the cache file `stem` lives for this package and Python, or None when off."""
    folder = cache_dir()
    return None if folder is None else folder / f"{stem}-{runtime_tag()}.bin"


def read(path: Path | None):
    """The value stored at `path`, or None when there is none or it cannot be read whole."""
    if path is None:
        return None
    try:
        raw = path.read_bytes()
        body = raw[8:]
        if raw[:4] != HEADER or int.from_bytes(raw[4:8], "little") != zlib.crc32(body):
            return None
        return marshal.loads(body)
    except Exception:  # missing, unreadable, truncated, garbage: no cache
        return None


def write(path: Path | None, value) -> bool:
    """Store `value` at `path` atomically; False (and nothing raised) when it cannot be."""
    if path is None:
        return False
    temp = None
    try:
        body = marshal.dumps(value)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # a name of its own beside the file (not the tempfile module: 5 ms to import)
        name = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(6).hex()}")
        handle = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        temp = name
        with os.fdopen(handle, "wb") as out:
            out.write(HEADER + zlib.crc32(body).to_bytes(4, "little") + body)
        os.replace(temp, path)
        return True
    except Exception:  # unwritable, full disk, a value marshal cannot store: no cache
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        return False


# --------------------------------------------------------------------------- regular expressions

#: Past this many patterns the file keeps only those the last run used.
REGEX_LIMIT = 4000


class RegexCache:
    """Compiled pattern code kept across processes, installed in place of CPython's regex
    compiler (`re._compiler.compile`, written in Python: parsing and code generation cost
    about 0.3 ms a pattern, some of ours much more). For a str pattern and flags it stores
    the code the compiler produced, its group names and count; the next process hands them
    to `_sre.compile`, which is what the compiler itself ends with, in microseconds.

    Only the command line installs it (`install`), never an import of the library; a Python
    whose regex internals differ from what this expects (another implementation or version)
    is detected by `supported` and simply goes without."""

    def __init__(self, path: Path, compiler, sre):
        self.path = path
        self.compiler = compiler  # the re._compiler module
        self.original = compiler.compile
        self.sre = sre
        # the code is stored as the machine's own array of code words: read in a
        # millisecond, and turned into the list `_sre.compile` takes only for the patterns used
        sizes = {array(t).itemsize: t for t in "QLI"}
        self.typecode = sizes.get(getattr(sre, "CODESIZE", 0))
        self.entries: dict | None = None  # read on the first pattern compiled
        self.used: set = set()
        self.added = 0

    def load(self) -> dict:
        if self.entries is None:
            stored = read(self.path)
            self.entries = stored if isinstance(stored, dict) else {}
        return self.entries

    def compile(self, p, flags=0):
        if type(p) is not str or type(flags) is not int or flags & self.compiler.SRE_FLAG_DEBUG:
            return self.original(p, flags)
        key = (p, flags)
        entry = self.load().get(key)
        if entry is not None:
            try:
                pattern = self.build(p, entry)
                self.used.add(key)
                return pattern
            except Exception:  # an entry that does not rebuild: compile it afresh
                pass
        entry, code = self.entry(p, flags)  # a bad pattern raises here as the compiler would
        try:
            pattern = self.build(p, entry, code)
        except Exception:  # not expected once `supported` said yes; the compiler's own then
            return self.original(p, flags)
        self.entries[key] = entry
        self.used.add(key)
        self.added += 1
        return pattern

    def entry(self, p: str, flags: int) -> tuple[tuple, list]:
        """What `re._compiler.compile` computes, as plain values marshal can store; and the
        code as the compiler gave it, for this process."""
        tree = self.compiler._parser.parse(p, flags)
        code = self.compiler._code(tree, flags)
        groupindex = {str(k): int(v) for k, v in tree.state.groupdict.items()}
        indexgroup = [None] * tree.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        stored = array(self.typecode, code).tobytes()
        groups = tree.state.groups - 1
        return (int(flags | tree.state.flags), stored, groups, groupindex, tuple(indexgroup)), code

    def build(self, p: str, entry: tuple, code: list | None = None):
        flags, stored, groups, groupindex, indexgroup = entry
        if code is None:
            code = array(self.typecode, stored).tolist()
        return self.sre.compile(p, flags, code, groups, dict(groupindex), indexgroup)

    def save(self) -> bool:
        """Write the file when this run compiled patterns it did not hold."""
        if not self.added or self.entries is None:
            return False
        entries = self.entries
        if len(entries) > REGEX_LIMIT:
            entries = {key: entries[key] for key in self.used if key in entries}
        return write(self.path, entries)

    def supported(self) -> bool:
        """Does a pattern rebuilt from stored code behave as the compiler's own?"""
        if self.typecode is None:
            return False
        try:
            probe = r"(?P<word>\w+)(?<=[aá])\s*(\d+)?"
            built = self.build(probe, self.entry(probe, 2)[0])  # through the stored form
            real = self.original(probe, 2)
            text = "Casa 12 mesa"
            return (
                built == real  # the same source, flags and code
                and built.flags == real.flags
                and built.groupindex == real.groupindex
                and built.groups == real.groups
                and [m.groups() for m in built.finditer(text)]
                == [m.groups() for m in real.finditer(text)]
            )
        except Exception:
            return False


def install_regex_cache() -> RegexCache | None:
    """Put the regex cache in front of CPython's compiler for the rest of this process and
    save it at exit; None (and nothing changed) when caching is off or this Python's regex
    internals are not the ones it knows."""
    if sys.implementation.name != "cpython":
        return None
    try:
        import _sre
        import re

        compiler = re._compiler
        stem = f"regex-sre{_sre.MAGIC}-{sys.byteorder}"
    except (ImportError, AttributeError):
        return None
    path = cache_path(stem)
    if path is None or isinstance(compiler.compile, RegexCacheCompile):
        return None
    cache = RegexCache(path, compiler, _sre)
    if not all(hasattr(compiler, n) for n in ("_code", "_parser", "SRE_FLAG_DEBUG")):
        return None
    if not cache.supported():
        return None
    compiler.compile = RegexCacheCompile(cache)
    at_exit(cache.save)
    return cache


class RegexCacheCompile:
    """`re._compiler.compile` with the cache in front (a class, so that it is recognised)."""

    def __init__(self, cache: RegexCache):
        self.cache = cache

    def __call__(self, p, flags=0):
        return self.cache.compile(p, flags)


def uninstall_regex_cache() -> None:
    """Give `re` its own compiler back (tests)."""
    import re

    current = re._compiler.compile
    if isinstance(current, RegexCacheCompile):
        re._compiler.compile = current.cache.original


# --------------------------------------------------------------------------- derived values

#: Past this many values of one function the file keeps only those the last run used.
MEMO_LIMIT = 2000
MISSING = object()


class Memo:
    """Values that pure functions of this package derive from the lexicons' words (the regex
    source of a word trie), kept across processes as the compiled patterns are, and like them
    only for the command line (`install`). A function's values are tied to the size and time
    of the file that defines it: once that file is edited, they are computed afresh."""

    def __init__(self, path: Path):
        self.path = path
        self.tables: dict | None = None  # name -> [stamp, {key: value}], read on first use
        self.stamps: dict[str, list[int]] = {}
        self.used: set = set()
        self.added = 0

    def load(self) -> dict:
        if self.tables is None:
            stored = read(self.path)
            self.tables = stored if isinstance(stored, dict) else {}
        return self.tables

    def recall(self, name: str, source: str, key, compute):
        stamp = self.stamps.get(name)
        if stamp is None:
            try:
                stat = os.stat(source)
            except OSError:
                return compute()
            stamp = self.stamps[name] = [stat.st_size, stat.st_mtime_ns]
        tables = self.load()
        table = tables.get(name)
        if not isinstance(table, list) or len(table) != 2 or table[0] != stamp:
            table = tables[name] = [stamp, {}]
        found = table[1].get(key, MISSING)
        if found is MISSING:
            found = table[1][key] = compute()
            self.added += 1
        self.used.add((name, key))
        return found

    def save(self) -> bool:
        """Write the file when this run computed values it did not hold."""
        if not self.added or self.tables is None:
            return False
        tables = {}
        for name, (stamp, values) in self.tables.items():
            if len(values) > MEMO_LIMIT:
                values = {k: v for k, v in values.items() if (name, k) in self.used}
            tables[name] = [stamp, values]
        return write(self.path, tables)


_memo: Memo | None = None


def remembered(name: str, source: str, key, compute):
    """`compute()`, or the value it gave for `key` in an earlier process when the command line
    installed the memo. `name` names the function, `source` is the file that defines it, `key`
    holds everything the value depends on (plain values marshal can store)."""
    memo = _memo
    return compute() if memo is None else memo.recall(name, source, key, compute)


def install_memo() -> Memo | None:
    global _memo
    if _memo is not None:
        return None
    path = cache_path("memo")
    if path is None:
        return None
    _memo = Memo(path)
    at_exit(_memo.save)
    return _memo


def install() -> None:
    """What the command line does before its work: the regex cache and the memo, both saved
    at exit. Importing the library installs neither."""
    install_regex_cache()
    install_memo()


def at_exit(save) -> None:
    import atexit

    atexit.register(save)
