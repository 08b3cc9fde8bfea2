"""A plain-text rendering of the agreement report for the command line.

Fixed-width columns, three decimals, and "undefined" wherever the report holds null, so a
missing coefficient is never mistaken for a zero.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

UNDEFINED = "undefined"
_GAP = "  "


def render_table(report: dict[str, Any]) -> str:
    """The report as readable text: one table per section."""
    annotators = report.get("annotators", [])
    lines = [
        "Inter-annotator agreement",
        f"Annotators: {', '.join(annotators) if annotators else '(none)'}",
        f"Documents covered by at least two annotators: {report.get('documents', 0)}",
    ]
    spans = report.get("spans", {})
    lines += _section(
        "Spans, pairwise (the first name is the reference)",
        ["mode", "pair", "precision", "recall", "f1", "tp", "macro_f1"],
        [
            [mode, pair, s["precision"], s["recall"], s["f1"], _tp(s), s["macro_f1"]]
            for mode, block in spans.items()
            for pair, s in block["pairs"].items()
        ]
        + [
            # Only F1 has a mean over pairs; blank cells say "not applicable", not "undefined".
            [mode, "mean", "", "", block["mean_pairwise_micro_f1"], "", ""]
            for mode, block in spans.items()
            if len(block["pairs"]) > 1
        ],
        names=2,
    )
    modes = list(spans)
    label_names = list(next(iter(spans.values()))["labels"]) if spans else []
    lines += _section(
        "Span F1 per label (mean over pairs)",
        ["label", *modes],
        [
            [label, *(spans[m]["labels"][label]["mean_pairwise_f1"] for m in modes)]
            for label in label_names
        ],
    )
    unitizing = report.get("unitizing_alpha", {})
    lines += _section(
        "Unitizing alpha",
        ["label", "alpha"],
        [[label, value] for label, value in unitizing.get("labels", {}).items()]
        + [["overall", unitizing.get("overall")]],
    )
    attributes = report.get("attributes", {})
    lines += _section(
        "Span attributes",
        [
            "attribute",
            "alignment",
            "units",
            "alpha",
            "fleiss",
            "mean_kappa",
            "agreement",
            "ambiguous",
        ],
        [
            [
                key,
                mode,
                b["units"],
                b["krippendorff_alpha"],
                b["fleiss_kappa"],
                b["mean_cohen_kappa"],
                b["percent_agreement"],
                len(b["ambiguous"]),
            ]
            for key, entry in attributes.items()
            for mode, b in entry.items()
        ],
        names=2,
    )
    lines += _section(
        "Span attributes per pair",
        ["attribute", "alignment", "pair", "cohen_kappa", "scott_pi"],
        [
            [key, mode, pair, kappa, b["scott_pi"][pair]]
            for key, entry in attributes.items()
            for mode, b in entry.items()
            for pair, kappa in b["cohen_kappa"].items()
        ],
        names=3,
    )
    doc_attrs = report.get("doc_attrs", {})
    lines += _section(
        "Document attributes",
        ["attribute", "units", "alpha", "fleiss", "mean_kappa", "agreement"],
        [
            [
                key,
                b["units"],
                b["krippendorff_alpha"],
                b["fleiss_kappa"],
                b["mean_cohen_kappa"],
                b["percent_agreement"],
            ]
            for key, b in doc_attrs.items()
        ],
    )
    disagreements = report.get("disagreements", [])
    kinds = Counter(d["kind"] for d in disagreements)
    summary = ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items()))
    lines += ["", f"Disagreements: {len(disagreements)}" + (f" ({summary})" if summary else "")]
    return "\n".join(lines) + "\n"


def format_cell(value: object) -> str:
    """Null as "undefined", floats to 3 decimals, anything else as text."""
    if value is None:
        return UNDEFINED
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _tp(scores: dict[str, Any]) -> object:
    # overlap_any has no one-to-one TP; show its two hit counts instead of "undefined".
    if scores.get("tp") is None and "hits_a" in scores:
        return f"{scores['hits_a']}/{scores['hits_b']}"
    return scores.get("tp")


def _section(
    title: str, headers: Sequence[str], rows: Sequence[Sequence[object]], names: int = 1
) -> list[str]:
    """A titled table whose first ``names`` columns hold names and the rest numbers."""
    if not rows:
        return ["", title, "  (nothing to compare)"]
    cells = [[format_cell(v) for v in row] for row in rows]
    widths = [max(len(h), *(len(row[c]) for row in cells)) for c, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        # Names read best left-aligned, numbers right-aligned under their header.
        return _GAP.join(
            v.ljust(w) if c < names else v.rjust(w)
            for c, (v, w) in enumerate(zip(values, widths, strict=True))
        ).rstrip()

    return [
        "",
        title,
        line(headers),
        line(["-" * w for w in widths]),
        *(line(row) for row in cells),
    ]
