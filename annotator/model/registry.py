"""Project-wide registries: speakers (entities, not strings) and stance targets."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class SpeakerType(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    MEDIA = "media"
    GROUP = "group"
    ANONYMOUS = "anonymous"


@dataclass(frozen=True, slots=True)
class Speaker:
    """One who speaks; SPEAKER spans refer to it by its canonical name."""

    name: str
    type: SpeakerType = SpeakerType.PERSON
    description: str = ""
    wikidata: str = ""


@dataclass(frozen=True, slots=True)
class Target:
    """What a stance is about; ``definition`` says what FAVOR means for it."""

    label: str
    definition: str = ""
