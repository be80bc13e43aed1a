"""Stage 1, load: files on disk (or standard input) become `Document`s with metadata.

Formats: .txt, .md (optional YAML front matter), .html/.htm (article text only), .jsonl (one
document a line). Metadata comes, in rising order of precedence, from the text itself (a "By ..."
byline near the top), a `manifest.yaml`/`manifest.csv` beside the files, the document's own
front matter or JSONL fields, and finally command-line overrides. A document that none of these
dates is dated by its page (`dating.page_date`: its address, a stamp, a dateline), and
`published_from` says which.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .dates import find_date
from .dating import page_date
from .models import METADATA_FIELDS, Document

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".jsonl", ".ndjson"}
MANIFEST_NAMES = ("manifest.yaml", "manifest.yml", "manifest.csv")
FIELD_ALIASES = {
    "date": "published",
    "published_at": "published",
    "source": "outlet",
    "lang": "language",
}


class LoadError(Exception):
    """A file that cannot become a document; the message names the reason in a few words."""


@dataclass
class LoadResult:
    documents: list[Document] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)


# --------------------------------------------------------------------------- decoding


def decode(data: bytes) -> str:
    """Bytes to NFC text (see `decode_with_warnings`).

    >>> decode("Terán".encode("cp1252"))
    'Terán'
    """
    return decode_with_warnings(data)[0]


def decode_with_warnings(data: bytes) -> tuple[str, list[str]]:
    """Bytes to NFC text, by the evidence of the whole file: BOMs first; then UTF-8, with a
    few stray bytes (a Windows-1252 "é" pasted into a UTF-8 article) read as Windows-1252 and
    named in a warning; legacy Windows-1252/Latin-1 only when the file as a whole is not UTF-8.
    """
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        text, stray = utf8_repaired(data[3:])
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        stray = 0
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise LoadError(
                "not valid UTF-16 text (it starts with a UTF-16 byte-order mark)"
            ) from None
    else:
        if looks_binary(data):
            raise LoadError("binary file, not text")
        try:
            text, stray = data.decode("utf-8"), 0
        except UnicodeDecodeError:
            text, stray = utf8_repaired(data)
            multibyte = sum(1 for character in text if ord(character) > 0x7F) - stray
            # A legacy file holds next to no valid UTF-8 sequence (one needs a lead byte followed
            # by the right continuation bytes): it says "not UTF-8" as a whole.
            if multibyte * 4 < stray:
                text, stray = decode_legacy(data), 0
    if stray:
        warnings.append(
            f"{stray:,} byte{'s' if stray > 1 else ''} not valid UTF-8, read as Windows-1252"
        )
    if "\x00" in text:
        raise LoadError("text holds NUL bytes (binary or corrupt)")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text, warnings


def utf8_repaired(data: bytes) -> tuple[str, int]:
    """UTF-8 with each byte that is not valid UTF-8 read as Windows-1252 (U+FFFD where that
    has no character either); returns the text and the count of such bytes."""
    stray = 0

    def repair(error: UnicodeDecodeError) -> tuple[str, int]:
        nonlocal stray
        bad = error.object[error.start : error.end]
        stray += len(bad)
        return bad.decode("cp1252", errors="replace"), error.end

    codecs.register_error("reconcile-stray-bytes", repair)
    return data.decode("utf-8", errors="reconcile-stray-bytes"), stray


#: Control bytes that a text file does not hold (tab, line feed, form feed, return it may).
CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def looks_binary(data: bytes) -> bool:
    """NUL bytes or a high share of control characters in the first 8 KB."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, CONTROL_BYTES))  # counted in C, not per byte
    return bool(head) and controls / len(head) > 0.05


def decode_legacy(data: bytes) -> str:
    """Text that is not UTF-8: Windows-1252 when it decodes cleanly (by far the commonest
    legacy encoding in Spanish- and English-language newsrooms), else the detector's guess."""
    try:
        text = data.decode("cp1252")
        if not re.search(r"[\x80-\x9f]", text):
            return text
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return str(best)
    return data.decode("latin-1")


def read_limited(path: Path, max_bytes: int) -> bytes | None:
    """A file's bytes, or None when it holds more than `max_bytes` (never reading past them)."""
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    return None if len(data) > max_bytes else data


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_id(text: str, outlet: str | None) -> str:
    """A document is one outlet's publication of a text: the same wire copy from two outlets
    is two documents (whose texts share a `content_hash`)."""
    return hashlib.sha256(f"{outlet or ''}\x1f{text}".encode()).hexdigest()


# --------------------------------------------------------------------------- formats


def yaml_and_loader():
    """PyYAML and libyaml's safe loader where PyYAML has it (the wheels do): the same data,
    parsed in C. Front matter is parsed once per article, and a manifest can list a whole
    archive. Imported on first use: a draft without front matter (`check`) needs no YAML."""
    import yaml

    return yaml, getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def __getattr__(name: str):
    if name == "SAFE_LOADER":
        return yaml_and_loader()[1]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def split_front_matter(text: str) -> tuple[dict, str, int]:
    """`---` YAML front matter at the top of a Markdown file: (fields, body, body offset)."""
    match = re.match(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", text, re.S)
    if not match:
        return {}, text, 0
    yaml, loader = yaml_and_loader()
    try:
        fields = yaml.load(match.group(1), Loader=loader) or {}
    except yaml.YAMLError as error:
        raise LoadError(f"front matter is not valid YAML ({first_line(error)})") from None
    if not isinstance(fields, dict):
        raise LoadError("front matter is not a mapping of fields")
    return fields, text[match.end() :], match.end()


BLOCK_TAGS = (
    "p,h1,h2,h3,h4,h5,h6,li,blockquote,pre,figcaption,td,th,dt,dd,div,section,article,br,tr"
)
DROP_TAGS = (
    "script,style,noscript,template,nav,header,footer,aside,form,iframe,svg,canvas,"
    "button,select,textarea,menu,object,embed"
)


MAX_HTML_DEPTH = 1000
HTML_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(/?)>")
VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr keygen frame".split()  # noqa: SIM905
)
ONCE_TAGS = frozenset(("html", "head", "body"))
# A start tag that ends the current element when it is one of these (the parser's implied end
# tags, in the contexts where they hold for certain). Anywhere else the element nests.
ENDS_CURRENT = {
    "p": {"p"},
    "li": {"li"},
    "dt": {"dt", "dd"},
    "dd": {"dt", "dd"},
    "option": {"option"},
    "optgroup": {"option"},
    "td": {"td", "th"},
    "th": {"td", "th"},
    "tr": {"td", "th", "tr"},
}
TABLE_PARTS = frozenset("td th tr thead tbody tfoot caption colgroup".split())  # noqa: SIM905
RUBY_PARTS = frozenset(("rb", "rt", "rtc", "rp"))
# HTML elements that break out of SVG and MathML: there `<div/>` is a start tag that nests.
BREAKOUT_TAGS = frozenset(
    "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img"  # noqa: SIM905
    " li listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul"
    " var font".split()
)


# The parser's work grows with the square of the <option>s of a <select> (64,000 took 7 s):
# a real page has a few hundred at most, and their text is never an article's.
MAX_HTML_OPTIONS = 10_000
OPTION_TAG = re.compile(r"<option\b", re.I)


def nesting_depth(html: str, limit: int = MAX_HTML_DEPTH) -> int:
    """How deep a page's elements would nest, from its tags alone, up to just past `limit`.

    An HTML parser's work grows with the square of the depth (100,000 nested <div>s, <rb>s or
    <optgroup>s take it minutes), so depth is judged before parsing. The count errs high: an
    optional end tag is implied only where the parser certainly implies it (a <li> after a
    <li>, a <tr> in a table, an <rb> in a <ruby>), and a self-closing tag counts as closed only
    inside SVG or MathML, and not for the HTML elements that break out of them."""
    if html.count("<") <= limit:
        return 0
    stack: list[str] = []
    open_count: dict[str, int] = {}
    deepest = 0

    def pop() -> None:
        open_count[stack[-1]] -= 1
        stack.pop()

    for match in HTML_TAG.finditer(html):
        closing, name, self_closing = match.groups()
        name = name.lower()
        if name in VOID_TAGS or name in ONCE_TAGS:
            continue
        if closing:
            if open_count.get(name):
                while stack[-1] != name:
                    pop()
                pop()
            continue
        foreign = open_count.get("svg") or open_count.get("math")
        if self_closing and foreign and name not in BREAKOUT_TAGS:
            continue
        if name in TABLE_PARTS and name not in ENDS_CURRENT and open_count.get("table"):
            while stack and stack[-1] in TABLE_PARTS:
                pop()
        elif name in RUBY_PARTS and open_count.get("ruby"):
            while stack and stack[-1] in RUBY_PARTS and not (name == "rt" and stack[-1] == "rtc"):
                pop()
        else:
            if stack and stack[-1] in ENDS_CURRENT.get(name, ()):
                pop()
            if name == "tr" and stack and stack[-1] == "tr":
                pop()
            if (
                name == "optgroup"
                and stack
                and stack[-1] == "optgroup"
                and open_count.get("select")
            ):
                pop()
        stack.append(name)
        open_count[name] = open_count.get(name, 0) + 1
        if len(stack) > deepest:
            deepest = len(stack)
            if deepest > limit:
                break
    return deepest


def tree_depth(node) -> int:
    """The depth of a parsed tree, walked with a stack (never recursion)."""
    deepest = 0
    stack = [(node, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        child = node.child
        while child is not None:
            stack.append((child, depth + 1))
            child = child.next
    return deepest


def html_to_text(html: str) -> tuple[str, dict]:
    """Article text of an HTML page, one paragraph a block; scripts, styles and navigation go.

    Returns the text and the metadata the page declares (title, author, date, language).
    """
    from selectolax.lexbor import LexborHTMLParser

    if nesting_depth(html) > MAX_HTML_DEPTH:
        raise LoadError(
            f"HTML nested more than {MAX_HTML_DEPTH:,} elements deep (broken or hostile)"
        )
    if len(OPTION_TAG.findall(html)) > MAX_HTML_OPTIONS:  # flat, yet quadratic
        raise LoadError(f"HTML with more than {MAX_HTML_OPTIONS:,} <option>s (broken or hostile)")

    tree = LexborHTMLParser(html)
    if tree.root is not None and tree_depth(tree.root) > MAX_HTML_DEPTH + 2:  # html, body
        raise LoadError(
            f"HTML nested more than {MAX_HTML_DEPTH:,} elements deep (broken or hostile)"
        )
    meta = html_metadata(tree)
    for node in tree.css(DROP_TAGS):
        node.decompose()
    for node in tree.css('[role="navigation"],[aria-hidden="true"],.comments,#comments'):
        node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    if root is None:
        return "", meta
    for node in root.css(BLOCK_TAGS):
        node.insert_before("\n\n")
        node.insert_after("\n\n")
    text = root.text(separator="", deep=True)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")]
    paragraphs, current = [], []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs), meta


def html_metadata(tree) -> dict:
    meta: dict[str, str] = {}
    title = tree.css_first("title")
    if title is not None and title.text(strip=True):
        meta["title"] = title.text(strip=True)
    wanted = {
        "og:title": "title",
        "author": "author",
        "article:author": "author",
        "article:published_time": "published",
        "date": "published",
        "og:site_name": "outlet",
        "og:url": "url",
    }
    for node in tree.css("meta"):
        key = node.attributes.get("property") or node.attributes.get("name") or ""
        content = node.attributes.get("content")
        if key.lower() in wanted and content:
            meta.setdefault(wanted[key.lower()], content.strip())
    html = tree.css_first("html")
    if html is not None and html.attributes.get("lang"):
        meta["language"] = (html.attributes.get("lang") or "").split("-")[0].lower()
    return meta


def first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


# --------------------------------------------------------------------------- metadata


@lru_cache(maxsize=256)
def read_manifest(folder: str, max_bytes: int = DEFAULT_MAX_BYTES) -> dict[str, dict]:
    """File name -> metadata from a manifest.yaml or manifest.csv in `folder` (a regular file
    within the size limit: a manifest is read whole, and parsed into memory)."""
    for name in MANIFEST_NAMES:
        path = Path(folder) / name
        if not path.is_file():
            continue
        yaml, loader = yaml_and_loader()
        try:
            data = read_limited(path, max_bytes)
            if data is None:
                raise LoadError(
                    f"{name} beside it is {path.stat().st_size:,} bytes,"
                    f" over the {max_bytes:,}-byte limit"
                )
            text = decode(data)
            if name.endswith(".csv"):
                rows = list(csv.DictReader(io.StringIO(text)))
            else:
                data = yaml.load(text, Loader=loader) or {}
                rows = data.get("documents", []) if isinstance(data, dict) else data
        except yaml.YAMLError as error:
            raise LoadError(f"{name} beside it is not valid YAML ({first_line(error)})") from None
        except LoadError as error:
            if str(error).startswith(name):
                raise
            raise LoadError(f"{name} beside it cannot be read ({error})") from None
        except csv.Error as error:
            raise LoadError(f"{name} beside it cannot be read ({error})") from None
        except OSError as error:
            raise LoadError(
                f"{name} beside it cannot be read ({error.strerror or error})"
            ) from None
        if not isinstance(rows, list):
            raise LoadError(f"{name} beside it is not a list of documents")
        return {
            str(row.get("file")): clean_metadata(row)
            for row in rows or []
            if isinstance(row, dict) and row.get("file")
        }
    return {}


def clean_metadata(raw: dict) -> dict:
    """Known fields only, with aliases folded and published dates reduced to ISO form."""
    out: dict[str, str] = {}
    for key, value in raw.items():
        key = FIELD_ALIASES.get(str(key).lower(), str(key).lower())
        value = metadata_text(value)
        if key in METADATA_FIELDS and value:
            out[key] = value
    if "published" in out:
        out["published"] = iso_prefix(out["published"])
    if "language" in out:
        out["language"] = out["language"].split("-")[0].lower()
    return {k: v for k, v in out.items() if v}


def metadata_text(value) -> str | None:
    """A field's value as text: a scalar, or a short list of scalars ("author: [A, B]").
    Anything else (a mapping, a nest of lists such as a YAML alias bomb) is no metadata."""
    if isinstance(value, list | tuple):
        if len(value) > 20 or not all(isinstance(v, str | int | float) for v in value):
            return None
        return ", ".join(str(v).strip() for v in value) or None
    if value is None or isinstance(value, dict | set):
        return None
    return clean_text(str(value)).strip() or None


def iso_prefix(value: str) -> str | None:
    """'2024 (between ...)' -> '2024'; '2022-10 (the week ...)' -> '2022-10'; dates in words too."""
    value = str(value).strip()
    match = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if match:
        return match.group(0)
    found = find_date(value)
    return found.iso if found else None


def metadata_from_text(text: str) -> dict:
    """A "By ..." byline near the top of an article (its date is `dating.page_date`'s)."""
    meta: dict[str, str] = {}
    head = text[:1500]
    for line in head.splitlines()[:15]:
        line = line.strip()
        if not line:
            continue
        byline = re.match(
            r"(?:By|Por)\s+([A-ZÁÉÍÓÚÑ][\w'’.\-]+(?:\s+[A-ZÁÉÍÓÚÑ][\w'’.\-]+){0,4})$", line
        )
        if byline:
            meta["author"] = byline.group(1)
            break
    return meta


# --------------------------------------------------------------------------- files


OUTSIDE = "a link to a file outside the folders given (--follow-symlinks to read it)"


def iter_paths(
    paths: list[str],
    follow_symlinks: bool = False,
    skipped: list[tuple[str, str]] | None = None,
) -> Iterator[Path | str]:
    """Files named and files found in folders (all levels, sorted, symlink loops skipped).

    A link found in a folder is followed only when its target stays inside the folders
    given, unless `follow_symlinks`; the others are added to `skipped` as (path, reason)."""
    roots = [os.path.realpath(raw) for raw in paths if raw != "-" and os.path.isdir(raw)]
    for raw in paths:
        if raw == "-":
            yield "-"
        elif os.path.isdir(raw):
            yield from walk_folder(Path(raw), roots, follow_symlinks, skipped)
        else:
            yield Path(raw)


def walk_folder(
    folder: Path, roots: list[str], follow_symlinks: bool, skipped: list | None
) -> Iterator[Path]:
    """Depth first, in name order, with a stack rather than recursion: a tree 1,500 folders
    deep is read like any other. Hidden folders are left out; each folder is read once."""
    seen: set[tuple[int, int]] = set()
    found = False
    unreadable: list[Path] = []  # folders that cannot be listed: named, not skipped
    stack = [folder]
    while stack:
        here = stack.pop()
        try:
            stat = os.stat(here)
            if (stat.st_dev, stat.st_ino) in seen:
                continue
            seen.add((stat.st_dev, stat.st_ino))
            with os.scandir(here) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError:
            unreadable.append(here)
            continue
        folders = []
        for entry in entries:
            path = Path(entry.path)
            if entry.is_symlink() and not follow_symlinks and not inside(path, roots):
                if skipped is not None:
                    skipped.append((str(path), OUTSIDE))
                continue
            try:
                is_folder = entry.is_dir()
            except OSError:
                is_folder = False
            if is_folder:
                if not entry.name.startswith("."):
                    folders.append(path)
            elif path.suffix.lower() in TEXT_SUFFIXES and entry.name not in MANIFEST_NAMES:
                found = True
                yield path
        stack.extend(reversed(folders))
    yield from unreadable
    if not found and not unreadable:
        yield folder  # a folder with nothing to read: `load_path` says so


def inside(path: Path, roots: list[str]) -> bool:
    """Whether a path, its links followed, lies in one of the folders `roots`."""
    target = os.path.realpath(path)
    return any(target == root or target.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def load_path(
    path: Path | str,
    overrides: dict | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: bytes | None = None,
) -> list[Document]:
    """Read one file (or standard input for "-") into its documents. Raises `LoadError`.

    Standard input has no file name: its document is named by the override `name`, or else by
    a digest of its bytes, so that a second, different text never replaces the first."""
    overrides = {k: v for k, v in (overrides or {}).items() if v}
    name = overrides.pop("name", None)
    if path == "-":
        data = stdin if stdin is not None else b""
        if len(data) > max_bytes:
            raise LoadError(f"input is larger than the {max_bytes:,}-byte limit")
        name = name or f"stdin-{hashlib.sha256(data).hexdigest()[:12]}"
        return parse(data, name, f"stdin:{name}", sniff_suffix(data), {}, overrides)
    path = Path(path)
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise LoadError("no such file") from None
    except OSError as error:
        raise LoadError(error.strerror or str(error)) from None
    if path.is_dir():
        try:
            with os.scandir(path):
                pass
        except OSError as error:
            reason = (error.strerror or str(error)).lower()
            raise LoadError(f"folder cannot be read ({reason})") from None
        raise LoadError("no .txt, .md, .html or .jsonl files in this folder")
    if not path.is_file():
        raise LoadError("not a regular file")
    if stat.st_size > max_bytes:
        raise LoadError(f"file is {stat.st_size:,} bytes, over the {max_bytes:,}-byte limit")
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # a file that grew since: never past the limit
    except PermissionError:
        raise LoadError("permission denied") from None
    except OSError as error:
        raise LoadError(error.strerror or str(error)) from None
    if len(data) > max_bytes:
        raise LoadError(f"file is over the {max_bytes:,}-byte limit")
    manifest = read_manifest(str(path.parent.resolve()), max_bytes).get(path.name, {})
    suffix = path.suffix.lower() if path.suffix.lower() in TEXT_SUFFIXES else sniff_suffix(data)
    # Known by its resolved path: "wire", "./wire" and "$PWD/wire" name one file.
    return parse(data, path.stem, str(path.resolve()), suffix, manifest, overrides)


def sniff_suffix(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<p>" in head:
        return ".html"
    if head.startswith(b"---"):
        return ".md"
    if head.startswith(b"{"):
        return ".jsonl"
    return ".txt"


def parse(
    data: bytes, name: str, path: str, suffix: str, manifest: dict, overrides: dict
) -> list[Document]:
    if not data.strip():
        raise LoadError("empty file")
    text, warnings = decode_with_warnings(data)
    if suffix in (".jsonl", ".ndjson"):
        documents = parse_jsonl(text, name, path, manifest, overrides)
    else:
        declared: dict = {}
        if suffix in (".md", ".markdown"):
            declared, text, _ = split_front_matter(text)
            text = INLINE_HTML.sub("", text)
        elif suffix in (".html", ".htm"):
            text, declared = html_to_text(text)
        documents = [make_document(text, name, path, declared, manifest, overrides)]
    for document in documents:
        document.warnings.extend(warnings)
    return documents


def parse_jsonl(text: str, name: str, path: str, manifest: dict, overrides: dict) -> list[Document]:
    documents = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise LoadError(f"line {number} is not JSON ({error.msg})") from None
        except ValueError as error:  # a number of over 4,300 digits, say
            raise LoadError(f"line {number} cannot be read: {str(error).split(';')[0]}") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise LoadError(f"line {number} has no 'text' field")
        line_name = str(record.get("name") or record.get("id") or f"{name}#{number}")
        body = unicodedata.normalize("NFC", record["text"])
        documents.append(
            make_document(body, line_name, f"{path}#{number}", record, manifest, overrides)
        )
    if not documents:
        raise LoadError("no documents in JSONL file")
    return documents


#: Inline HTML that Markdown lets through (a link kept as `<a href="...">`, an image, emphasis):
#: a reader sees only the words between the tags, and so do the claims.
INLINE_HTML = re.compile(
    r"</?(?:a|img|b|i|u|em|strong|span|br|sup|sub|small|mark|abbr|cite|q|font)"
    r"(?:\s[^<>]{0,2000})?/?>",
    re.I,
)


CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
SURROGATES = re.compile("[\ud800-\udfff]")  # from "\ud800" in JSON, or a file name not in UTF-8


def clean_text(text: str) -> str:
    """Every line end made a newline and control characters removed: stored text never holds
    a terminal escape sequence (ESC[2J clears a reader's screen) or a NUL."""
    text = (
        text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n").replace("\x0c", "\n")
    )
    return CONTROL_CHARACTERS.sub("", SURROGATES.sub("\ufffd", text))


def make_document(
    text: str, name: str, path: str, declared: dict, manifest: dict, overrides: dict
) -> Document:
    text = clean_text(text)
    if not text.strip():
        raise LoadError("no text")
    meta = metadata_from_text(text)
    for layer in (manifest, clean_metadata(declared), clean_metadata(overrides)):
        meta.update(layer)
    meta["published_from"] = "metadata" if meta.get("published") else None
    if not meta.get("published"):  # the page's own evidence: its address, stamp, dateline
        found = page_date(text, meta.get("url"), meta.get("language"))
        if found is not None:
            meta["published"], meta["published_from"] = found.iso, found.source
    name, path = clean_text(name), SURROGATES.sub("\ufffd", path)  # storable as UTF-8
    document_key = document_id(text, meta.get("outlet"))
    return Document(id=document_key, name=name, path=path, text=text, **meta)
