"""Which backups to keep as they age: all of today, then one a day, a week, a month."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from datetime import datetime
from typing import Protocol, TypeVar

#: Backups taken before a step the user cannot undo otherwise.
PROTECTED_REASONS = frozenset({"migrate", "restore"})
DAILY_FOR_DAYS = 7
WEEKLY_UNTIL_DAYS = 31


class Dated(Protocol):
    @property
    def created(self) -> datetime: ...

    @property
    def reason(self) -> str: ...

    @property
    def migration(self) -> str | None: ...


B = TypeVar("B", bound=Dated)


def expired(backups: Sequence[B], now: datetime, newest_migration: str) -> list[B]:
    """The backups that thinning removes, in the order given; every other one is kept.

    Ages count calendar days in local time (the time in a backup's name): a backup taken
    yesterday at 23:59 is one day old at 00:01 today.

    1. Age 0 (taken today, or dated later because the clock was set back): all kept.
    2. Age 1 to 7 days: the newest backup of each calendar day.
    3. Age 8 to 31 days: the newest of each ISO week (Monday to Sunday).
    4. Older: the newest of each calendar month, for ever (twelve files a year).
    5. Whatever its age, a backup taken before a migration ("migrate") or a restore
       ("restore") is kept while its name records ``newest_migration``, the newest migration
       this version knows: it goes only once a later release has migrated the project, and
       then by the rules above. Names without a recorded migration come from before this
       rule and age like the others.

    The newest in each day, week or month is chosen among the backups of that age band only,
    so a week straddling two bands may keep one in each.
    """
    keep: set[int] = set()
    newest: dict[Hashable, int] = {}
    for index, backup in enumerate(backups):
        age = (now.date() - backup.created.date()).days
        protected = backup.reason in PROTECTED_REASONS and backup.migration == newest_migration
        if age <= 0 or protected:
            keep.add(index)
            continue
        bucket: Hashable
        if age <= DAILY_FOR_DAYS:
            bucket = ("day", backup.created.date())
        elif age <= WEEKLY_UNTIL_DAYS:
            iso = backup.created.isocalendar()
            bucket = ("week", iso.year, iso.week)
        else:
            bucket = ("month", backup.created.year, backup.created.month)
        best = newest.get(bucket)
        if best is None or backup.created > backups[best].created:
            newest[bucket] = index
    keep.update(newest.values())
    return [backup for index, backup in enumerate(backups) if index not in keep]
