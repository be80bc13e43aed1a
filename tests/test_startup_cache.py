"""The start-up cache: where it lives, that it never changes a claim (cold, warm, off, corrupt,
unwritable), that an edited lexicon is read again, and that the regex cache rebuilds patterns
equal to the compiler's own."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import INVENTED_ARTICLES, ROOT, SOURCES, write

from reconcile import startup_cache
from reconcile.lexicon import lexicon_data

# --------------------------------------------------------------------------- the directory


def test_the_directory_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("RECONCILE_CACHE_DIR", str(tmp_path / "mine"))
    assert startup_cache.cache_dir() == tmp_path / "mine"
    for off in ("off", "OFF", "", "  "):
        monkeypatch.setenv("RECONCILE_CACHE_DIR", off)
        assert startup_cache.cache_dir() is None
        assert startup_cache.cache_path("lexicon-en") is None
    monkeypatch.delenv("RECONCILE_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert startup_cache.cache_dir() == tmp_path / "xdg" / "reconcile"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # not absolute: ignored, as XDG says
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert startup_cache.cache_dir() == tmp_path / "home" / ".cache" / "reconcile"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert startup_cache.cache_dir() == tmp_path / "home" / ".cache" / "reconcile"


def test_file_names_carry_the_version_and_the_python(monkeypatch, tmp_path):
    from reconcile import __version__

    monkeypatch.setenv("RECONCILE_CACHE_DIR", str(tmp_path))
    name = startup_cache.cache_path("lexicon-es").name
    assert __version__ in name and sys.implementation.name in name
    assert f"{sys.version_info.major}.{sys.version_info.minor}" in name


# --------------------------------------------------------------------------- reading and writing


def test_a_value_comes_back_whole(tmp_path):
    path = tmp_path / "sub" / "value.bin"
    value = {"key": [1, "dos", 3.5, True, None], ("a", 2): b"\x00\x01"}
    assert startup_cache.write(path, value)
    assert startup_cache.read(path) == value
    assert [p.name for p in path.parent.iterdir()] == ["value.bin"]  # no temporary left


def test_garbage_truncation_and_absence_read_as_no_cache(tmp_path):
    path = tmp_path / "value.bin"
    assert startup_cache.read(path) is None
    assert startup_cache.read(None) is None
    path.write_bytes(b"not a cache file at all")
    assert startup_cache.read(path) is None
    startup_cache.write(path, {"words": ["uno", "dos"] * 100})
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])  # cut short
    assert startup_cache.read(path) is None
    path.write_bytes(whole[:-1] + bytes([whole[-1] ^ 1]))  # one bit changed
    assert startup_cache.read(path) is None


def test_an_unwritable_place_is_no_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way", encoding="utf-8")
    assert startup_cache.write(blocker / "value.bin", {"a": 1}) is False  # parent is a file
    assert startup_cache.write(tmp_path / "x.bin", {"a": object()}) is False  # not storable
    assert not (tmp_path / "x.bin").exists() and sorted(os.listdir(tmp_path)) == ["a-file"]
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        written = startup_cache.write(locked / "value.bin", {"a": 1})
        if os.geteuid() != 0:  # root writes anyway
            assert written is False and not list(locked.iterdir())
    finally:
        locked.chmod(0o700)


def test_writers_at_once_leave_a_whole_file(tmp_path):
    path = tmp_path / "value.bin"
    values = [{"writer": n, "words": [f"w{n}-{i}" for i in range(3000)]} for n in range(4)]
    startup_cache.write(path, values[0])
    seen: list = []
    stop = threading.Event()

    def reader():
        while not stop.is_set():
            seen.append(startup_cache.read(path))

    def writer(value):
        for _ in range(30):
            assert startup_cache.write(path, value)

    threads = [threading.Thread(target=writer, args=(v,)) for v in values]
    watcher = threading.Thread(target=reader)
    watcher.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stop.set()
    watcher.join()
    assert seen and all(value in values for value in seen)
    assert [p.name for p in tmp_path.iterdir()] == ["value.bin"]


# --------------------------------------------------------------------------- the lexicons


def test_an_edited_lexicon_is_read_again(monkeypatch, tmp_path):
    monkeypatch.setenv("RECONCILE_CACHE_DIR", str(tmp_path / "cache"))
    extra = tmp_path / "lists"
    monkeypatch.setenv("RECONCILE_LEXICON_DIR", str(extra))
    own = write(extra / "en" / "extra.yaml", "titles: [wharfinger]\n")
    first = lexicon_data("en")
    assert "wharfinger" in first["titles"]
    assert len(list((tmp_path / "cache").glob("lexicon-en-*.bin"))) == 1

    import reconcile.lexicon as module

    def no_yaml(files):
        raise AssertionError("read from the cache, not from the YAML")

    monkeypatch.setattr(module, "read_lexicon_files", no_yaml)
    assert lexicon_data("en") == first  # warm: not parsed again
    monkeypatch.undo()
    monkeypatch.setenv("RECONCILE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("RECONCILE_LEXICON_DIR", str(extra))

    own.write_text("titles: [wharfinger, harbourmaster]\n", encoding="utf-8")
    assert "harbourmaster" in lexicon_data("en")["titles"]
    # the same size, a new time: read again as well
    own.write_text("titles: [wharfinger, lockkeepers]\n", encoding="utf-8")
    stat = own.stat()
    os.utime(own, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    again = lexicon_data("en")
    assert "lockkeepers" in again["titles"] and "harbourmaster" not in again["titles"]
    monkeypatch.delenv("RECONCILE_LEXICON_DIR")
    assert "wharfinger" not in lexicon_data("en")["titles"]  # the shipped lists alone


def test_the_cached_lexicon_is_the_parsed_one(monkeypatch, tmp_path):
    from reconcile.lexicon import available_languages, lexicon_files, read_lexicon_files

    monkeypatch.setenv("RECONCILE_CACHE_DIR", str(tmp_path))
    for code in available_languages():
        parsed = read_lexicon_files(lexicon_files(code))
        lexicon_data(code)  # writes
        cached = lexicon_data(code)  # reads
        assert cached == parsed
        assert json.dumps(cached, sort_keys=False) == json.dumps(parsed, sort_keys=False)


def test_a_corrupt_lexicon_cache_is_read_past(monkeypatch, tmp_path):
    monkeypatch.setenv("RECONCILE_CACHE_DIR", str(tmp_path))
    good = lexicon_data("es")
    for path in tmp_path.glob("lexicon-es-*.bin"):
        path.write_bytes(b"\x00garbage\xff" * 50)
    assert lexicon_data("es") == good


# --------------------------------------------------------------------------- compiled patterns

PATTERNS = [
    (r"(?P<n>\d{1,3}(?:,\d{3})*)\s+(?:people|personas)\b", re.I),
    (
        r"(?<![\w'’-])(?:p[oóòôöõ]l[iíìîï]c[eéèêë](?:\s+[oóòôöõ]ff[iíìîï]c[eéèêë]rs)?)(?![\w-])",
        re.I,
    ),
    (r"^(?P<day>\d{1,2}) de (?P<month>\w+)(?: de (?P<year>\d{4}))?$", re.M),
    (
        r"""(?x) (?P<word> [A-ZÁÉÍÓÚÑ][a-záéíóúñ]+ )  # a capitalised word
          (?: \s+ (?P=word) )?""",
        0,
    ),
    (r"[^\W\d_]+|\d+(?:[.,]\d+)?", re.U),
    (r"(a|b)*?c{2,5}(?=d)|(?<=x)y", re.S | re.A),
]
TEXT = "Unos 1,200 personas y 40 police officers; 9 de marzo de 2024\nAna Ana, ccd xy 3,5 ÁBC"


def fresh(path: Path) -> startup_cache.RegexCache:
    import _sre

    return startup_cache.RegexCache(path, re._compiler, _sre)


def test_rebuilt_patterns_equal_the_compilers_own(tmp_path):
    path = tmp_path / "regex.bin"
    cold = fresh(path)
    assert cold.supported()
    original = re._compiler.compile
    built = [cold.compile(p, int(f)) for p, f in PATTERNS]
    assert cold.added == len(PATTERNS) and cold.save()
    warm = fresh(path)
    rebuilt = [warm.compile(p, int(f)) for p, f in PATTERNS]
    assert warm.added == 0 and not warm.save()  # nothing new: the file is not written again
    for (p, f), a, b in zip(PATTERNS, built, rebuilt, strict=True):
        real = original(p, int(f))
        for pattern in (a, b):
            assert pattern == real  # same source, flags and code
            assert (pattern.flags, pattern.groups, pattern.groupindex) == (
                real.flags,
                real.groups,
                real.groupindex,
            )
            assert [m.span() + m.groups() for m in pattern.finditer(TEXT)] == [
                m.span() + m.groups() for m in real.finditer(TEXT)
            ]


def test_bad_entries_and_bad_patterns(tmp_path):
    path = tmp_path / "regex.bin"
    cache = fresh(path)
    pattern, flags = PATTERNS[0]
    cache.compile(pattern, int(flags))
    key = (pattern, int(flags))
    entry = cache.entries[key]
    cache.entries[key] = (entry[0], b"\xff" * 12, *entry[2:])  # code that does not validate
    cache.save()
    again = fresh(path)
    assert again.compile(pattern, int(flags)) == re._compiler.compile(pattern, int(flags))
    with pytest.raises(re.error):
        again.compile(r"(unclosed", 0)  # the compiler's own error
    assert (r"(unclosed", 0) not in again.entries


def test_the_file_keeps_the_last_run_when_it_grows(tmp_path, monkeypatch):
    path = tmp_path / "regex.bin"
    monkeypatch.setattr(startup_cache, "REGEX_LIMIT", 5)
    first = fresh(path)
    for n in range(8):
        first.compile(rf"old{n}\d+", 0)
    first.save()  # over the limit: only this run's, all 8
    second = fresh(path)
    second.compile(r"new\d+", 0)
    second.compile(r"old1\d+", 0)
    second.save()
    kept = startup_cache.read(path)
    assert sorted(p for p, _ in kept) == [r"new\d+", r"old1\d+"]


def test_the_memo_remembers_until_its_source_changes(tmp_path, monkeypatch):
    source = tmp_path / "module.py"
    source.write_text("# one\n", encoding="utf-8")
    calls = []

    def compute():
        calls.append(1)
        return "value"

    memo = startup_cache.Memo(tmp_path / "memo.bin")
    monkeypatch.setattr(startup_cache, "_memo", memo)
    key = frozenset({"a", "b"})
    assert startup_cache.remembered("f", str(source), key, compute) == "value"
    assert startup_cache.remembered("f", str(source), key, compute) == "value"
    assert len(calls) == 1 and memo.save()
    monkeypatch.setattr(startup_cache, "_memo", startup_cache.Memo(tmp_path / "memo.bin"))
    assert startup_cache.remembered("f", str(source), key, compute) == "value"
    assert len(calls) == 1  # from the file
    source.write_text("# two, edited\n", encoding="utf-8")
    monkeypatch.setattr(startup_cache, "_memo", startup_cache.Memo(tmp_path / "memo.bin"))
    assert startup_cache.remembered("f", str(source), key, compute) == "value"
    assert len(calls) == 2  # the function's file changed: computed again
    monkeypatch.setattr(startup_cache, "_memo", None)
    startup_cache.remembered("f", str(source), key, compute)
    assert len(calls) == 3  # not installed (the library): always computed


# --------------------------------------------------------------------------- whole processes


def run(*args: str, cache, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "RECONCILE_CACHE_DIR": str(cache)}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, "-m", "reconcile", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    if check:
        assert done.returncode in (0, 1), done.stderr
    return done


DRAFTS = {
    "en.md": "Harbour master Tomas Whitcombe, 55, said nineteen people died in the Portvale fire"
    " on Tuesday, March 5, 2024. Police arrested 4 people.\n",
    "es.md": "Al menos 41 personas murieron en las inundaciones de Valdorra el lunes 4 de marzo"
    " de 2024. La alcaldesa Marisol Quintero, de 46 años, pidió ayuda.\n",
}


def outputs(cache, corpus: Path, drafts: Path, db: Path) -> dict[str, str]:
    """What a user sees: the claims stored from the corpus, and each draft's check."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    run("ingest", str(SOURCES), str(corpus), "--db", str(db), "-q", cache=cache)
    seen = {"claims": run("claims", "--db", str(db), "-f", "json", cache=cache).stdout}
    for name in DRAFTS:
        draft = str(drafts / name)
        seen[name] = run("check", draft, "--db", str(db), "-f", "json", cache=cache).stdout
    return seen


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("startup")
    for name, text in INVENTED_ARTICLES.items():
        write(folder / "corpus" / name, text)
    for name, text in DRAFTS.items():
        write(folder / "drafts" / name, text)
    return folder / "corpus", folder / "drafts"


def test_claims_are_the_same_cold_warm_off_corrupt_and_unwritable(corpus, tmp_path):
    articles, drafts = corpus
    db = tmp_path / "claims.db"
    cache = tmp_path / "cache"
    off = outputs("off", articles, drafts, db)
    assert json.loads(off["claims"])["claims"] and all(off.values())
    assert not cache.exists()
    cold = outputs(cache, articles, drafts, db)
    files = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    assert {name.split("-")[0] for name in files} == {"lexicon", "regex", "memo"}
    warm = outputs(cache, articles, drafts, db)
    assert cold == off and warm == off
    # a warm run compiled nothing new: no file written again (patterns built in a fixed order)
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == files

    for path in cache.iterdir():  # garbage in every file
        path.write_bytes(os.urandom(64))
    assert outputs(cache, articles, drafts, db) == off

    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder would be", encoding="utf-8")
    assert outputs(blocked / "cache", articles, drafts, db) == off

    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        assert outputs(locked, articles, drafts, db) == off
        if os.geteuid() != 0:
            assert not list(locked.iterdir())
    finally:
        locked.chmod(0o700)


def test_only_the_command_line_installs_the_regex_cache(tmp_path):
    probe = (
        "import re, reconcile.extract, reconcile.ingest, reconcile.check;"
        " from reconcile.ingest import analyse;"
        " print(type(re._compiler.compile).__name__)"
    )
    env = {**os.environ, "RECONCILE_CACHE_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert done.stdout.strip() == "function"
    assert not list(tmp_path.glob("regex-*")) and not list(tmp_path.glob("memo-*"))
    run("--help", cache=tmp_path)
    assert len(list(tmp_path.glob("regex-*"))) == 1
    version = run("--version", cache=tmp_path / "version")
    assert version.stdout.startswith("reconcile ") and not (tmp_path / "version").exists()


def test_another_python_goes_without(tmp_path, monkeypatch):
    """A Python whose `_sre` takes other arguments: the probe fails, nothing is installed."""
    import _sre

    class Other:
        CODESIZE = _sre.CODESIZE
        MAGIC = _sre.MAGIC

        @staticmethod
        def compile(*args):
            raise TypeError("compile() takes other arguments here")

    cache = startup_cache.RegexCache(tmp_path / "regex.bin", re._compiler, Other)
    assert not cache.supported()
    odd = startup_cache.RegexCache(tmp_path / "regex.bin", re._compiler, type("S", (), {}))
    assert odd.typecode is None and not odd.supported()
    monkeypatch.setattr(sys.implementation, "name", "pypy")
    assert startup_cache.install_regex_cache() is None
    assert type(re._compiler.compile).__name__ == "function"


def test_alternations_are_the_same_in_every_process():
    """Patterns built from a set of words come out the same whatever the hash seed: otherwise
    each process would compile them afresh instead of reading them from the cache."""
    probe = (
        "from reconcile.lexicon import lexicon;"
        " from reconcile.extract.people import name_pattern;"
        " from reconcile.numbers import number_pattern;"
        " from reconcile.extract.ages import number_regex;"
        " print([lexicon(c).alternation('auxiliaries', 'words') for c in ('en', 'es')],"
        " [name_pattern(lexicon(c)).pattern for c in ('en', 'es')],"
        " [number_pattern(c).pattern for c in ('en', 'es')],"
        " [number_regex(c) for c in ('en', 'es')])"
    )
    seen = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "RECONCILE_CACHE_DIR": "off"}
        done = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=ROOT
        )
        assert done.returncode == 0, done.stderr
        seen.add(done.stdout)
    assert len(seen) == 1


def test_age_pattern_words_need_not_parse_the_number_words():
    from reconcile.extract.ages import age_pattern_sources, age_pattern_words, required_words
    from reconcile.lexicon import available_languages

    for code in available_languages():
        full = [required_words(pattern) for pattern in age_pattern_sources(code)]
        assert age_pattern_words(code) == full
