"""What each view shows, as a named context for its template: built from the rows of the
view's catalogue query (and, for the map, the timeline's)."""

from dataclasses import dataclass, fields

from flask import current_app, url_for
from flask_babel import gettext

from rk.web.app_store import get_store
from rk.web.pages import projects, site, wording
from rk.web.pages.terms import Term, rows
from rk.web.sparql import examples
from rk.web.views import basemap, places, timeline

# view → the catalogue query it shows
QUERIES = {
    "moderation": "moderation-matrix",
    "timeline": "programme-timeline",
    "network": "actor-network",
    "map": "map-places",
    "projects": "forum-projects-matrix",
}
RELATIONS = ("lead", "participates", "interested", "moderates", "member-of")


@dataclass(frozen=True)
class ModerationView:
    forums: list[tuple[str, int]]   # (forum IRI, number), by number
    groups: list[dict]              # departments, then each sector: title, sector, rows
    seats: list[dict]               # every moderation seat, by forum and position


@dataclass(frozen=True)
class TimelineView:
    chart: dict
    first_day: str | None
    last_day: str | None
    legend: list[tuple[str, str]]
    undated: list[timeline.Event]
    events: list[timeline.Event]


@dataclass(frozen=True)
class NetworkView:
    graph: dict                     # nodes and edges for vis-network
    nodes: dict[str, dict]
    edges: list[dict]
    kinds: dict[str, int]
    relations: dict[str, int]


@dataclass(frozen=True)
class MapView:
    places: list[places.Place]
    legend: list[tuple[str, str]]
    outside: list[places.Place]
    counts: dict[str, int]
    map_data: dict                  # markers and base map for Leaflet


@dataclass(frozen=True)
class ProjectsView:
    forums: list[dict]
    statuses: tuple[str, ...]
    described: int


def template_values(context) -> dict:
    """A view context's fields as template variables (not copied, unlike dataclasses.asdict)."""
    return {field.name: getattr(context, field.name) for field in fields(context)}


def moderation(found: list[dict[str, Term]], lang: str) -> ModerationView:
    """The matrix: departments, then other organisations by sector (rows) × forums (columns)."""
    labels = site.labels()
    forums = sorted({r["forum"].value: int(r["number"].value) for r in found}.items(), key=lambda f: f[1])
    cells: dict[tuple[str, str], dict] = {}
    organisations: dict[str, dict] = {}
    for row in found:
        iri = row["organisation"].value
        organisations.setdefault(iri, {
            "iri": iri,
            "department": row["department"].value == "true",
            "short": row["abbreviation"].value if "abbreviation" in row else labels.show(iri, lang),
            "sector": row["sector"].value if "sector" in row else "",
            "leads": [],
        })
        cell = cells.setdefault((iri, row["forum"].value), {"relations": set(), "seats": []})
        relation = row["relation"].value
        cell["relations"].add(relation)
        if relation == "lead":
            organisations[iri]["leads"].append(int(row["number"].value))
        if relation == "moderates":
            cell["seats"].append({
                "forum": row["forum"].value, "number": int(row["number"].value),
                "position": int(row["position"].value), "person": row["person"].value,
                "role": row["role"].value if "role" in row else "", "organisation": iri,
            })
    for cell in cells.values():
        cell["seats"].sort(key=lambda seat: seat["position"])
    empty = {"relations": set(), "seats": []}

    def line(org: dict) -> dict:
        return {**org, "cells": [(forum, cells.get((org["iri"], forum), empty)) for forum, _ in forums]}

    departments = sorted(
        (o for o in organisations.values() if o["department"]),
        key=lambda o: (min(o["leads"], default=len(forums) + 1), o["short"].casefold()),
    )
    title = gettext("State government departments")
    groups = [{"title": title, "sector": "", "rows": [line(o) for o in departments]}]
    others = [o for o in organisations.values() if not o["department"]]
    def by_label(sector: str) -> tuple:
        return (sector == "", labels.show(sector, lang).casefold() if sector else "")

    for sector in sorted({o["sector"] for o in others}, key=by_label):
        members = sorted((o for o in others if o["sector"] == sector), key=lambda o: o["short"].casefold())
        title = labels.show(sector, lang) if sector else gettext("no sector")
        groups.append({"title": title, "sector": sector, "rows": [line(o) for o in members]})
    seats = sorted(
        (seat for cell in cells.values() for seat in cell["seats"]),
        key=lambda seat: (seat["number"], seat["position"]),
    )
    return ModerationView(forums=forums, groups=groups, seats=seats)


def timeline_view(found: list[dict[str, Term]], lang: str) -> TimelineView:
    """The SVG chart, its legend, the events without a date and the full table."""
    events = timeline.events(found)
    chart = timeline.chart(events, lang)
    legend = sorted(chart["colours"].items(), key=lambda item: (item[0] == "", item[0].casefold()))
    dated = [e for e in events if e.start is not None]
    return TimelineView(
        chart=chart,
        first_day=min(e.start for e in dated).isoformat() if dated else None,
        last_day=max(e.end or e.start for e in dated).isoformat() if dated else None,
        legend=legend,
        undated=[e for e in events if e.start is None],
        events=sorted(events, key=lambda e: (e.start is None, e.start or e.end, e.number or 0, e.iri)),
    )


def network(found: list[dict[str, Term]], lang: str) -> NetworkView:
    """Nodes and edges for vis-network (embedded as JSON) and the edge list."""
    labels = site.labels()
    nodes: dict[str, dict] = {}

    def node(iri: str, kind: str, abbreviation: Term | None, number: Term | None) -> None:
        full = labels.show(iri, lang)
        short = abbreviation.value if abbreviation else f"{int(number.value):02d}" if number else full
        nodes.setdefault(iri, {"id": iri, "label": short, "title": full, "group": kind,
                               "url": site.href(iri)})

    edges = []
    for row in found:
        source, target, relation = row["source"].value, row["target"].value, row["relation"].value
        node(source, row["sourceKind"].value, row.get("sourceAbbreviation"), None)
        node(target, row["targetKind"].value, row.get("targetAbbreviation"), row.get("targetNumber"))
        edges.append({"from": source, "to": target, "relation": relation,
                      "title": str(wording.RELATION_NAMES[relation])})
    kinds = {kind: sum(1 for n in nodes.values() if n["group"] == kind)
             for kind in ("department", "forum", "person", "organisation")}
    return NetworkView(
        graph={"nodes": list(nodes.values()), "edges": edges},
        nodes=nodes, edges=edges, kinds=kinds,
        relations={r: sum(1 for e in edges if e["relation"] == r) for r in RELATIONS if r != "interested"},
    )


def map_view(found: list[dict[str, Term]], lang: str) -> MapView:
    """Markers (embedded as JSON for Leaflet), legend and table of the places of map-places."""
    timeline_rows = rows(get_store().query(examples.find(QUERIES["timeline"]).text))
    found_places, palette = places.places(found, timeline_rows)
    labels = site.labels()
    shown = {abbr for place in found_places for abbr, _, _ in place.segments}
    legend = [(abbr, colour) for abbr, colour in
              sorted(palette.items(), key=lambda item: (item[0] == "", item[0].casefold())) if abbr in shown]
    inside = [p for p in found_places if p.inside]
    config = current_app.config
    markers = [{
        "iri": p.iri, "url": site.href(p.iri), "label": labels.show(p.iri, lang), "kind": p.kind,
        "lat": p.lat, "lon": p.lon, "precision": p.precision, "events": len(p.events),
        "background": p.background(), "offset": p.offset, "lines": _marker_lines(p, lang),
    } for p in found_places]
    return MapView(
        places=found_places, legend=legend, outside=[p for p in found_places if not p.inside],
        counts={kind: sum(1 for p in found_places if p.kind == kind) for kind in ("city", "venue")},
        map_data={
            "markers": markers,
            "home": [[min(p.lat for p in inside), min(p.lon for p in inside)],
                     [max(p.lat for p in inside), max(p.lon for p in inside)]] if inside else None,
            "baseMap": url_for("static", filename=basemap.STATIC_PATH),
            "baseMapAttribution": basemap.attribution(),
            "tiles": {"url": config["MAP_TILES"], "attribution": config["MAP_TILES_ATTRIBUTION"]}
            if config["MAP_TILES"] else None,
        },
    )


def _marker_lines(place: places.Place, lang: str) -> list[str]:
    """The lines of a marker's tooltip: name, kind, events, forums, dates, precision."""
    labels = site.labels()
    kind = gettext("City") if place.kind == "city" else gettext("Venue")
    lines = [labels.show(place.iri, lang),
             f"{kind}" + (f", {labels.show(place.city, lang)}" if place.kind == "venue" and place.city else ""),
             f"{len(place.events)} {gettext('events') if len(place.events) != 1 else gettext('event')}"]
    if place.forums:
        lines.append(f"{gettext('Forums')}: {', '.join(f'{n:02d}' for n in place.forums)}")
    if place.dates:
        lines.append(f"{gettext('Date')}: {', '.join(place.dates)}")
    if place.kind == "venue" and place.precision == "city":
        lines.append(gettext("location of the city"))
    return lines


def projects_view(found: list[dict[str, Term]], lang: str) -> ProjectsView:
    """Forums (rows) × latest status (columns, in the order of projects.STATUSES, then none),
    each cell listing the forum's projects with that status."""
    forums: dict[str, dict] = {}
    for row in found:
        forum = forums.setdefault(row["forum"].value, {"iri": row["forum"].value, "number": int(row["number"].value),
                                                       "cells": {status: [] for status in (*projects.STATUSES, "")},
                                                       "count": 0})
        if "project" in row:
            status = row["status"].value if "status" in row else ""
            forum["cells"][status].append({"iri": row["project"].value,
                                           "id": row["projectId"].value if "projectId" in row else "",
                                           "date": row["statusDate"].value if "statusDate" in row else ""})
            forum["count"] += 1
    ordered = sorted(forums.values(), key=lambda forum: forum["number"])
    return ProjectsView(forums=ordered, statuses=(*projects.STATUSES, ""),
                        described=sum(forum["count"] for forum in ordered))


BUILDERS = {"moderation": moderation, "timeline": timeline_view, "network": network, "map": map_view, "projects": projects_view}
