"""China's working-day calendar: official where published, provisional beyond.

Three sources, in this order of precedence for a year:

1. **the data file** (``ASSISTANT_CALENDAR_FILE``, default ``calendar/cn_workdays.json``):
   holidays and make-up working days (调休上班日) of a year as the State Council published
   them, added by staff; read once at start and overriding everything else;
2. **chinesecalendar**: the official schedules of the years it has data for;
3. **provisional**: for the years after those (at most :data:`PROVISIONAL_YEARS_AHEAD`),
   the statutory holidays computed by python-holidays (its China calendar is rule-based:
   lunar festivals included) and no make-up working days, because they are not published
   yet.  A date worked out with a provisional year may shift by a few days once the
   official schedule is out; callers must say so (:attr:`WorkCalendar.provisional`).

A year in none of them raises :class:`CalendarRangeError`.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

logger = logging.getLogger(__name__)

PROVISIONAL_YEARS_AHEAD = 2  # provisional dates for at most this many years after the data
WARN_DAYS_BEFORE_END = 90  # warn at start when the official calendar ends this soon

# python-holidays' English names → the names chinesecalendar uses (and the answers show).
_NAMES = {
    "new year's day": "New Year's Day",
    "chinese new year's eve": "Spring Festival",
    "chinese new year (spring festival)": "Spring Festival",
    "spring festival": "Spring Festival",
    "tomb-sweeping day": "Tomb-sweeping Day",
    "labor day": "Labour Day",
    "labour day": "Labour Day",
    "dragon boat festival": "Dragon Boat Festival",
    "mid-autumn festival": "Mid-autumn Festival",
    "national day": "National Day",
}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class CalendarRangeError(ValueError):
    """A date lies in a year the calendar has no data for, not even provisional."""

    def __init__(self, year: int, first: int, last: int) -> None:
        super().__init__(f"no holiday data for {year}; known years {first}-{last}")
        self.year = year
        self.first = first
        self.last = last


class CalendarFileError(ValueError):
    """The data file is not in the documented shape."""


@dataclass(frozen=True)
class YearData:
    holidays: dict[dt.date, str]  # rest days that are public holidays, with their names
    workdays: frozenset[dt.date]  # weekend days that are make-up working days
    source: str  # "file" | "library" | "provisional"


def _canonical(name: str) -> str:
    base = re.sub(r"\s*\((?:observed|estimated)\)\s*", "", name.strip(), flags=re.IGNORECASE)
    return _NAMES.get(base.lower(), base)


def read_file(path: Path) -> dict[int, YearData]:
    """The years in the data file; {} when it does not exist.  Raises CalendarFileError."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise CalendarFileError(f"{path}: {exc}") from exc
    years = raw.get("years") if isinstance(raw, dict) else None
    if not isinstance(years, dict):
        raise CalendarFileError(f"{path}: no \"years\" object")
    out: dict[int, YearData] = {}
    for key, entry in years.items():
        if not (isinstance(key, str) and key.isdigit() and len(key) == 4) \
                or not isinstance(entry, dict):
            raise CalendarFileError(f"{path}: bad year {key!r}")
        year = int(key)
        holidays, workdays = entry.get("holidays", {}), entry.get("workdays", [])
        if not isinstance(holidays, dict) or not isinstance(workdays, list):
            raise CalendarFileError(f"{path}: {key}: holidays is an object, workdays a list")
        days: dict[dt.date, str] = {}
        for d, name in holidays.items():
            days[_day(path, year, d)] = _canonical(str(name))
        out[year] = YearData(days, frozenset(_day(path, year, d) for d in workdays), "file")
    return out


def _day(path: Path, year: int, text: object) -> dt.date:
    if not isinstance(text, str) or not _DATE.match(text):
        raise CalendarFileError(f"{path}: {year}: {text!r} is not YYYY-MM-DD")
    try:
        day = dt.date.fromisoformat(text)
    except ValueError as exc:
        raise CalendarFileError(f"{path}: {year}: {text!r} is not a date") from exc
    if day.year != year:
        raise CalendarFileError(f"{path}: {text} listed under {year}")
    return day


def _library_years() -> dict[int, YearData]:
    import chinese_calendar
    from chinese_calendar import constants

    out: dict[int, YearData] = {}
    for year in {d.year for d in constants.holidays} | {d.year for d in constants.workdays}:
        days = {d: _canonical(str(chinese_calendar.get_holiday_detail(d)[1] or ""))
                for d in constants.holidays if d.year == year}
        out[year] = YearData(days, frozenset(d for d in constants.workdays if d.year == year),
                             "library")
    return out


def _provisional_year(year: int) -> YearData:
    import holidays

    days = {d: _canonical(name) for d, name in holidays.country_holidays("CN", years=year).items()}
    return YearData(days, frozenset(), "provisional")


@dataclass
class WorkCalendar:
    """Working days; see the module's docstring for where each year comes from."""

    official: dict[int, YearData]
    _provisional: dict[int, YearData] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None) -> WorkCalendar:
        years = _library_years()
        if path is not None:
            years.update(read_file(path))
        return cls(years)

    @property
    def official_range(self) -> tuple[int, int]:
        return min(self.official), max(self.official)

    @property
    def last_year(self) -> int:
        """The last year with an official schedule (library or file)."""
        return max(self.official)

    def covers(self, year: int) -> bool:
        first, last = self.official_range
        return first <= year <= last + PROVISIONAL_YEARS_AHEAD

    def year(self, year: int) -> YearData:
        if year in self.official:
            return self.official[year]
        first, last = self.official_range
        if not self.covers(year):
            raise CalendarRangeError(year, first, last)
        if year not in self._provisional:
            self._provisional[year] = _provisional_year(year)
        return self._provisional[year]

    def provisional(self, year: int) -> bool:
        """Whether ``year``'s dates are provisional (no official schedule known)."""
        return self.year(year).source == "provisional"

    def is_workday(self, day: dt.date) -> bool:
        data = self.year(day.year)
        if day in data.workdays:
            return True
        return day.weekday() < 5 and day not in data.holidays

    def is_makeup_workday(self, day: dt.date) -> bool:
        return day in self.year(day.year).workdays

    def holiday_name(self, day: dt.date) -> str | None:
        data = self.year(day.year)
        if day in data.workdays:
            return None
        return data.holidays.get(day) or None

    def ends_soon(self, today: dt.date, days: int = WARN_DAYS_BEFORE_END) -> dt.date | None:
        """The official calendar's last day when it is within ``days`` of ``today``."""
        end = dt.date(self.last_year, 12, 31)
        return end if (end - today).days <= days else None


@lru_cache(maxsize=1)
def get_calendar() -> WorkCalendar:
    """The process's calendar, with the data file read once."""
    from bot.settings import get_settings

    return WorkCalendar.load(get_settings().calendar_file)


def startup_warning(today: dt.date | None = None) -> str | None:
    """Log (and return) a warning when the official calendar ends within 90 days."""
    from bot.settings import get_settings

    cal = get_calendar()
    today = today or dt.date.today()
    end = cal.ends_soon(today)
    if end is None:
        return None
    message = (f"calendar: official holidays and make-up working days are known up to "
               f"{end.isoformat()}; dates after it are provisional. When the State Council "
               f"publishes the {cal.last_year + 1} schedule, add it to "
               f"{get_settings().calendar_file} "
               f"and restart.")
    logger.warning(message)
    return message
