"""Look after the real-news corpus: check rebuilt texts, turn them into Markdown, list splits.

Each story folder beside this script holds a `recipe.md` (how to rebuild the story's texts, with
a Files table giving every file's outlet, date, language and a hash of its body) and a
`facts.yaml` (the gold). The texts are third-party and stay out of the repository: they are
rebuilt into `texts/<story>/` (git-ignored), each file being four header lines, a blank line and
the body:

    # url: <url>
    # outlet: <name>
    # published: <YYYY-MM-DD or unknown>
    # language: en|es

    <body>

Usage, from the project root:

    python benchmarks/real/corpus.py status [STORY...]
    python benchmarks/real/corpus.py markdown STORY... --out DIR
    python benchmarks/real/corpus.py list --split dev|heldout|all
    python benchmarks/real/corpus.py eval [--split dev|heldout|both] [--labelled] [-- EVAL OPTIONS]
    python benchmarks/real/corpus.py sample [--split dev] [--kind count ...] [-n 40] [--seed 1]
    python benchmarks/real/corpus.py groups [--split dev|heldout] [--detail]

`eval` ingests each split into a fresh database under `build/` (stories grouped by the tool
itself, as a desk's archive would be; with --labelled, each story under its own label) and runs
`reconcile eval` with the split's facts files.
`groups` reads the database an `eval` left and tells how the tool grouped each story's articles
(the document-name prefix is the gold story): how many stories were split or joined, and with
--detail (development part only) each split or joined story's groups, their similarity and the
keys that carried it.
`status` exits 0 when every file of every recipe is present with the right hash, 1 otherwise;
every command exits 2 on a usage or input error.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
TEXTS = HERE / "texts"
STORIES_FILE = HERE / "stories.yaml"
HEADER_FIELDS = ("url", "outlet", "published", "language")
CELL_SPLIT = re.compile(r"(?<!\\)\|")
HEADER_LINE = re.compile(r"#\s*([A-Za-z_]+)\s*:\s?(.*)")


class CorpusError(Exception):
    """An input the script cannot work with: reported on one line, exit 2."""


# --------------------------------------------------------------------------- recipes


@dataclass
class Expected:
    """One row of a recipe's Files table."""

    file: str
    sha: str
    collapsed_sha: str | None = None


def table_cells(line: str) -> list[str]:
    """'| `a.txt` | b |' -> ['a.txt', 'b']: pipes split cells, backticks and bold are dropped."""
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [
        cell.strip().strip("`*").strip().replace("\\|", "|") for cell in CELL_SPLIT.split(inner)
    ]


def markdown_tables(text: str) -> list[list[list[str]]]:
    """Every pipe table of a Markdown text, as rows of cells (header first, rule row dropped)."""
    tables: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in text.splitlines():
        if line.strip().startswith("|"):
            cells = table_cells(line)
            if not all(set(cell) <= set("-: ") for cell in cells):
                current.append(cells)
        elif current:
            tables.append(current)
            current = []
    if current:
        tables.append(current)
    return tables


def hash_columns(header: list[str]) -> tuple[int | None, int | None]:
    """Columns of the body hash and of the whitespace-collapsed hash, by their headings."""
    names = [name.lower() for name in header]
    plain = next((i for i, n in enumerate(names) if "sha256" in n and "collapsed" not in n), None)
    collapsed = next((i for i, n in enumerate(names) if "sha256" in n and "collapsed" in n), None)
    return plain, collapsed


def recipe_files(recipe: Path) -> list[Expected]:
    """The files a recipe promises: rows of its table(s) with a `file` and a sha256 column."""
    expected: list[Expected] = []
    for table in markdown_tables(recipe.read_text(encoding="utf-8")):
        header = [name.lower() for name in table[0]]
        plain, collapsed = hash_columns(header)
        if "file" not in header or plain is None:
            continue
        file_col = header.index("file")
        for row in table[1:]:
            if len(row) <= max(file_col, plain) or not row[file_col]:
                continue
            other = row[collapsed] if collapsed is not None and collapsed < len(row) else None
            expected.append(Expected(row[file_col], row[plain].lower(), other and other.lower()))
    return expected


# --------------------------------------------------------------------------- texts


def short_sha(text: str) -> str:
    """First 16 hex digits of the sha256 of a text encoded as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_text_file(path: Path) -> tuple[dict[str, str], str]:
    """A rebuilt text's header fields and its body (everything after the first blank line)."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise CorpusError(f"{path}: not UTF-8") from None
    head, blank, body = text.partition("\n\n")
    if not blank:
        raise CorpusError(f"{path}: no blank line after the header")
    fields: dict[str, str] = {}
    for line in head.splitlines():
        match = HEADER_LINE.fullmatch(line.strip())
        if not match:
            raise CorpusError(f"{path}: header line is not '# key: value': {line!r}")
        fields[match.group(1).lower()] = match.group(2).strip()
    return fields, body


@dataclass
class StoryStatus:
    """How a story's rebuilt texts compare with its recipe."""

    story: str
    expected: int = 0
    ok: list[str] = field(default_factory=list)
    whitespace_only: list[str] = field(default_factory=list)
    mismatch: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unlisted: list[str] = field(default_factory=list)

    @property
    def present(self) -> int:
        return len(self.ok) + len(self.whitespace_only) + len(self.mismatch)

    @property
    def clean(self) -> bool:
        return self.expected > 0 and not self.mismatch and not self.missing


def story_status(story: str, texts: Path) -> StoryStatus:
    """Check every file a story's recipe lists; a whitespace-collapsed match counts as good."""
    status = StoryStatus(story)
    rows = recipe_files(HERE / story / "recipe.md")
    status.expected = len(rows)
    folder = texts / story
    for row in rows:
        path = folder / row.file
        if not path.is_file():
            status.missing.append(row.file)
            continue
        _, body = read_text_file(path)
        if short_sha(body) == row.sha:
            status.ok.append(row.file)
        elif row.collapsed_sha and short_sha(" ".join(body.split())) == row.collapsed_sha:
            status.whitespace_only.append(row.file)
        else:
            status.mismatch.append(row.file)
    if folder.is_dir():
        listed = {row.file for row in rows}
        status.unlisted = sorted(p.name for p in folder.iterdir() if p.name not in listed)
    return status


def recipe_stories() -> list[str]:
    """Story folders beside this script that carry a recipe."""
    return sorted(p.parent.name for p in HERE.glob("*/recipe.md"))


# --------------------------------------------------------------------------- markdown


def to_markdown(fields: dict[str, str], body: str) -> str:
    """YAML front matter from the header (unknown or empty values left out), body unchanged."""
    meta = {
        key: fields[key]
        for key in HEADER_FIELDS
        if fields.get(key) and fields[key].lower() != "unknown"
    }
    if not meta:
        return body
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{front}---\n{body}"


def write_markdown(stories: list[str], texts: Path, out: Path) -> int:
    """Write DIR/<stem>.md for every text of the stories; returns how many were written."""
    written: dict[str, Path] = {}
    for story in stories:
        folder = texts / story
        if not folder.is_dir():
            raise CorpusError(f"no texts for story {story!r} (expected {folder})")
        for path in sorted(folder.glob("*.txt")):
            target = out / f"{path.stem}.md"
            if target.name in written:
                raise CorpusError(f"{path} and {written[target.name]} both map to {target.name}")
            fields, body = read_text_file(path)
            out.mkdir(parents=True, exist_ok=True)
            target.write_text(to_markdown(fields, body), encoding="utf-8")
            written[target.name] = path
    return len(written)


# --------------------------------------------------------------------------- splits


def stories_in_split(split: str, stories_file: Path = STORIES_FILE) -> list[str]:
    """Story names of a split of stories.yaml, in file order ('all' gives every story)."""
    try:
        data = yaml.safe_load(stories_file.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise CorpusError(f"cannot read {stories_file}: {error}") from None
    stories = data.get("stories") if isinstance(data, dict) else None
    if not isinstance(stories, dict):
        raise CorpusError(f"{stories_file}: expected a 'stories:' mapping")
    return [
        name
        for name, info in stories.items()
        if split == "all" or (isinstance(info, dict) and info.get("split") == split)
    ]


# --------------------------------------------------------------------------- commands


def cmd_status(args: argparse.Namespace) -> int:
    known = recipe_stories()
    unknown = [s for s in args.stories if s not in known]
    if unknown:
        raise CorpusError(f"no recipe for {', '.join(unknown)} (known: {', '.join(known)})")
    results = [story_status(story, args.texts) for story in args.stories or known]
    columns = ("expected", "present", "hash ok", "mismatch", "missing")
    width = max([len("story"), len("total")] + [len(r.story) for r in results])
    print(f"{'story':<{width}}  " + "  ".join(columns))
    totals = [0] * len(columns)
    for r in results:
        counts = [
            r.expected,
            r.present,
            len(r.ok) + len(r.whitespace_only),
            len(r.mismatch),
            len(r.missing),
        ]
        totals = [t + c for t, c in zip(totals, counts, strict=True)]
        cells = "  ".join(f"{c:>{len(name)}}" for c, name in zip(counts, columns, strict=True))
        print(f"{r.story:<{width}}  {cells}")
        if r.expected == 0:
            print("    no Files table with a sha256 column in recipe.md")
        for label, names in (
            ("mismatch", r.mismatch),
            ("missing", r.missing),
            ("ok by whitespace-collapsed hash", r.whitespace_only),
            ("not in the recipe", r.unlisted),
        ):
            for name in names:
                print(f"    {label}: {name}")
    cells = "  ".join(f"{c:>{len(name)}}" for c, name in zip(totals, columns, strict=True))
    print(f"{'total':<{width}}  {cells}")
    return 0 if results and all(r.clean for r in results) else 1


def cmd_markdown(args: argparse.Namespace) -> int:
    count = write_markdown(args.stories, args.texts, args.out)
    print(f"wrote {count} Markdown files to {args.out}", file=sys.stderr)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    """Score each split: fresh database, ingest its stories together, `reconcile eval`."""
    import shutil
    import subprocess

    splits = ("dev", "heldout") if args.split == "both" else (args.split,)
    wanted = {split: stories_in_split(split) for split in splits}
    missing = [
        story
        for stories in wanted.values()
        for story in stories
        if not story_status(story, args.texts).present
    ]
    if missing:
        print(
            f"corpus.py: no texts for {', '.join(missing)}. The texts are third-party and not in\n"
            "the repository: rebuild them into benchmarks/real/texts/<story>/ by following each\n"
            "story's recipe.md, then check them with 'python benchmarks/real/corpus.py status'.",
            file=sys.stderr,
        )
        return 2
    reconcile = [sys.executable, "-m", "reconcile"]
    status = 0
    for split, stories in wanted.items():
        build = args.build / split
        shutil.rmtree(build, ignore_errors=True)
        db = str(build / "corpus.db")
        print(f"== {split}: {', '.join(stories)}", file=sys.stderr, flush=True)
        if args.labelled:  # each story under its own label: extraction and rules alone
            for story in stories:
                write_markdown([story], args.texts, build / "md" / story)
                ingest = [*reconcile, "ingest", str(build / "md" / story), "--story", story]
                subprocess.run([*ingest, "--db", db], check=True)
        else:
            write_markdown(stories, args.texts, build / "md")
            subprocess.run([*reconcile, "ingest", str(build / "md"), "--db", db], check=True)
        facts = [str(HERE / story / "facts.yaml") for story in stories]
        done = subprocess.run([*reconcile, "eval", *facts, "--db", db, *args.eval_options])
        status = max(status, done.returncode)
    return status


def cmd_sample(args: argparse.Namespace) -> int:
    """A seeded random sample of claims with their sentences, to read against the text: the
    claim-by-claim check of faithfulness (right value, owner, measure, event)."""
    import random
    import sqlite3

    db = args.build / args.split / "corpus.db"
    if not db.is_file():
        raise CorpusError(f"no database at {db}: run 'corpus.py eval --split {args.split}' first")
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    rows = [
        row
        for row in connection.execute(
            "SELECT d.name, c.kind, c.value, c.attribute, c.subject, c.qualifier, c.date,"
            " c.weekday, s.text AS sentence FROM claims c"
            " JOIN documents d ON d.id = c.document_id"
            " JOIN sentences s ON s.document_id = c.document_id AND s.idx = c.sentence"
            " ORDER BY d.name, c.start"
        )
        if row["kind"] in args.kind
    ]
    chosen = random.Random(args.seed).sample(rows, min(args.n, len(rows)))
    for number, row in enumerate(chosen, 1):
        about = " ".join(
            f"{key}={row[key]!r}"
            for key in ("attribute", "subject", "qualifier", "date", "weekday")
            if row[key] not in (None, "", "exact")
        )
        print(f"[{number}] {row['name']} {row['kind']} {row['value']!r} {about}")
        print(f"    {row['sentence']}")
    print(f"{len(chosen)} of {len(rows)} claims", file=sys.stderr)
    return 0


def cmd_groups(args: argparse.Namespace) -> int:
    """How the tool grouped each gold story's articles, from the database `eval` left."""
    import sqlite3
    from collections import Counter, defaultdict

    if args.detail and args.split != "dev":
        raise CorpusError("--detail is for the development part only")
    db = args.build / args.split / "corpus.db"
    if not db.is_file():
        raise CorpusError(f"no database at {db}: run 'corpus.py eval --split {args.split}' first")
    stories = yaml.safe_load(STORIES_FILE.read_text(encoding="utf-8"))["stories"]
    gold_of = {entry["prefix"]: name for name, entry in stories.items()}
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = connection.execute(
        "SELECT d.id, d.name, s.story FROM documents d JOIN stories s ON s.document_id = d.id"
    ).fetchall()
    gold: dict[str, str] = {}
    for _, name, _ in rows:
        match = re.match(r"[a-z]+", name)
        gold[name] = gold_of.get(match.group(0) if match else "", "?")
    by_gold: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    by_group: dict[str, list[str]] = defaultdict(list)
    for _, name, story in rows:
        by_gold[gold[name]][story].append(name)
        by_group[story].append(name)
    split = sorted(g for g, groups in by_gold.items() if len(groups) > 1)
    joined = sorted(s for s, names in by_group.items() if len({gold[n] for n in names}) > 1)
    print(
        f"{args.split}: {len(by_gold)} stories in {len(by_group)} groups; {len(split)} split"
        f" ({sum(len(by_gold[g]) - 1 for g in split)} groups too many), {len(joined)} groups"
        " joining two stories"
    )
    if not args.detail:
        return 0
    profiles = group_profiles(connection)
    ids = {name: doc for doc, name, _ in rows}
    for story in sorted(set(split) | {gold[n] for s in joined for n in by_group[s]}):
        groups = by_gold[story]
        print(f"\n{story}: {len(groups)} groups")
        for group, names in sorted(groups.items()):
            others = Counter(gold[n] for n in by_group[group] if gold[n] != story)
            extra = f"  (with {dict(others)})" if others else ""
            print(f"  {group}: {', '.join(sorted(names))}{extra}")
        keys = sorted(groups)
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                total_a, total_b = Counter(), Counter()
                for name in groups[a]:
                    total_a.update(profiles.get(ids[name], {}))
                for name in groups[b]:
                    total_b.update(profiles.get(ids[name], {}))
                size = len(groups[a]) * len(groups[b])
                shared = sorted(
                    ((w * total_b[k] / size, k) for k, w in total_a.items() if k in total_b),
                    reverse=True,
                )
                carried = " ".join(f"{k}={v:.3f}" for v, k in shared[:6])
                print(f"  {a} ~ {b}: {sum(v for v, _ in shared):.3f}  {carried}")
    return 0


def group_profiles(connection) -> dict[str, dict[str, float]]:
    """Each document's story profile as the grouping weighs it (unit vectors of weighted keys)."""
    import sqlite_utils

    from reconcile.pipeline import story_keys
    from reconcile.stories import weighted_profiles

    db = sqlite_utils.Database(connection)
    labels = {row["id"]: row["story"] for row in db.query("SELECT id, story FROM documents")}
    return weighted_profiles(story_keys(db, labels))


def cmd_list(args: argparse.Namespace) -> int:
    for name in stories_in_split(args.split):
        print(name)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="corpus.py",
        description="Check, convert and list the real-news corpus (texts rebuilt from recipes).",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    status = sub.add_parser("status", help="compare rebuilt texts with their recipes")
    status.add_argument("stories", nargs="*", metavar="STORY", help="default: every recipe")
    status.add_argument("--texts", type=Path, default=TEXTS, help="folder of rebuilt texts")
    status.set_defaults(run=cmd_status)

    markdown = sub.add_parser("markdown", help="write texts as Markdown with front matter")
    markdown.add_argument("stories", nargs="+", metavar="STORY")
    markdown.add_argument("--out", type=Path, required=True, metavar="DIR")
    markdown.add_argument("--texts", type=Path, default=TEXTS, help="folder of rebuilt texts")
    markdown.set_defaults(run=cmd_markdown)

    listing = sub.add_parser("list", help="print the stories of a split (stories.yaml)")
    listing.add_argument("--split", choices=("dev", "heldout", "all"), default="all")
    listing.set_defaults(run=cmd_list)

    sample = sub.add_parser("sample", help="random claims with their sentences, to read")
    sample.add_argument("--split", choices=("dev", "heldout"), default="dev")
    sample.add_argument("--kind", action="append", default=None, help="repeatable; default all")
    sample.add_argument("-n", type=int, default=40, help="how many claims")
    sample.add_argument("--seed", type=int, default=1)
    sample.add_argument("--build", type=Path, default=HERE / "build", help="work folder")
    sample.set_defaults(run=cmd_sample)

    grouping = sub.add_parser("groups", help="how each story's articles were grouped")
    grouping.add_argument("--split", choices=("dev", "heldout"), default="dev")
    grouping.add_argument(
        "--detail", action="store_true", help="each split or joined story (development only)"
    )
    grouping.add_argument("--build", type=Path, default=HERE / "build", help="work folder")
    grouping.set_defaults(run=cmd_groups)

    scoring = sub.add_parser("eval", help="ingest each split afresh and score it")
    scoring.add_argument("--split", choices=("dev", "heldout", "both"), default="both")
    scoring.add_argument("--texts", type=Path, default=TEXTS, help="folder of rebuilt texts")
    scoring.add_argument("--build", type=Path, default=HERE / "build", help="work folder")
    scoring.add_argument(
        "--labelled",
        action="store_true",
        help="ingest each story with --story (scores extraction and rules without the grouping)",
    )
    scoring.add_argument("eval_options", nargs="*", help="passed to 'reconcile eval' after --")
    scoring.set_defaults(run=cmd_eval)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "kind", "unset") is None:
        args.kind = ["count", "money", "percent", "age", "date", "person", "role", "alias"]
    try:
        return args.run(args)
    except (CorpusError, OSError) as error:
        print(f"corpus.py: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
