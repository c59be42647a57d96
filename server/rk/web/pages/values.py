"""Values for people: literals formatted for the page's locale with Babel.

Dates read "22. März 2019" / "March 22, 2019", times of day keep the offset the data
states (Europe/Berlin), a span on one day reads "22. März 2019, 12:30–16:30 Uhr",
booleans "ja"/"nein", numbers with the locale's separators. What cannot be parsed is
shown as written.
"""

from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from babel.dates import format_date, format_interval, format_time
from babel.numbers import format_decimal
from babel.units import format_unit
from flask_babel import gettext

XSD = "http://www.w3.org/2001/XMLSchema#"
NUMBERS = {XSD + name for name in ("integer", "decimal", "double", "float", "int", "long",
                                    "nonNegativeInteger", "positiveInteger")}
_CLOCK = {"de": "HH:mm 'Uhr'", "en": "h:mm a"}
_SPAN = {"de": "Hm", "en": "hm"}


def moment(lexical: str) -> date | datetime | None:
    """An xsd:date or xsd:dateTime lexical form as a date or an aware datetime, else None."""
    try:
        if "T" in lexical:
            return datetime.fromisoformat(lexical.replace("Z", "+00:00"))
        return date.fromisoformat(lexical[:10])
    except ValueError:
        return None


def day(value: date | datetime, lang: str) -> str:
    """The calendar day in words: "22. März 2019"."""
    return format_date(value.date() if isinstance(value, datetime) else value, "long", locale=lang)


def clock(value: datetime, lang: str) -> str:
    """The time of day: "12:30 Uhr" / "12:30 PM"."""
    return format_time(value.timetz(), _CLOCK.get(lang, "HH:mm"), locale=lang)


def when(start: str | None, end: str | None, lang: str) -> str:
    """A date or date-time, or a span of two, in words ("22. März 2019, 12:30–16:30 Uhr")."""
    first = moment(start) if start else None
    if first is None:
        return start or ""
    last = moment(end) if end else None
    if last is None or last == first:
        return day(first, lang) + (f", {clock(first, lang)}" if isinstance(first, datetime) else "")
    if isinstance(first, datetime) and isinstance(last, datetime):
        if first.date() == last.date():
            hours = format_interval(first.timetz(), last.timetz(), _SPAN.get(lang, "Hm"), locale=lang)
            return f"{day(first, lang)}, {hours}"
        return f"{when(start, None, lang)} – {when(end, None, lang)}"
    as_day = [v.date() if isinstance(v, datetime) else v for v in (first, last)]
    return format_interval(as_day[0], as_day[1], "yMMMMd", locale=lang)


def literal(value: str, datatype: str | None, lang: str) -> str:
    """A literal's value as a person reads it in `lang`."""
    if datatype in (XSD + "date", XSD + "dateTime"):
        return when(value, None, lang)
    if datatype == XSD + "boolean":
        return gettext("yes") if value in ("true", "1") else gettext("no")
    if datatype in NUMBERS:
        try:
            return format_decimal(Decimal(value), locale=lang)
        except InvalidOperation:
            return value
    return value


def number(value: int | float, lang: str) -> str:
    """A count or a measure with the locale's separators ("10.000", "10,0")."""
    return format_decimal(value, locale=lang)


def size(count: int, lang: str) -> str:
    """A file size in kB or MB ("377 kB", "1,4 MB")."""
    if count >= 1_000_000:
        return format_unit(count / 1_000_000, "digital-megabyte", length="short", format="#,##0.0", locale=lang)
    return format_unit(count / 1000, "digital-kilobyte", length="short", format="#,##0", locale=lang)
