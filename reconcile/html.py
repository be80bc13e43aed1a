"""Stage 7, report as a page: the conflicts as one self-contained HTML file a desk can share.

No network: the CSS and the script that filters are inline, and a Content-Security-Policy
lets nothing else load or run (only this module's script, by its hash). Everything that comes
from an article (text, names, outlets, story labels, URLs) is escaped; a source's URL is a
link only when it is plain http(s).
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import re
from collections import Counter
from html import escape

from . import __version__
from .models import Conflict, Source, Value

SEVERITIES = ("high", "medium", "low")
DECISION_CHOICES = ("undecided", "decided", "confirmed", "dismissed", "corrected", "needs-work")
SAFE_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f-\x9f\"'<>`]+", re.IGNORECASE)

STYLE = """
:root { --high: #b3261e; --medium: #9a6700; --low: #57606a; --ink: #1f2328; --line: #d0d7de; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
  margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0 0.25rem; }
h2 { font-size: 1.2rem; border-bottom: 2px solid var(--ink); margin: 2rem 0 0.75rem; }
h3 { font-size: 1rem; margin: 0; display: inline; }
.meta, .rule, small { color: #57606a; }
.counts { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; padding: 0; }
.counts li { border: 1px solid var(--line); border-radius: 1rem; padding: 0.1rem 0.75rem; }
.filters { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end;
  background: #f6f8fa; border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem 0.75rem; }
.filters label { display: flex; flex-direction: column; font-size: 0.85rem; }
.conflict { border: 1px solid var(--line); border-left: 6px solid var(--low);
  border-radius: 6px; padding: 0.75rem 1rem; margin: 0 0 1rem; break-inside: avoid; }
.conflict.high { border-left-color: var(--high); }
.conflict.medium { border-left-color: var(--medium); }
.badge { font-weight: 700; font-size: 0.8rem; color: #fff; background: var(--low);
  border-radius: 4px; padding: 0.05rem 0.4rem; margin-right: 0.4rem; }
.high .badge { background: var(--high); } .medium .badge { background: var(--medium); }
.status { font-style: italic; margin-left: 0.4rem; }
.explanation { font-style: italic; margin: 0.5rem 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.5rem; border-top: 1px solid var(--line); }
th.value { width: 12rem; font-size: 1.05rem; }
.sources { list-style: none; margin: 0; padding: 0; }
.sources li + li { margin-top: 0.6rem; }
.source { font-size: 0.85rem; color: #0550ae; }
blockquote { margin: 0.15rem 0 0; }
mark { background: #fff1a8; font-weight: 600; }
.differs { text-decoration: underline 2px; font-weight: 700; }
.decision { color: #1a7f37; font-weight: 600; }
.note { color: #57606a; font-size: 0.85rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .filters { display: none; }
  a[href]::after { content: " (" attr(href) ")"; font-size: 0.8em; }
  h2 { break-after: avoid; }
}
"""

SCRIPT = """
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var fields = ["severity", "kind", "story", "decision"];
  var conflicts = Array.prototype.slice.call(document.querySelectorAll("article.conflict"));
  var stories = Array.prototype.slice.call(document.querySelectorAll("section.story"));
  function matches(conflict, field, wanted) {
    if (!wanted) { return true; }
    var have = conflict.getAttribute("data-" + field);
    if (field === "decision" && wanted === "decided") { return have !== "undecided"; }
    return have === wanted;
  }
  function apply() {
    var wanted = {}, shown = 0, params = [];
    fields.forEach(function (field) {
      wanted[field] = form.elements[field].value;
      if (wanted[field]) {
        params.push(field + "=" + encodeURIComponent(wanted[field]));
      }
    });
    conflicts.forEach(function (conflict) {
      var keep = fields.every(function (field) { return matches(conflict, field, wanted[field]); });
      conflict.hidden = !keep;
      if (keep) { shown += 1; }
    });
    stories.forEach(function (story) {
      story.hidden = !story.querySelector("article.conflict:not([hidden])");
    });
    document.getElementById("shown").textContent =
      "Showing " + shown + " of " + conflicts.length + " conflicts";
    try {
      history.replaceState(null, "", params.length ? "#" + params.join("&") : "#");
    } catch (error) { /* some browsers refuse on file: pages; the filter still applies */ }
  }
  function fromAddress() {
    location.hash.replace(/^#/, "").split("&").forEach(function (pair) {
      var parts = pair.split("="), field = parts[0], element = form.elements[field];
      if (fields.indexOf(field) < 0 || !element) { return; }
      var value = decodeURIComponent((parts[1] || "").replace(/\\+/g, " "));
      Array.prototype.forEach.call(element.options, function (option) {
        if (option.value === value) { element.value = value; }
      });
    });
  }
  form.hidden = false;
  fromAddress();
  apply();
  form.addEventListener("change", apply);
  window.addEventListener("hashchange", function () { fromAddress(); apply(); });
})();
"""


def script_hash() -> str:
    return base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()


def text(value) -> str:
    """Anything from an article, as HTML text or an attribute value."""
    return escape("" if value is None else str(value), quote=True)


def safe_url(url: str | None) -> str | None:
    """A URL a reader may follow: plain http or https, nothing a browser would run."""
    return url if url and SAFE_URL.fullmatch(url) else None


def highlighted(sentence: str, words: str) -> str:
    """The sentence with the claim's own words marked."""
    index = sentence.find(words) if words else -1
    if index < 0:
        return text(sentence)
    end = index + len(words)
    return f"{text(sentence[:index])}<mark>{text(words)}</mark>{text(sentence[end:])}"


def differing(value: str, other: str) -> str:
    """A spelling with the letters another lacks underlined (Wil<u>man</u> vs Wil<u>liam</u>)."""
    if not other:
        return text(value)
    parts = []
    matcher = difflib.SequenceMatcher(a=value, b=other, autojunk=False)
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        piece = text(value[i1:i2])
        parts.append(piece if tag == "equal" else f'<span class="differs">{piece}</span>')
    return "".join(parts)


def source_item(source: Source, links: dict[str, str]) -> str:
    details = [
        f"<strong>{text(source.outlet)}</strong>" if source.outlet else "",
        text(source.published) if source.published else "",
        text(source.language) if source.language else "",
        text(source.document),
    ]
    url = safe_url(links.get(source.document))
    if url:
        details.append(f'<a href="{text(url)}" rel="noopener noreferrer nofollow">source</a>')
    notes = " · ".join(
        x
        for x in (
            f"according to {text(source.attribution)}" if source.attribution else "",
            text(source.hedge) if source.hedge else "",
        )
        if x
    )
    return (
        "<li>"
        f'<div class="source">{" · ".join(d for d in details if d)}</div>'
        f"<blockquote>{highlighted(source.quote, source.words)}</blockquote>"
        + (f'<div class="note">{notes}</div>' if notes else "")
        + "</li>"
    )


def value_row(conflict: Conflict, value: Value, links: dict[str, str]) -> str:
    others = [v.value for v in conflict.values if v.value != value.value]
    if conflict.kind == "name":
        label = differing(value.value, others[0] if others else "")
    else:
        label = text(value.value)
    tally = f"{value.tally} source{'' if value.tally == 1 else 's'}" if value.sources else ""
    sources = "".join(source_item(s, links) for s in value.sources)
    wire = "".join(f'<p class="note">{text(n)}: counted once</p>' for n in value.wire_copies)
    return (
        f'<tr><th class="value" scope="row">{label}<br><small>{tally}</small></th>'
        f'<td><ul class="sources">{sources}</ul>{wire}</td></tr>'
    )


def decision_line(decision: dict | None) -> str:
    if not decision:
        return ""
    line = f"Reviewed: {text(decision['decision'])}"
    if decision.get("reviewer"):
        line += f" by {text(decision['reviewer'])}"
    if decision.get("note"):
        line += f" — {text(decision['note'])}"
    return f'<p class="decision">{line} <small>({text(decision.get("decided_at"))})</small></p>'


def conflict_article(conflict: Conflict, links: dict[str, str]) -> str:
    verdict = (conflict.decision or {}).get("decision") or "undecided"
    heading = " · ".join(text(x) for x in (conflict.kind, conflict.subject, conflict.attribute))
    rows = "".join(value_row(conflict, v, links) for v in conflict.values)
    return (
        f'<article class="conflict {text(conflict.severity)}" id="{text(conflict.id)}"'
        f' data-severity="{text(conflict.severity)}" data-kind="{text(conflict.kind)}"'
        f' data-story="{text(conflict.story)}" data-decision="{text(verdict)}">'
        f'<header><span class="badge">{text(conflict.severity.upper())}</span>'
        f'<h3>{heading}</h3><span class="status">{text(conflict.status)}</span></header>'
        f'<p class="explanation">{text(conflict.explanation)}</p>'
        f"<table><thead><tr><th>value</th><th>sources</th></tr></thead><tbody>{rows}</tbody></table>"
        f"{decision_line(conflict.decision)}"
        f'<p class="rule"><small>{text(conflict.id)} · rule {text(conflict.rule)}</small></p>'
        "</article>"
    )


def select(name: str, label: str, choices: list[tuple[str, str]]) -> str:
    options = '<option value="">all</option>' + "".join(
        f'<option value="{text(value)}">{text(shown)}</option>' for value, shown in choices
    )
    return f'<label>{label}<select name="{name}">{options}</select></label>'


def html_report(
    conflicts: list[Conflict],
    links: dict[str, str] | None = None,
    title: str = "Where the sources disagree",
    generated: str | None = None,
) -> str:
    """The whole page. `links` maps a document name to its URL; `generated` is a timestamp."""
    from .store import now

    links = links or {}
    severity = Counter(c.severity for c in conflicts)
    kinds = sorted({c.kind for c in conflicts})
    stories: dict[str, list[Conflict]] = {}
    for conflict in conflicts:
        stories.setdefault(conflict.story, []).append(conflict)
    decided = sum(1 for c in conflicts if c.decision)
    counts = (
        [f"<li><strong>{len(conflicts)}</strong> conflicts</li>"]
        + [f'<li class="{s}">{severity[s]} {s}</li>' for s in SEVERITIES]
        + [
            f"<li>{len(conflicts) - decided} to review</li>",
            f"<li>{decided} decided</li>",
            f"<li>{len(stories)} stor{'y' if len(stories) == 1 else 'ies'}</li>",
        ]
    )
    filters = (
        '<form id="filters" class="filters" hidden>'
        + select("severity", "severity", [(s, s) for s in SEVERITIES])
        + select("kind", "kind", [(k, k) for k in kinds])
        + select("story", "story", [(s, s) for s in stories])
        + select("decision", "decision", [(d, d) for d in DECISION_CHOICES])
        + '<output id="shown"></output></form>'
    )
    sections = "".join(
        f'<section class="story" data-story="{text(story)}"><h2>Story: {text(story)}</h2>'
        + "".join(conflict_article(c, links) for c in members)
        + "</section>"
        for story, members in stories.items()
    )
    if not conflicts:
        sections = "<p>No conflicts found.</p>"
    policy = (
        "default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src 'sha256-{script_hash()}'; base-uri 'none'; form-action 'none'"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{text(title)}</title><style>{STYLE}</style></head>\n<body>"
        f"<header><h1>{text(title)}</h1>"
        f'<p class="meta">{len(conflicts)} conflicts between sources, grouped by story;'
        f" written by reconcile {text(__version__)} at {text(generated or now())}.</p>"
        f'<ul class="counts">{"".join(counts)}</ul>{filters}</header>\n'
        f"<main>{sections}</main>\n<script>{SCRIPT}</script></body></html>\n"
    )
