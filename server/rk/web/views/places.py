"""The map view's places: markers from the query map-places, coloured like the timeline.

Each place of `map-places` becomes one marker at its point. Its colour is that of the lead
departments of the forums whose events took place there, in the timeline's colours (the
palette of `timeline.colours` over the timeline query's events, so both views agree): a
marker with events of several departments is divided like a pie, by number of events.
A venue without a point of its own sits at its city's point (precision "city"); the map
draws such venues on a small ring around their city's marker (a fixed offset in pixels,
the point itself unchanged), so that each can be seen and clicked.
"""

import math
from dataclasses import dataclass, field

from rk.web.pages.terms import Term
from rk.web.views import timeline

# the part of the world the base map covers (NRW); places outside it are listed apart
NRW = {"south": 50.3, "north": 52.6, "west": 5.8, "east": 9.5}
RING = 16  # pixels from a city's marker to the venues drawn around it
EMPTY = "#ffffff"  # a place without events


@dataclass
class Place:
    """One row of map-places, with its events from the timeline query."""

    iri: str
    kind: str  # "venue" or "city"
    lat: float
    lon: float
    precision: str
    city: str | None
    events: list[timeline.Event]
    forums: list[int]
    dates: list[str]  # start days, sorted
    leads: list[str]
    offset: tuple[int, int] = (0, 0)
    segments: list[tuple[str, str, int]] = field(default_factory=list)  # (abbreviation, colour, events)

    @property
    def inside(self) -> bool:
        return NRW["south"] <= self.lat <= NRW["north"] and NRW["west"] <= self.lon <= NRW["east"]

    def background(self) -> str:
        """The marker's fill: one colour, or a conic gradient with a share per department."""
        if not self.segments:
            return EMPTY
        if len(self.segments) == 1:
            return self.segments[0][1]
        total, start, stops = sum(n for _, _, n in self.segments), 0, []
        for _, colour, n in self.segments:
            end = start + n
            stops.append(f"{colour} {round(100 * start / total, 2)}% {round(100 * end / total, 2)}%")
            start = end
        return f"conic-gradient({', '.join(stops)})"


def places(found: list[dict[str, Term]], timeline_rows: list[dict[str, Term]]) -> tuple[list[Place], dict[str, str]]:
    """The places of map-places, and the timeline's colours by department abbreviation."""
    events = {event.iri: event for event in timeline.events(timeline_rows)}
    palette = timeline.colours(list(events.values()))
    result = []
    for row in found:
        listed = row["eventList"].value.split() if "eventList" in row else []
        place = Place(
            iri=row["place"].value, kind=row["kind"].value,
            lat=float(row["lat"].value), lon=float(row["lon"].value), precision=row["precision"].value,
            city=row["city"].value if "city" in row else None,
            events=sorted((events.get(iri) or timeline.Event(iri) for iri in listed),
                          key=lambda e: (e.start is None, e.start or e.end, e.iri)),
            forums=sorted(int(n) for n in _split(row, "forums")),
            dates=sorted({day[:10] for day in _split(row, "dates")}),
            leads=sorted(_split(row, "leads"), key=str.casefold),
        )
        counts: dict[str, int] = {}
        for event in place.events:
            counts[event.abbreviation] = counts.get(event.abbreviation, 0) + 1
        place.segments = [(abbr, palette.get(abbr, timeline.NEUTRAL), counts[abbr])
                          for abbr in sorted(counts, key=lambda a: (a == "", a.casefold()))]
        result.append(place)
    _ring_around_cities(result)
    return result, palette


def _ring_around_cities(found: list[Place]) -> None:
    """Offset the venues that share their city's point evenly around the city's marker."""
    by_city: dict[str, list[Place]] = {}
    for place in found:
        if place.kind == "venue" and place.precision == "city" and place.city:
            by_city.setdefault(place.city, []).append(place)
    for venues in by_city.values():
        for i, venue in enumerate(sorted(venues, key=lambda p: p.iri)):
            angle = 2 * math.pi * i / len(venues) - math.pi / 2
            radius = RING + 2 * max(0, len(venues) - 6)
            venue.offset = (round(radius * math.cos(angle)), round(radius * math.sin(angle)))


def _split(row: dict[str, Term], name: str) -> list[str]:
    return [part for part in row[name].value.split(", ") if part] if name in row else []
