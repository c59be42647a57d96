"""What the views (/views/…) must show, read from the built data by queries of their own.

Deliberately not the catalogue queries behind the views: each fact is asked separately,
with the session's `select` fixture (pyoxigraph over the built dataset).
"""

from datetime import date

SUMMIT = "https://w3id.org/ruhr-konferenz/id/event/metropolitan-innovation-summit-2022"
RANGE = (date(2018, 12, 1), date(2019, 9, 30))  # the forum events' time span (issue 5)


def seats(select) -> set[tuple[str, str, str]]:
    """(organisation represented, forum, person) of every moderation seat."""
    rows = select("SELECT ?seat ?org ?forum ?person WHERE { ?seat a rk:Moderation ; "
                  "rk:affiliation ?org ; org:organization ?forum ; org:member ?person }")
    found = {(r["org"], r["forum"], r["person"]) for r in rows}
    assert len(found) == len({r["seat"] for r in rows}), "two seats share organisation, forum and person"
    return found


def forums(select) -> list[str]:
    """The forums in number order."""
    rows = select("SELECT ?f ?n WHERE { ?f a rk:ThematicForum ; rk:forumNumber ?n }")
    return [r["f"] for r in sorted(rows, key=lambda r: int(r["n"]))]


def pairs(select, prop: str) -> set[tuple[str, str]]:
    """(department, forum) for rk:leadDepartment or rk:participatingDepartment."""
    return {(r["d"], r["f"]) for r in select(f"SELECT ?d ?f WHERE {{ ?f {prop} ?d }}")}


def timeline_events(select) -> dict[str, str | None]:
    """Forum events dated within RANGE and the summit → the lead department's abbreviation."""
    rows = select("""SELECT ?e ?start ?abbr WHERE {
        ?e a rk:ForumEvent ; schema:startDate ?start ; rk:forum/rk:leadDepartment/rk:abbreviation ?abbr }""")
    found = {r["e"]: r["abbr"] for r in rows if RANGE[0] <= date.fromisoformat(str(r["start"])[:10]) <= RANGE[1]}
    (summit,) = select(f"SELECT ?start WHERE {{ <{SUMMIT}> schema:startDate ?start }}")
    assert summit["start"]
    found[SUMMIT] = None
    return found


def undated_events(select) -> set[str]:
    rows = select("SELECT ?e WHERE { ?e a rk:ForumEvent FILTER NOT EXISTS { ?e schema:startDate ?d } }")
    return {r["e"] for r in rows}


def all_timeline_events(select) -> set[str]:
    return {r["e"] for r in select("SELECT ?e WHERE { ?e a rk:ForumEvent }")} | {SUMMIT}


def network_edges(select) -> set[tuple[str, str, str]]:
    """(source, relation, target) of lead, participates, moderates and member-of."""
    edges = {(d, "lead", f) for d, f in pairs(select, "rk:leadDepartment")}
    edges |= {(d, "participates", f) for d, f in pairs(select, "rk:participatingDepartment")}
    moderating = select("SELECT ?p ?f WHERE { ?seat a rk:Moderation ; org:member ?p ; org:organization ?f }")
    edges |= {(r["p"], "moderates", r["f"]) for r in moderating}
    member = select("""SELECT ?p ?o WHERE {
        { ?seat org:member ?p ; rk:affiliation ?o } UNION { ?p org:holds ?post . ?post org:postIn ?o }
        UNION { ?p org:memberOf ?o FILTER NOT EXISTS { ?o a rk:ThematicForum } } }""")
    return edges | {(r["p"], "member-of", r["o"]) for r in member}


def map_places(select) -> dict[str, dict]:
    """Every venue with an event and every city, with a point → kind, point, precision, events."""
    rows = select("""SELECT ?place ?kind ?lat ?lon ?precision WHERE {
        { ?place a rk:Venue BIND ("venue" AS ?kind) FILTER EXISTS { ?e schema:location ?place } }
        UNION { ?place a rk:City BIND ("city" AS ?kind) }
        ?place schema:geo ?geo . ?geo schema:latitude ?lat ; schema:longitude ?lon .
        ?place rk:locationPrecision ?precision }""")
    found = {r["place"]: {"kind": r["kind"], "lat": float(r["lat"]), "lon": float(r["lon"]),
                          "precision": r["precision"], "events": set()} for r in rows}
    assert len(found) == len(rows), "a place with two points"
    held = select("""SELECT ?e ?place WHERE { ?e a schema:Event .
        { ?e schema:location ?place } UNION { ?e schema:location ?venue . ?venue rk:city ?place } }""")
    for row in held:
        if row["place"] in found:
            found[row["place"]]["events"].add(row["e"])
    return found


def lead_of_events(select) -> dict[str, str]:
    """Event → the abbreviation of its forum's lead department ("" for an event without a forum)."""
    rows = select("""SELECT ?e ?abbr WHERE { ?e a schema:Event
        OPTIONAL { ?e rk:forum/rk:leadDepartment/rk:abbreviation ?abbr } }""")
    return {r["e"]: r["abbr"] or "" for r in rows}
