"""What a transfer carried and what it could not: the summary every import and export ends with.

Nothing is dropped silently: a writer that cannot carry a span, an attribute or a relation
calls :meth:`TransferSummary.lose` with a reason ("span not on token boundaries: expanded",
"attribute commitment: the format has no place for it"), and the command prints the counts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from annotator.model.snippet import plural


@dataclass(slots=True)
class TransferSummary:
    """Counts of what went through, and of what did not, by reason."""

    documents: int = 0
    spans: int = 0
    relations: int = 0
    #: reason -> how many spans, attributes or relations it affected
    lost: Counter[str] = field(default_factory=Counter)
    #: things worth saying that lose nothing ("offsets were UTF-16 units: converted")
    notes: list[str] = field(default_factory=list)

    def lose(self, reason: str, count: int = 1) -> None:
        if count:
            self.lost[reason] += count

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def merge(self, other: TransferSummary) -> None:
        self.documents += other.documents
        self.spans += other.spans
        self.relations += other.relations
        self.lost.update(other.lost)
        for text in other.notes:
            self.note(text)

    def lines(self) -> list[str]:
        """The summary as lines for stderr or a dialog, the counts first."""
        head = ", ".join(
            [
                plural(self.documents, "document"),
                plural(self.spans, "span"),
                plural(self.relations, "relation"),
            ]
        )
        out = [head]
        out += [f"  not carried: {count} x {reason}" for reason, count in sorted(self.lost.items())]
        out += [f"  note: {text}" for text in self.notes]
        return out
