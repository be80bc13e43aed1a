"""The HTML report: one page that works offline, escapes everything from the articles, and
filters in a real browser (headless Chromium; skipped, with the reason, where none is
installed)."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import run_cli, write

from reconcile.html import html_report, safe_url

# An invented story whose every field tries to run something in a reader's browser.
HOSTILE = {
    '"><img src=x onerror=alert(1)>.md': (
        "---\n"
        "outlet: \"<script>document.title='PWNED'</script>\"\n"
        "published: 2024-05-06\n"
        'url: "javascript:alert(1)"\n'
        "---\n"
        "Police arrested 12 people <script>document.title='PWNED'</script> after the fire at"
        " the Calder docks.\n\n"
        "Harbour master Marta Quiroga, 52, said the blaze started in a warehouse.\n"
    ),
    "ledger.md": (
        "---\n"
        "outlet: \"Ledger <b onmouseover='alert(2)'>Daily</b>\"\n"
        "published: 2024-05-07\n"
        'url: "https://example.org/a\\"onmouseover=\\"alert(3)"\n'
        "---\n"
        'Police arrested 15 people <img src=x onerror="document.title=1"> after the fire at'
        " the Calder docks.\n\n"
        'Harbour master Marta Quiroga, 55, called for an inquiry &amp; <a href="javascript:alert(4)">more</a>.\n'
    ),
    "post.md": (
        "---\noutlet: Harbour Post\npublished: 2024-05-07\nurl: https://example.org/news/fire\n---\n"
        "Police arrested 14 people after the fire at the Calder docks.\n"
    ),
}
STORY = "</script><script>alert(5)</script>"
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "ul",
    "li", "form", "label", "select", "option", "output", "main", "section", "article", "span",
    "table", "thead", "tbody", "tr", "th", "td", "br", "small", "strong", "div", "blockquote",
    "mark", "a", "script",
}  # fmt: skip


class Tags(HTMLParser):
    """Every element and attribute of a page, and its script elements' text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        (self.scripts if self._in_script else self.text).append(data)


def parse(page: str) -> Tags:
    tags = Tags()
    tags.feed(page)
    return tags


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("hostile-html")
    for name, content in HOSTILE.items():
        write(root / "articles" / name, content)
    db = root / "h.db"
    result = run_cli("ingest", root / "articles", "--db", db, "--story", STORY)
    assert result.exit_code == 0, result.output
    page = root / "report.html"
    result = run_cli("report", "--html", page, "--db", db)
    assert result.exit_code == 0, result.output
    return page, page.read_text(encoding="utf-8")


def test_everything_from_the_articles_is_escaped(hostile_page):
    _, page = hostile_page
    tags = parse(page)
    assert {tag for tag, _ in tags.tags} <= ALLOWED_TAGS
    assert [tag for tag, _ in tags.tags].count("script") == 1
    assert "PWNED" not in "".join(tags.scripts) and "alert" not in "".join(tags.scripts)
    for tag, attrs in tags.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        if "href" in attrs:
            assert attrs["href"] == "https://example.org/news/fire", attrs
    words = " ".join(tags.text)
    assert "<script>document.title='PWNED'</script>" in words  # shown as written, as text
    assert "Ledger <b onmouseover='alert(2)'>Daily</b>" in words
    assert f"Story: {STORY}" in words  # a label shows as given at ingest
    assert any(attrs.get("data-story") == STORY for _, attrs in tags.tags)
    assert '"><img src=x onerror=alert(1)>' in words  # the document's name


def test_a_link_is_followed_only_when_it_is_plain_http():
    assert safe_url("https://example.org/news/fire") == "https://example.org/news/fire"
    for url in (
        "javascript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        'https://example.org/a"onmouseover="alert(3)',
        "https://example.org/<b>",
        "//example.org/x",
        "",
        None,
    ):
        assert safe_url(url) is None, url


def test_the_page_needs_no_network(sample_db, sample_conflicts, tmp_path):
    page_path = tmp_path / "desk.html"
    result = run_cli("conflicts", "--db", sample_db, "-f", "html", "-o", page_path)
    assert result.exit_code == 0, result.output
    page = page_path.read_text(encoding="utf-8")
    tags = parse(page)
    assert not [attrs for _, attrs in tags.tags if "src" in attrs or tag_is_link(attrs)]
    assert "@import" not in page and "url(" not in page
    (policy,) = [
        a["content"] for t, a in tags.tags if a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert "default-src 'none'" in policy and "'unsafe-inline'" not in policy.split("script-src")[1]
    for conflict in sample_conflicts:
        assert f'id="{conflict["id"]}"' in page
    assert f"<strong>{len(sample_conflicts)}</strong> conflicts" in page
    same = run_cli("conflicts", "--db", sample_db, "-o", tmp_path / "again.html")
    assert same.exit_code == 0  # a file named .html gets the page
    assert strip_time((tmp_path / "again.html").read_text(encoding="utf-8")) == strip_time(page)


def tag_is_link(attrs: dict) -> bool:
    return attrs.get("rel") == "stylesheet" or attrs.get("href", "").startswith(("http", "//"))


def strip_time(page: str) -> str:
    return re.sub(r"at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "", page)


def test_an_empty_report_says_so():
    page = html_report([], generated="2024-01-01T00:00:00Z")
    assert "No conflicts found." in page and "<strong>0</strong> conflicts" in page


# --------------------------------------------------------------------------- a real browser


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no headless Chromium installed (Debian: apt-get install chromium)")


def browse(page: Path, tmp_path: Path, fragment: str = "", screenshot: Path | None = None) -> str:
    """Open the page in headless Chromium, offline, with a fresh profile; return the DOM after
    its script ran (or take a screenshot)."""
    command = [
        chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--run-all-compositor-stages-before-draw",
        "--virtual-time-budget=5000",
    ]
    if screenshot:
        command += [f"--screenshot={screenshot}", "--window-size=1280,1800"]
    else:
        command += ["--dump-dom"]
    result = subprocess.run(
        [*command, page.as_uri() + fragment], capture_output=True, text=True, timeout=180
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def png_pixels(path: Path) -> tuple[int, int, bytes]:
    """Width, height and the decompressed scanlines of a PNG."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    at, idat, width, height = 8, b"", 0, 0
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        at += 12 + length
    return width, height, zlib.decompress(idat)


def articles(dom: str) -> dict[str, bool]:
    """Conflict id -> whether the page shows it."""
    return {
        match.group(2): "hidden" not in match.group(0)
        for match in re.finditer(r'<article class="conflict (\w+)" id="([^"]+)"[^>]*>', dom)
    }


@pytest.fixture(scope="module")
def sample_page(sample_db, tmp_path_factory) -> Path:
    page = tmp_path_factory.mktemp("page") / "report.html"
    result = run_cli("report", "--html", page, "--db", sample_db)
    assert result.exit_code == 0, result.output
    return page


def test_a_browser_shows_the_report_on_the_sample_corpus(sample_page, sample_conflicts, tmp_path):
    shot = tmp_path / "report.png"
    browse(sample_page, tmp_path, screenshot=shot)
    width, height, pixels = png_pixels(shot)
    assert (width, height) == (1280, 1800)
    assert len(set(pixels)) > 64  # text, badges and highlights: not a blank page
    dom = browse(sample_page, tmp_path)
    shown = articles(dom)
    assert set(shown) == {c["id"] for c in sample_conflicts} and all(shown.values())
    assert f"Showing {len(sample_conflicts)} of {len(sample_conflicts)} conflicts" in dom
    text = " ".join(parse(dom).text)
    for conflict in sample_conflicts:
        assert conflict["explanation"] in text
    assert "Medium (personal essay)" in text and "Wilman Terán" in text
    assert "<mark>29 arrests</mark>" in dom  # the claim's own words, highlighted


def test_filtering_in_a_browser_hides_the_other_rows(sample_page, sample_conflicts, tmp_path):
    dom = browse(sample_page, tmp_path, "#severity=high&kind=count")
    shown = articles(dom)
    wanted = {c["id"] for c in sample_conflicts if c["severity"] == "high" and c["kind"] == "count"}
    assert wanted and {i for i, visible in shown.items() if visible} == wanted
    assert len(shown) == len(sample_conflicts)  # the rest are hidden, not removed
    assert f"Showing {len(wanted)} of {len(sample_conflicts)} conflicts" in dom
    undecided = articles(browse(sample_page, tmp_path, "#decision=decided"))
    assert not any(undecided.values())  # nothing was decided in the sample database


def test_nothing_from_the_articles_runs_in_a_browser(hostile_page, tmp_path):
    page, _ = hostile_page
    dom = browse(page, tmp_path)
    tags = parse(dom)
    assert [tag for tag, _ in tags.tags].count("script") == 1
    assert not [tag for tag, _ in tags.tags if tag in ("img", "b")]
    assert "PWNED" not in re.search(r"<title>(.*?)</title>", dom).group(1)
    assert "Showing" in dom  # the page's own script did run
