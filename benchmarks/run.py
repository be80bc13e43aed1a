"""The benchmark: a synthetic archive from files to conflicts, timed and scored.

    python benchmarks/run.py --articles 10000          # what `make bench` runs
    python benchmarks/run.py --articles 100000         # the full run (BENCH_N=100000)

Steps, each through the command line as a user would run it (whole processes):
  1. generate N articles (benchmarks/generate.py; reused when already generated);
  2. `reconcile ingest CORPUS --jobs J` into a fresh database: files to a committed database
     with full-text search, timed end to end, peak memory of the process tree sampled;
  3. `reconcile conflicts --refresh -f json`: the reconcile job, timed; its conflicts are
     scored against the planted ones (recall, false alarms);
  4. `reconcile check DRAFT` on a 1,500-word draft (when the command exists): a few runs with
     the start-up cache emptied before each (cold), then 20 runs with it filled (warm);
  5. `reconcile --version`, 20 runs: start-up;
  6. quantulum3 over a sample of the same texts, in one process, for comparison;
  7. the floor: a bare regex pass over the same files (read each file, run one compiled
     pattern over it), in one process, and ingest's multiple of it;
  8. when the dist extra is installed, `reconcile distributed CORPUS --workers J` (a local
     Dask cluster), timed, and its conflicts compared one for one with step 3's.
Prints one table and writes it, with the raw figures, to OUT/results-N.json. Every command
keeps its start-up cache (reconcile/startup_cache.py) in OUT/cache, not in the user's.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # noqa: E402  (a sibling script, not a package)

ROOT = Path(__file__).resolve().parent.parent

PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


# --------------------------------------------------------------------------- measuring


TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def tree_rss(root: int, cpu: dict[int, float] | None = None) -> int:
    """Resident memory of a process and all its descendants, in bytes (Linux /proc); `cpu`
    gets the CPU seconds each of them has used so far."""
    parents: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    used: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        parents.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21]) * PAGE
        used[pid] = (int(fields[11]) + int(fields[12])) / TICKS
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        if cpu is not None and pid in used:
            cpu[pid] = used[pid]
        stack.extend(parents.get(pid, []))
    return total


def measure(command: list[str], stdout=subprocess.DEVNULL) -> dict:
    """Run a command; its wall time, exit code and the peak memory of its process tree."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=stdout, stderr=subprocess.PIPE)
    peak = 0
    cpu: dict[int, float] = {}
    done = threading.Event()

    def sample():
        nonlocal peak
        while not done.is_set():
            if os.path.isdir("/proc"):
                peak = max(peak, tree_rss(process.pid, cpu))
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = process.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    if process.returncode not in (0, 1):
        sys.stderr.write(err.decode("utf-8", "replace"))
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}")
    parent = cpu.pop(process.pid, 0.0)
    return {
        "seconds": wall,
        "peak_rss": peak,
        "code": process.returncode,
        "stderr": err.decode("utf-8", "replace"),
        "parent_cpu": parent,  # the writer, for an ingest (as last sampled)
        "children_cpu": sum(cpu.values()),  # the workers
    }


def reconcile_command() -> list[str]:
    script = Path(sys.executable).parent / "reconcile"
    return [str(script)] if script.exists() else [sys.executable, "-m", "reconcile"]


def repeat(command: list[str], runs: int, before=None) -> list[float]:
    """Wall times of `runs` runs of `command`; `before()` runs before each, untimed."""
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return times


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


# --------------------------------------------------------------------------- scoring


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def value_holds(value: dict, wanted: str) -> bool:
    """Does a reported value carry `wanted` (a number inside its bounds, or a whole word)?"""
    if re.fullmatch(r"\d+", wanted):
        number = float(wanted)
        low, high = value.get("low"), value.get("high")
        if isinstance(low, int | float) and isinstance(high, int | float) and low <= number <= high:
            return True
        digits = re.findall(r"\d[\d,]*(?:\.\d+)?", str(value.get("value", "")))
        return any(float(d.replace(",", "")) == number for d in digits)
    pattern = r"(?<!\w)" + re.escape(fold(wanted)) + r"(?!\w)"
    return re.search(pattern, fold(value.get("value", ""))) is not None


def holds_both(conflict: dict, right: str, wrong: str) -> bool:
    values = conflict.get("values") or []
    return any(
        i != j and value_holds(a, right) and value_holds(b, wrong)
        for i, a in enumerate(values)
        for j, b in enumerate(values)
    )


def score(conflicts: list[dict], truth: dict) -> dict:
    """Planted conflicts found (recall) and reported conflicts that match no plant."""
    story_of = truth["documents"]
    by_story: dict[str, list[dict]] = {}
    for plant in truth["planted"]:
        by_story.setdefault(plant["story"], []).append(plant)
    found: set[int] = set()
    index = {id(p): i for i, p in enumerate(truth["planted"])}
    false_alarms = []
    for conflict in conflicts:
        documents = {
            source.get("document")
            for value in conflict.get("values") or []
            for source in value.get("sources") or []
        }
        stories = {story_of.get(d) for d in documents}
        matched = False
        if len(stories) == 1:
            for plant in by_story.get(next(iter(stories)), []):
                if plant["kind"] == conflict.get("kind") and holds_both(
                    conflict, plant["right"], plant["wrong"]
                ):
                    found.add(index[id(plant)])
                    matched = True
        if not matched:
            false_alarms.append(conflict)
    planted = len(truth["planted"])
    by_type: dict[str, list[int]] = {}
    for i, plant in enumerate(truth["planted"]):
        by_type.setdefault(plant["type"], [0, 0])
        by_type[plant["type"]][1] += 1
        by_type[plant["type"]][0] += i in found
    return {
        "planted": planted,
        "found": len(found),
        "recall": len(found) / planted if planted else 1.0,
        "reported": len(conflicts),
        "false_alarms": len(false_alarms),
        "false_alarm_share": len(false_alarms) / len(conflicts) if conflicts else 0.0,
        "by_type": by_type,
        "missed": [p for i, p in enumerate(truth["planted"]) if i not in found][:20],
        "false_alarm_examples": [
            {k: c.get(k) for k in ("kind", "subject", "attribute", "severity", "explanation")}
            for c in false_alarms[:20]
        ],
    }


# --------------------------------------------------------------------------- quantulum3


def quantulum_rate(texts: list[str]) -> float | None:
    """MB/s of quantulum3's parser over `texts` (after a warm-up), or None if not installed."""
    try:
        import warnings

        warnings.filterwarnings("ignore")
        from quantulum3 import parser
    except ImportError:
        return None
    parser.parse("Police arrested 56 people in 37 raids.")  # loads its unit tables
    start = time.perf_counter()
    size = 0
    for text in texts:
        parser.parse(text)
        size += len(text.encode("utf-8"))
    return size / (time.perf_counter() - start) / 1e6


# --------------------------------------------------------------------------- the floor

#: What any extractor must at least do: find the digits and the capitalised words.
FLOOR_PATTERN = re.compile(r"\d[\d,.]*|[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+")


def regex_floor(corpus: Path) -> dict:
    """A bare regex pass over the corpus's article files: read each file, run one compiled
    pattern over it. Wall clock and CPU time of one process."""
    files = sorted(corpus.rglob("*.md"))
    size = matches = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for path in files:
        text = path.read_text(encoding="utf-8")
        size += len(text.encode("utf-8"))
        matches += sum(1 for _ in FLOOR_PATTERN.finditer(text))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {
        "files": len(files),
        "seconds": wall,
        "cpu_seconds": cpu,
        "mb_s": size / wall / 1e6,
        "cpu_ms_per_article": 1000 * cpu / max(1, len(files)),
        "matches": matches,
    }


# --------------------------------------------------------------------------- distributed


def has_dist_extra() -> bool:
    import importlib.util

    return all(importlib.util.find_spec(name) for name in ("distributed", "pyarrow"))


def same_conflicts(ours: list[dict], theirs: list[dict]) -> dict:
    """The two runs' conflicts compared one for one (id, values, sources, quotes)."""
    mine = {c["id"]: c for c in ours}
    other = {c["id"]: c for c in theirs}
    differ = sorted(i for i in mine.keys() & other.keys() if mine[i] != other[i])
    return {
        "single": len(ours),
        "distributed": len(theirs),
        "identical": len(mine.keys() & other.keys()) - len(differ),
        "only_single": sorted(mine.keys() - other.keys())[:20],
        "only_distributed": sorted(other.keys() - mine.keys())[:20],
        "different": differ[:20],
        "same": ours == theirs,
    }


def article_texts(corpus: Path, limit: int) -> list[str]:
    texts = []
    for path in sorted(corpus.rglob("*.md"))[:limit]:
        texts.append(path.read_text(encoding="utf-8").split("---\n", 2)[2])
    return texts


# --------------------------------------------------------------------------- the run


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description="Benchmark reconcile on a synthetic archive.")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--out", type=Path, default=Path("bench-out"))
    parser.add_argument("--runs", type=int, default=20, help="runs of check and --version")
    parser.add_argument(
        "--cold-runs", type=int, default=5, help="runs of check with the cache emptied before each"
    )
    parser.add_argument("--quantulum-sample", type=int, default=40, help="articles; 0 skips")
    args = parser.parse_args(argv)
    n = args.articles
    # Every command runs this checkout's library, whichever copy the environment installed.
    os.environ["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])
    )
    args.out.mkdir(parents=True, exist_ok=True)
    cache = (args.out / "cache").resolve()
    os.environ["RECONCILE_CACHE_DIR"] = str(cache)
    corpus = args.out / f"corpus-{n}-s{args.seed}"
    draft = corpus.with_name(corpus.name + "-draft.md")
    truth_path = corpus / "truth.json"
    stored = json.loads(truth_path.read_text(encoding="utf-8")) if truth_path.exists() else {}
    if stored.get("version") != generate.VERSION or not draft.exists():
        shutil.rmtree(corpus, ignore_errors=True)
        print(f"generating {n:,} articles in {corpus} ...", file=sys.stderr)
        generate.generate(n, corpus, args.seed)
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    db = args.out / f"bench-{n}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    cli = reconcile_command()

    print(f"ingesting with --jobs {args.jobs} ...", file=sys.stderr)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    ingest = measure([*cli, "ingest", str(corpus), "--db", str(db), "--jobs", str(args.jobs)])
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    with sqlite3.connect(db) as conn:
        documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        claims = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
        text_bytes = conn.execute(
            "SELECT sum(length(CAST(text AS BLOB))) FROM documents"
        ).fetchone()[0]
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db_bytes = db.stat().st_size

    print("reconciling ...", file=sys.stderr)
    report = args.out / f"conflicts-{n}.json"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    recon = measure(
        [*cli, "conflicts", "--db", str(db), "--refresh", "-f", "json", "-o", str(report)]
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    recon_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    conflicts = json.loads(report.read_text(encoding="utf-8"))["conflicts"]
    scored = score(conflicts, truth)

    check_times: list[float] = []
    check_cold: list[float] = []
    check_peak = 0
    help_text = subprocess.run([*cli, "--help"], capture_output=True, text=True).stdout
    if re.search(r"\bcheck\b", help_text):
        print("timing check ...", file=sys.stderr)
        # A user's installed package holds its byte code (pip compiles it); a checkout run with
        # PYTHONDONTWRITEBYTECODE set would otherwise compile every module on every start.
        compileall.compile_dir(ROOT / "reconcile", quiet=1)
        command = [*cli, "check", str(draft), "--db", str(db)]
        check_cold = repeat(command, args.cold_runs, lambda: shutil.rmtree(cache, True))
        check_peak = measure(command)["peak_rss"]  # also fills the cache for the warm runs
        check_times = repeat(command, args.runs)
    startup = repeat([*cli, "--version"], args.runs)

    quantulum = None
    if args.quantulum_sample:
        print("timing quantulum3 on a sample ...", file=sys.stderr)
        quantulum = quantulum_rate(article_texts(corpus, args.quantulum_sample))

    print("timing a bare regex pass ...", file=sys.stderr)
    floor = regex_floor(corpus)

    distributed = None
    if has_dist_extra():
        print(f"running on a local Dask cluster of {args.jobs} workers ...", file=sys.stderr)
        report_dist = args.out / f"conflicts-{n}-distributed.json"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        run = measure(
            [*cli, "distributed", str(corpus), "--workers", str(args.jobs)]
            + ["-f", "json", "-o", str(report_dist)]
        )
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        steps = re.findall(r"(extract|stories|reconcile) ([\d.]+) s", run["stderr"])
        distributed = {
            "seconds": run["seconds"],
            "steps": {step: float(seconds) for step, seconds in steps},
            "cpu_seconds": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
            "peak_rss_mb": run["peak_rss"] / 1e6,
            "workers": args.jobs,
            "comparison": same_conflicts(
                conflicts, json.loads(report_dist.read_text(encoding="utf-8"))["conflicts"]
            ),
        }

    mb = truth["bytes"] / 1e6
    results = {
        "articles": documents,
        "stories": truth["stories"],
        "corpus_mb": mb,
        "text_mb": (text_bytes or 0) / 1e6,
        "jobs": args.jobs,
        "ingest_seconds": ingest["seconds"],
        "ingest_mb_s": mb / ingest["seconds"],
        "ingest_articles_s": documents / ingest["seconds"],
        "claims": claims,
        "claims_s": claims / ingest["seconds"],
        "ingest_peak_rss_mb": ingest["peak_rss"] / 1e6,
        "ingest_cpu_seconds": cpu,
        "ingest_cpu_ms_per_article": 1000 * cpu / max(1, documents),
        "ingest_articles_s_free_cores": documents / (cpu / args.jobs) if cpu else None,
        "writer_cpu_seconds": ingest["parent_cpu"],
        "workers_cpu_seconds": ingest["children_cpu"],
        "reconcile_seconds": recon["seconds"],
        "reconcile_cpu_seconds": recon_cpu,
        "reconcile_peak_rss_mb": recon["peak_rss"] / 1e6,
        "check_median": statistics.median(check_times) if check_times else None,
        "check_cold_median": statistics.median(check_cold) if check_cold else None,
        "check_cold_max": max(check_cold) if check_cold else None,
        "check_p95": p95(check_times) if check_times else None,
        "check_peak_rss_mb": check_peak / 1e6 if check_times else None,
        "startup_median": statistics.median(startup),
        "startup_p95": p95(startup),
        "db_mb": db_bytes / 1e6,
        "db_mb_per_1000": db_bytes / 1e6 / max(1, documents) * 1000,
        "quantulum_mb_s": quantulum,
        "ratio_to_quantulum": (mb / ingest["seconds"]) / quantulum if quantulum else None,
        "regex_floor": floor,
        "ratio_to_floor_wall": ingest["seconds"] / floor["seconds"],
        "ratio_to_floor_cpu": (1000 * cpu / max(1, documents)) / floor["cpu_ms_per_article"],
        "distributed": distributed,
        "single_machine_seconds": ingest["seconds"] + recon["seconds"],
        "score": scored,
    }
    (args.out / f"results-{n}.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(table(results))
    return results


def table(r: dict) -> str:
    s = r["score"]

    def opt(value, fmt):
        return "n/a" if value is None else format(value, fmt)

    peak = max(r["ingest_peak_rss_mb"], r["reconcile_peak_rss_mb"], r["check_peak_rss_mb"] or 0)
    rows = [
        ("articles / stories", f"{r['articles']:,} / {r['stories']:,} ({r['corpus_mb']:.1f} MB)"),
        (
            f"ingest, end to end ({r['jobs']} jobs)",
            f"{r['ingest_seconds']:.1f} s: {r['ingest_mb_s']:.2f} MB/s, "
            f"{r['ingest_articles_s']:.0f} articles/s",
        ),
        (
            "ingest CPU time (all processes)",
            f"{r['ingest_cpu_ms_per_article']:.1f} ms per article: "
            f"{r['ingest_articles_s_free_cores']:.0f} articles/s if {r['jobs']} cores were free; "
            f"writer {r['writer_cpu_seconds']:.0f} s, workers {r['workers_cpu_seconds']:.0f} s",
        ),
        ("claims extracted", f"{r['claims']:,}: {r['claims_s']:,.0f} claims/s"),
        (
            "reconcile (conflicts --refresh)",
            f"{r['reconcile_seconds']:.1f} s ({r['reconcile_cpu_seconds']:.1f} s of CPU)",
        ),
        (
            "planted conflicts found (recall)",
            f"{s['found']:,} / {s['planted']:,} = {100 * s['recall']:.1f}%  "
            + ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(s["by_type"].items())),
        ),
        (
            "false alarms",
            f"{s['false_alarms']:,} of {s['reported']:,} reported = "
            f"{100 * s['false_alarm_share']:.1f}%",
        ),
        (
            "check, 1,500-word draft (whole process)",
            f"median {opt(r['check_median'], '.2f')} s, p95 {opt(r['check_p95'], '.2f')} s"
            " (start-up cache filled)",
        ),
        (
            "check, start-up cache emptied each run",
            f"median {opt(r.get('check_cold_median'), '.2f')} s, "
            f"max {opt(r.get('check_cold_max'), '.2f')} s",
        ),
        (
            "start-up (reconcile --version)",
            f"median {r['startup_median']:.3f} s, p95 {r['startup_p95']:.3f} s",
        ),
        (
            "peak memory (RSS, process tree)",
            f"{peak:,.0f} MB (ingest {r['ingest_peak_rss_mb']:,.0f}, "
            f"reconcile {r['reconcile_peak_rss_mb']:,.0f}, check {opt(r['check_peak_rss_mb'], ',.0f')})",
        ),
        (
            "database size",
            f"{r['db_mb']:,.1f} MB = {r['db_mb_per_1000']:.1f} MB per 1,000 articles",
        ),
        (
            "quantulum3 on the same text (1 process)",
            f"{opt(r['quantulum_mb_s'], '.3f')} MB/s; ingest is "
            f"{opt(r['ratio_to_quantulum'], ',.0f')}x that",
        ),
        (
            "bare regex pass, same files (1 process)",
            f"{r['regex_floor']['seconds']:.2f} s: {r['regex_floor']['mb_s']:.1f} MB/s, "
            f"{r['regex_floor']['cpu_ms_per_article']:.2f} ms of CPU per article",
        ),
        (
            "ingest / bare regex pass",
            f"{r['ratio_to_floor_wall']:.0f}x the time (wall clock, ingest on {r['jobs']} jobs); "
            f"{r['ratio_to_floor_cpu']:.0f}x the CPU per article",
        ),
    ]
    d = r.get("distributed")
    if d:
        c = d["comparison"]
        rows += [
            (
                f"distributed run (Dask, {d['workers']} local workers)",
                f"{d['seconds']:.1f} s end to end ({d['cpu_seconds']:.0f} s of CPU, "
                f"peak {d['peak_rss_mb']:,.0f} MB; "
                + ", ".join(f"{k} {v:.1f} s" for k, v in d.get("steps", {}).items())
                + f"); one machine: ingest + reconcile {r['single_machine_seconds']:.1f} s",
            ),
            (
                "distributed vs one machine, conflicts",
                ("identical, one for one: " if c["same"] else "DIFFERENT: ")
                + f"{c['identical']:,} of {c['single']:,} identical "
                f"({c['distributed']:,} found by the cluster)",
            ),
        ]
    else:
        rows.append(("distributed run", "n/a (the dist extra is not installed)"))
    width = max(len(k) for k, _ in rows)
    lines = [f"| {'measure':<{width}} | value", f"|{'-' * (width + 2)}|{'-' * 60}"]
    lines += [f"| {k:<{width}} | {v}" for k, v in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
