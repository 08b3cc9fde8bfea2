"""What a transfer carried and what it could not: the summary every import and export ends with.

Nothing is dropped silently: a writer that cannot carry a span, an attribute or a relation
calls :meth:`TransferSummary.lose` with a reason ("span not on token boundaries: expanded",
"attribute commitment: the format has no place for it"), and the command prints the counts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from annotator.model.snippet import plural

#: the reason every format counts a record without text under (see :meth:`skip_textless`)
NO_TEXT = "document without text (empty or white space only) skipped"
#: how many places of skipped records the summary names before it only counts the rest
_PLACES_SHOWN = 5


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
    #: where each record without text was (file and line or record), in reading order
    textless: list[str] = field(default_factory=list)

    def skip_textless(self, where: str) -> None:
        """A record with no text to annotate, at ``where``: every import skips it and goes on.
        Stored, it could not travel on: our JSONL needs a non-empty text on every line."""
        self.textless.append(where)
        self.lose(NO_TEXT)

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
        self.textless += other.textless
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
        if self.textless:
            places = ", ".join(self.textless[:_PLACES_SHOWN])
            more = len(self.textless) - _PLACES_SHOWN
            out.append(
                f"  note: skipped for having no text: {places}"
                + (f" and {more} more" if more > 0 else "")
            )
        out += [f"  note: {text}" for text in self.notes]
        return out
