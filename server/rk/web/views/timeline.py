"""The timeline view's geometry: events on month-aligned time spans, one lane per forum.

Dated events fall into spans of whole months; a gap of more than `GAP_MONTHS` empty months
starts a new span, drawn after a visible break (2018/19 and the 2022 summit). Colours
belong to the forums' lead departments, assigned in the order of their abbreviations.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from rk.web.pages.terms import Term

PALETTE = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#bcbd22",
    "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2",
    "#dbdb8d", "#9edae5",
)
NEUTRAL = "#6f6f6f"  # events without a forum (the summit)
MONTHS = {
    "de": ("Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sep.", "Okt.", "Nov.", "Dez."),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
GAP_MONTHS = 6
LEFT, TOP, PLOT, LANE, BREAK, BAR, MIN_WIDTH = 84, 34, 880, 20, 28, 14, 6


@dataclass
class Event:
    """One event of the timeline query (its rows merged)."""

    iri: str
    start: date | None = None
    end: date | None = None
    forum: str | None = None
    number: int | None = None
    department: str | None = None
    abbreviation: str = ""
    cities: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Span:
    """Whole months from `start` up to (not including) `stop`, drawn from `x` on."""

    start: date
    stop: date
    x: float
    scale: float  # pixels per day

    def at(self, day: date) -> float:
        return self.x + (day - self.start).days * self.scale


def events(rows: list[dict[str, Term]]) -> list[Event]:
    """The query's rows merged per event (an event may lie in more than one city)."""
    merged: dict[str, Event] = {}
    for row in rows:
        iri = row["event"].value
        event = merged.setdefault(iri, Event(iri))
        if "start" in row:
            event.start = date.fromisoformat(row["start"].value[:10])
            event.end = date.fromisoformat(row["end"].value[:10]) if "end" in row else event.start
        if "forum" in row:
            event.forum, event.number = row["forum"].value, int(row["number"].value)
        if "lead" in row:
            event.department, event.abbreviation = row["lead"].value, row["abbreviation"].value
        if "city" in row and row["city"].value not in event.cities:
            event.cities.append(row["city"].value)
    return list(merged.values())


def colours(found: list[Event]) -> dict[str, str]:
    """Lead department abbreviation → colour; "" (no forum) → the neutral grey."""
    abbreviations = sorted({e.abbreviation for e in found if e.abbreviation}, key=str.casefold)
    assigned = {abbr: PALETTE[i % len(PALETTE)] for i, abbr in enumerate(abbreviations)}
    if any(not e.abbreviation for e in found):
        assigned[""] = NEUTRAL
    return assigned


def spans(dated: list[Event]) -> list[Span]:
    """Month-aligned spans covering the dated events, laid out across the plot width."""
    bounds: list[list[int]] = []  # [first month, last month] as year * 12 + month - 1
    for event in sorted(dated, key=lambda e: e.start):
        first, last = _month(event.start), _month(event.end)
        if bounds and first - bounds[-1][1] <= GAP_MONTHS + 1:
            bounds[-1][1] = max(bounds[-1][1], last)
        else:
            bounds.append([first, last])
    ranges = [(_day(first), _day(last + 1)) for first, last in bounds]
    days = sum((stop - start).days for start, stop in ranges) or 1
    scale = (PLOT - BREAK * (len(ranges) - 1)) / days
    result, x = [], float(LEFT)
    for start, stop in ranges:
        result.append(Span(start, stop, x, scale))
        x += (stop - start).days * scale + BREAK
    return result


def chart(found: list[Event], lang: str) -> dict:
    """Everything the SVG needs: size, lanes, month ticks, breaks and one mark per dated event."""
    dated = [e for e in found if e.start is not None]
    laid = spans(dated)
    lanes = sorted({e.number for e in found if e.number is not None})
    keys = [*lanes, None] if any(e.number is None for e in found) else lanes
    lane_of = {key: i for i, key in enumerate(keys)}
    palette = colours(found)
    marks = []
    for event in dated:
        span = next(s for s in laid if s.start <= event.start < s.stop)
        x = span.at(event.start)
        width = max(span.at(event.end + timedelta(days=1)) - x, MIN_WIDTH)
        marks.append({
            "event": event, "x": round(x, 1), "width": round(width, 1),
            "y": TOP + lane_of[event.number] * LANE + (LANE - BAR) / 2,
            "colour": palette[event.abbreviation],
        })
    ticks = []
    for span in laid:
        month = span.start
        while month < span.stop:
            name = MONTHS[lang][month.month - 1]
            first = month == span.start or month.month == 1
            ticks.append({"x": round(span.at(month), 1), "label": f"{name} {month.year}" if first else name})
            month = _day(_month(month) + 1)
    height = TOP + len(keys) * LANE + 8
    return {
        "width": LEFT + PLOT + 8, "height": height, "top": TOP, "left": LEFT, "lane": LANE, "bar": BAR,
        "lanes": [{"number": key, "y": TOP + i * LANE} for i, key in enumerate(keys)],
        "ticks": ticks, "marks": marks,
        "breaks": [round(s.x - BREAK / 2, 1) for s in laid[1:]],
        "spans": [{"x": round(s.x, 1), "width": round((s.stop - s.start).days * s.scale, 1)} for s in laid],
        "colours": palette,
    }


def _month(day: date) -> int:
    return day.year * 12 + day.month - 1


def _day(month: int) -> date:
    return date(month // 12, month % 12 + 1, 1)
