"""The map /views/map, the small maps and the section "Links to other datasets" over HTTP.

What each page must show is read from the built data by queries of the tests' own
(`views_facts`, the `select` fixture), not from the catalogue queries behind the pages.
"""

import json
import re
from html.parser import HTMLParser

import pytest
import views_facts as facts
from pages_support import get, parse_html

from rk.web import create_app
from rk.web.views import basemap

BASE = "https://w3id.org/ruhr-konferenz/"
META = "https://w3id.org/ruhr-konferenz/graph/meta"


class Rows(HTMLParser):
    """The attributes and the cell texts of every <tr> below the element with id `inside`."""

    def __init__(self, inside: str):
        super().__init__()
        self.inside, self.depth, self.rows = inside, 0, []
        self._row = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self.depth:
            self.depth += 1
        elif attributes.get("id") == self.inside:
            self.depth = 1
        if self.depth and tag == "tr":
            self._row = (attributes, [])
            self.rows.append(self._row)
        elif self.depth and tag == "td" and self._row:
            self._row[1].append("")

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and self._row and self._row[1]:
            self._row[1][-1] += data


def rows_of(text: str, inside: str) -> list[tuple[dict, list[str]]]:
    parser = Rows(inside)
    parser.feed(text)
    return [(attrs, [" ".join(cell.split()) for cell in cells]) for attrs, cells in parser.rows]


def page_path(iri: str) -> str:
    return "/page/" + iri.removeprefix(BASE + "id/")


def map_data(text: str) -> dict:
    (block,) = [body for attrs, body in parse_html(text).scripts if attrs.get("id") == "map-data"]
    return json.loads(block)


@pytest.fixture(scope="module")
def fetch(port):
    pages = {}

    def load(path: str) -> str:
        if path not in pages:
            answer = get(port, path)
            assert answer.status == 200, (path, answer.status)
            pages[path] = answer.text
        return pages[path]

    return load


def test_the_views_index_and_home_link_the_map(fetch):
    assert "/views/map" in parse_html(fetch("/views")).anchors
    assert "/views/map" in parse_html(fetch("/")).anchors


def test_map_has_a_marker_and_a_table_row_per_place_with_its_events(fetch, select):
    expected = facts.map_places(select)
    text = fetch("/views/map")
    markers = {m["iri"]: m for m in map_data(text)["markers"]}
    assert set(markers) == set(expected) and len(map_data(text)["markers"]) == len(expected)
    table = {attrs["data-place"]: attrs for attrs, _ in rows_of(text, "places") if "data-place" in attrs}
    assert set(table) == set(expected)
    for iri, place in expected.items():
        marker = markers[iri]
        assert (marker["kind"], marker["lat"], marker["lon"], marker["precision"]) == \
            (place["kind"], place["lat"], place["lon"], place["precision"]), iri
        assert marker["events"] == int(table[iri]["data-events"]) == len(place["events"]), iri
        assert marker["url"] == page_path(iri)


def test_markers_and_table_are_coloured_by_the_lead_departments_of_their_events(fetch, select):
    expected, leads = facts.map_places(select), facts.lead_of_events(select)
    text = fetch("/views/map")
    legend = {li["data-department"]: li["data-colour"] for li in _items(text, "legend") if "data-department" in li}
    for attrs, cells in rows_of(text, "places"):
        if "data-place" not in attrs:
            continue
        departments = {leads[event] for event in expected[attrs["data-place"]]["events"]}
        shown = set(re.findall(r'data-department="([^"]*)"', _row_html(text, attrs["data-place"])))
        assert shown == departments, attrs["data-place"]
    markers = map_data(text)["markers"]
    for marker in markers:
        departments = {leads[event] for event in expected[marker["iri"]]["events"]}
        if len(departments) == 1:
            assert marker["background"] == legend[departments.pop()], marker["iri"]
        elif departments:
            assert marker["background"].startswith("conic-gradient(")
            assert {legend[d] for d in departments} == set(re.findall(r"#[0-9a-f]{6}", marker["background"]))
    assert set(legend) == {leads[e] for place in expected.values() for e in place["events"]}


def test_map_uses_the_timelines_colours(fetch):
    on_map = {li["data-department"]: li["data-colour"] for li in _items(fetch("/views/map"), "legend")
              if "data-department" in li}
    on_timeline = {li["data-department"]: li["data-colour"] for li in _items(fetch("/views/timeline"), "legend")}
    assert on_map and all(on_timeline[abbr] == colour for abbr, colour in on_map.items())


def test_places_outside_the_base_map_are_listed_and_venues_at_their_city_sit_on_a_ring(fetch):
    text = fetch("/views/map")
    data = map_data(text)
    project = basemap.projection()
    outside = {m["iri"] for m in data["markers"] if not project.covers(m["lat"], m["lon"])}
    listed = set(re.findall(r'data-place="([^"]+)"', text.split('id="outside"', 1)[1].split("</p>", 1)[0])) \
        if outside else set()
    assert listed == outside
    at_city = [m for m in data["markers"] if m["kind"] == "venue" and m["precision"] == "city"]
    assert at_city and all(m["offset"] != [0, 0] for m in at_city)
    assert all(m["offset"] == [0, 0] for m in data["markers"] if m not in at_city)


def test_map_asks_no_other_host_by_default(fetch):
    text = fetch("/views/map")
    data = map_data(text)
    assert data["tiles"] is None
    page = parse_html(text)
    assert all(url.startswith("/") and not url.startswith("//") for url in page.resources)
    assert data["baseMap"].startswith("/static/vendor/") and basemap.attribution() in text
    for attrs, body in page.scripts:
        assert "src" in attrs or attrs.get("type") == "application/json", attrs
        assert "<" not in body


def test_the_tile_setting_puts_tiles_and_their_escaped_attribution_on_the_map(dataset_dir):
    url = "http://127.0.0.1:9/tiles/{z}/{x}/{y}.png"
    app = create_app({"STORE": "embedded", "BUILD_DIR": str(dataset_dir), "CACHE_BYTES": 0,
                      "MAP_TILES": url, "MAP_TILES_ATTRIBUTION": "Kacheln <b>Test</b>"})
    text = app.test_client().get("/views/map").get_data(as_text=True)
    assert map_data(text)["tiles"] == {"url": url, "attribution": "Kacheln <b>Test</b>"}
    assert "Kacheln &lt;b&gt;Test&lt;/b&gt;" in text and "<b>Test</b>" not in text
    assert create_app({"STORE": "embedded", "BUILD_DIR": str(dataset_dir)}).config["MAP_TILES"] == ""


@pytest.mark.parametrize("lang, title", [("de", "Karte"), ("en", "Map")])
def test_map_speaks_german_and_english(fetch, lang, title):
    text = fetch(f"/views/map?lang={lang}")
    assert f"<h1>{title}</h1>" in text and f'<html lang="{lang}">' in text


def test_every_linked_thing_shows_each_target_with_its_dataset(fetch, select):
    links = select(f"""SELECT ?s ?p ?o WHERE {{ GRAPH <{BASE}graph/data> {{
        VALUES ?p {{ owl:sameAs foaf:isPrimaryTopicOf }} ?s ?p ?o FILTER STRSTARTS(STR(?s), "{BASE}id/") }} }}""")
    datasets = select(f"""SELECT ?space ?title WHERE {{ GRAPH <{META}> {{
        ?target <http://rdfs.org/ns/void#uriSpace> ?space ; dcterms:title ?title FILTER (LANG(?title) = "de") }} }}""")
    assert len(links) >= 50
    by_subject: dict[str, set[str]] = {}
    for row in links:
        by_subject.setdefault(row["s"], set()).add(row["o"])
    for subject, targets in by_subject.items():
        text = fetch(page_path(subject))
        assert "<h2>Verweise auf andere Datensätze</h2>" in text, subject
        shown = {attrs["data-target"]: cells for attrs, cells in rows_of(text, "links") if "data-target" in attrs}
        assert targets <= set(shown), (subject, targets - set(shown))
        for target in targets:
            (title,) = [d["title"] for d in datasets if target.startswith(d["space"])]
            assert shown[target][0] == title, (subject, target)
            assert shown[target][1] == target


def test_linked_places_show_municipality_key_and_point_with_its_precision(fetch, select):
    rows = select("""SELECT ?place ?lat ?lon ?precision ?key WHERE {
        ?place schema:geo ?geo . ?geo schema:latitude ?lat ; schema:longitude ?lon .
        ?place rk:locationPrecision ?precision OPTIONAL { ?place rk:municipalityKey ?key } }""")
    assert any(r["precision"] == "city" for r in rows if "/venue/" in r["place"])
    for row in rows:
        text = fetch(page_path(row["place"]))
        section = rows_of(text, "links")
        (point,) = [attrs for attrs, _ in section if "data-lat" in attrs]
        assert (point["data-lat"], point["data-lon"], point["data-precision"]) == \
            (row["lat"], row["lon"], row["precision"])
        cells = [cells for attrs, cells in section if "data-lat" in attrs][0]
        assert ("Lage der Stadt" in cells[1]) == (row["precision"] == "city"), row["place"]
        keys = [attrs["data-key"] for attrs, _ in section if "data-key" in attrs]
        assert keys == ([row["key"]] if row["key"] else []), row["place"]
    english = rows_of(fetch("/page/venue/staatskanzlei?lang=en"), "links")
    assert any("location of the city" in cells[1] for attrs, cells in english if "data-lat" in attrs)


def test_dataset_lists_every_linkset_with_the_count_of_the_meta_graph(fetch, select):
    expected = {r["linkset"]: r["triples"] for r in select(f"""SELECT ?linkset ?triples WHERE {{
        GRAPH <{META}> {{ ?linkset a <http://rdfs.org/ns/void#Linkset> ; <http://rdfs.org/ns/void#triples> ?triples }} }}""")}
    assert len(expected) >= 4
    for path in ("/dataset", "/dataset?lang=en"):
        shown = {attrs["data-linkset"]: attrs["data-triples"] for attrs, _ in rows_of(fetch(path), "linksets")
                 if "data-linkset" in attrs}
        assert shown == expected, path


def test_venue_city_and_event_pages_show_a_small_map_of_their_points(fetch, select):
    project = basemap.projection()
    points = select("""SELECT ?thing ?place ?lat ?lon WHERE {
        { ?thing a rk:Venue } UNION { ?thing a rk:City } UNION { ?thing a schema:Event }
        { ?thing schema:geo ?geo BIND (?thing AS ?place) } UNION { ?thing schema:location ?place . ?place schema:geo ?geo }
        ?geo schema:latitude ?lat ; schema:longitude ?lon }""")
    by_thing: dict[str, set[str]] = {}
    for row in points:
        if project.covers(float(row["lat"]), float(row["lon"])):
            by_thing.setdefault(row["thing"], set()).add(row["place"])
    assert any("/event/" in t for t in by_thing) and any("/venue/" in t for t in by_thing)
    for thing, places in by_thing.items():
        text = fetch(page_path(thing))
        drawn = re.search(r'<figure class="small-map".*?</figure>', text, re.S)
        assert drawn, thing
        assert set(re.findall(r'<circle class="point"[^>]*data-place="([^"]+)"', drawn.group(0))) == places, thing
        assert '<image href="/views/map/base.svg"' in drawn.group(0) and basemap.attribution() in drawn.group(0)


def test_the_small_maps_base_is_an_svg_of_the_districts(port):
    answer = get(port, "/views/map/base.svg")
    assert answer.status == 200 and answer.headers["Content-Type"].startswith("image/svg+xml")
    districts = [f for f in basemap.collection()["features"] if f["properties"]["layer"] == "district"]
    assert answer.text.count("<path ") == len(districts) == 53


def _items(text: str, inside: str) -> list[dict]:
    block = text.split(f'id="{inside}"', 1)[1].split("</ul>", 1)[0]
    return [dict(re.findall(r'(data-[a-z-]+)="([^"]*)"', li)) for li in re.findall(r"<li[^>]*>", block)]


def _row_html(text: str, place: str) -> str:
    table = text.split('id="places"', 1)[1]
    return table.split(f'<tr data-place="{place}"', 1)[1].split("</tr>", 1)[0]
