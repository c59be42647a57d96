"""The views /views/{moderation,timeline,network,projects} over HTTP: their tables and marks hold what the data implies."""

import json
from html.parser import HTMLParser

import pytest
import views_facts as facts
from pages_support import get, parse_html

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Elements(HTMLParser):
    """Every element with its attributes and the attributes of its ancestors."""

    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, dict, list[tuple[str, dict]]]] = []
        self._stack: list[tuple[str, dict]] = []
        self.h1 = ""

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        self.found.append((tag, attributes, list(self._stack)))
        if tag not in VOID:
            self._stack.append((tag, attributes))

    def handle_startendtag(self, tag, attrs):
        self.found.append((tag, {name: value or "" for name, value in attrs}, list(self._stack)))

    def handle_endtag(self, tag):
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self._stack and self._stack[-1][0] == "h1":
            self.h1 += data

    def select(self, tag: str, inside: str | None = None, cls: str | None = None):
        """(attributes, ancestors) of each `tag` below the element with id `inside`, of class `cls`."""
        for name, attributes, ancestors in self.found:
            if name != tag or (cls and cls not in attributes.get("class", "").split()):
                continue
            if inside and not any(a.get("id") == inside for _, a in ancestors):
                continue
            yield attributes, ancestors


def nearest(ancestors, tag: str) -> dict:
    return next(attributes for name, attributes in reversed(ancestors) if name == tag)


@pytest.fixture(scope="module")
def fetch(port):
    pages = {}

    def load(path: str) -> tuple[Elements, str]:
        if path not in pages:
            answer = get(port, path)
            assert answer.status == 200, (path, answer.status)
            assert answer.headers["Content-Type"].startswith("text/html")
            parser = Elements()
            parser.feed(answer.text)
            parser.close()
            pages[path] = (parser, answer.text)
        return pages[path]

    return load


def test_index_and_home_link_the_four_views(fetch):
    views = {"/views/moderation", "/views/timeline", "/views/network", "/views/projects"}
    index = parse_html(fetch("/views")[1])
    assert views <= set(index.anchors)
    home = parse_html(fetch("/")[1])
    assert "/views" in home.anchors and views <= set(home.anchors)


def test_unknown_view_is_404(port):
    assert get(port, "/views/nothing").status == 404


def test_matrix_cells_hold_exactly_the_moderation_seats(fetch, select):
    page, _ = fetch("/views/moderation")
    shown = []
    for seat, ancestors in page.select("span", inside="matrix", cls="seat"):
        shown.append((nearest(ancestors, "tr")["data-organisation"], nearest(ancestors, "td")["data-forum"],
                      seat["data-person"]))
    expected = facts.seats(select)
    assert sorted(shown) == sorted(expected)
    cells = {(nearest(a, "tr")["data-organisation"], td["data-forum"]): int(td["data-seats"])
             for td, a in page.select("td", inside="matrix")}
    occupied = {cell for cell, n in cells.items() if n}
    assert occupied == {(org, forum) for org, forum, _ in expected}


def test_matrix_has_every_forum_as_a_column_and_every_row_all_of_them(fetch, select):
    page, _ = fetch("/views/moderation")
    columns = [th["data-forum"] for th, _ in page.select("th", inside="matrix") if "data-forum" in th]
    assert columns == facts.forums(select)
    rows = {}
    for td, ancestors in page.select("td", inside="matrix"):
        rows.setdefault(nearest(ancestors, "tr")["data-organisation"], []).append(td["data-forum"])
    assert rows and all(cells == columns for cells in rows.values())


@pytest.mark.parametrize("relation, prop", [("lead", "rk:leadDepartment"),
                                            ("participates", "rk:participatingDepartment")])
def test_matrix_marks_lead_and_participating_departments(fetch, select, relation, prop):
    page, _ = fetch("/views/moderation")
    marked = {(nearest(a, "tr")["data-organisation"], td["data-forum"])
              for td, a in page.select("td", inside="matrix", cls=relation)}
    assert marked == facts.pairs(select, prop)


def test_seat_table_lists_one_row_per_seat(fetch, select):
    page, _ = fetch("/views/moderation")
    rows = [(tr["data-organisation"], tr["data-forum"], tr["data-person"])
            for tr, _ in page.select("tr", inside="seats") if "data-person" in tr]
    assert sorted(rows) == sorted(facts.seats(select))


def test_timeline_has_one_mark_per_dated_event_and_the_summit(fetch, select):
    page, _ = fetch("/views/timeline")
    marks = [rect["data-event"] for rect, _ in page.select("rect", inside="timeline", cls="mark")]
    expected = facts.timeline_events(select)
    assert len(marks) == len(set(marks)) == len(expected)
    assert set(marks) == set(expected)
    undated = {li["data-event"] for li, _ in page.select("li", inside="undated")}
    assert undated == facts.undated_events(select)


def test_timeline_colours_follow_the_lead_department_and_match_the_legend(fetch, select):
    page, _ = fetch("/views/timeline")
    legend = {li["data-department"]: li["data-colour"] for li, _ in page.select("li", inside="legend")}
    expected = facts.timeline_events(select)
    assert len(set(legend.values())) == len(legend), "two departments share a colour"
    for rect, _ in page.select("rect", inside="timeline", cls="mark"):
        assert rect["data-department"] == (expected[rect["data-event"]] or "")
        assert rect["fill"] == legend[rect["data-department"]]
    assert set(legend) == {abbr or "" for abbr in expected.values()}
    english, _ = fetch("/views/timeline?lang=en")
    assert {li["data-department"]: li["data-colour"] for li, _ in english.select("li", inside="legend")} == legend


def test_timeline_table_lists_every_event(fetch, select):
    page, _ = fetch("/views/timeline")
    rows = [tr["data-event"] for tr, _ in page.select("tr", inside="events") if "data-event" in tr]
    assert sorted(rows) == sorted(facts.all_timeline_events(select))


def test_network_data_and_edge_table_hold_the_expected_nodes_and_edges(fetch, select):
    page, text = fetch("/views/network")
    expected = facts.network_edges(select)
    nodes = {end for source, _, target in expected for end in (source, target)}
    table = [(tr["data-source"], tr["data-relation"], tr["data-target"])
             for tr, _ in page.select("tr", inside="edges") if "data-relation" in tr]
    assert sorted(table) == sorted(expected)
    (summary, _), = page.select("p", cls="summary")
    assert (int(summary["data-nodes"]), int(summary["data-edges"])) == (len(nodes), len(expected))
    (block,) = [body for attrs, body in parse_html(text).scripts if attrs.get("id") == "network-data"]
    graph = json.loads(block)
    assert {n["id"] for n in graph["nodes"]} == nodes and len(graph["nodes"]) == len(nodes)
    assert sorted((e["from"], e["relation"], e["to"]) for e in graph["edges"]) == sorted(expected)


@pytest.mark.parametrize("view", ["moderation", "timeline", "network", "projects"])
def test_views_load_only_local_resources_and_escape_script_data(fetch, view):
    _, text = fetch(f"/views/{view}")
    page = parse_html(text)
    assert page.resources and all(url.startswith("/") and not url.startswith("//") for url in page.resources)
    for attrs, body in page.scripts:
        assert "src" in attrs or attrs.get("type") == "application/json", attrs
        assert "<" not in body


@pytest.mark.parametrize("view, german, english", [
    ("moderation", "Wer moderiert was", "Who moderates what"),
    ("timeline", "Zeitleiste", "Timeline"),
    ("network", "Netz der Akteure", "Actor network"),
    ("projects", "Projekte je Themenforum", "Projects per forum"),
])
def test_views_speak_german_and_english(fetch, view, german, english):
    for lang, title in (("de", german), ("en", english)):
        page, _ = fetch(f"/views/{view}?lang={lang}")
        (html, _), = page.select("html")
        assert page.h1 == title and html["lang"] == lang
