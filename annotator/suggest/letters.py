"""Capital letters for the rules' patterns: news names start with Á, Ł, Ø, Ş or Ж as often as
with A-Z ("Ángela", "Łukasz", "Şahin"), and Python's ``re`` has no ``\\p{Lu}``."""

from __future__ import annotations

import re

#: A character class body (no brackets) matching an upper-case letter: A-Z, and those of
#: Latin-1, Latin Extended, Greek and Cyrillic, where news names are written.
UPPER = "A-Z" + re.escape("".join(c for c in map(chr, range(0xC0, 0x530)) if c.isupper()))
