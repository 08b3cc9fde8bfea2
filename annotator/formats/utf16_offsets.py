"""Offsets counted in UTF-16 code units (Java, JavaScript, UIMA) against our code point offsets."""

from __future__ import annotations

from itertools import accumulate


def utf16_length(text: str) -> int:
    """How many UTF-16 code units ``text`` takes: one per character, two beyond U+FFFF."""
    return len(text.encode("utf-16-le")) // 2


class Utf16Offsets:
    """Converts offsets into one text both ways; the identity when all characters are in the BMP."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self.units = utf16_length(text)
        self._unit_of: list[int] | None = None
        self._point_of: dict[int, int] | None = None
        if self.units != self.length:
            # Built only for texts with emoji or other astral characters: most have none.
            self._unit_of = [0, *accumulate(2 if ord(char) > 0xFFFF else 1 for char in text)]
            self._point_of = {unit: point for point, unit in enumerate(self._unit_of)}

    @property
    def differ(self) -> bool:
        """True when the two ways of counting give different numbers for this text."""
        return self._unit_of is not None

    def code_point(self, unit: int) -> int | None:
        """The code point offset of a UTF-16 offset; None outside the text or inside a pair."""
        if self._point_of is None:
            return unit if 0 <= unit <= self.length else None
        return self._point_of.get(unit)

    def unit(self, point: int) -> int:
        """The UTF-16 offset of a code point offset (0 <= point <= len(text))."""
        return point if self._unit_of is None else self._unit_of[point]
