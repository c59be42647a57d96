"""The projects on the pages (issue 14) over HTTP: the project list with its filters and the
coverage against the progress reports, a project's profile and status timeline, the
projects of forums and departments, the view of projects per forum. Every expectation is
read from the built graph with SPARQL, not from the page code."""

from collections import defaultdict

import pytest
from pages_support import get, tree

from rk.namespaces import BASE

ID = BASE + "id/"
PROPOSED = ID + "project-status/vorgeschlagen"
INFERRED = "(erschlossen, nicht in den Quellen)"


def path(iri: str) -> str:
    return "/page/" + iri[len(ID):]


def key(iri: str) -> str:
    return iri.rsplit("/", 1)[1]


@pytest.fixture(scope="module")
def graph(select) -> dict[str, dict]:
    """Every project of the graph with its values and status reports {date: status}."""
    found: dict[str, dict] = {}
    for row in select("""SELECT ?p ?id ?forum ?field ?department ?status (STR(?date) AS ?d) WHERE { ?p a rk:Project
            OPTIONAL { ?p rk:projectId ?id } OPTIONAL { ?p rk:proposedBy ?forum } OPTIONAL { ?p rk:actionField ?field }
            OPTIONAL { ?p rk:responsibleDepartment ?department }
            OPTIONAL { ?p rk:statusReport ?r . ?r rk:status ?status ; dcterms:date ?date } }"""):
        project = found.setdefault(row["p"], {"reports": {}})
        for name in ("id", "forum", "field", "department"):
            if row[name]:
                project[name] = row[name]
        if row["status"]:
            project["reports"][row["d"]] = row["status"]
    for project in found.values():
        project["status"] = project["reports"][max(project["reports"])] if project["reports"] else None
        statuses = set(project["reports"].values())
        project["stage"] = "unknown" if not statuses else "proposal" if statuses == {PROPOSED} else "adopted"
    assert len(found) >= 40
    return found


@pytest.fixture(scope="module")
def page(port):
    cache = {}

    def load(url: str):
        if url not in cache:
            answer = get(port, url)
            assert answer.status == 200, (url, answer.status, answer.text[:300])
            cache[url] = tree(answer.text)
        return cache[url]
    return load


def listed(document) -> set[str]:
    return {row.attrs["data-project"] for row in document.one("table", cls="projects").all("tr")
            if "data-project" in row.attrs}


def test_the_list_shows_every_project_with_id_forum_field_department_and_latest_status(page, graph):
    rows = {row.attrs["data-project"]: row for row in page("/list/projects").one("table", cls="projects").all("tr")
            if "data-project" in row.attrs}
    assert set(rows) == set(graph)
    for iri, project in graph.items():
        cells = rows[iri].all("td")
        hrefs = {href for href, _ in rows[iri].links()}
        assert path(iri) in hrefs
        assert cells[1].text() == project.get("id", "")
        for name in ("forum", "field", "department"):
            if project.get(name):
                assert path(project[name]) in hrefs, (iri, name)
        if project["status"]:
            assert cells[5].one("time").attrs["datetime"] == max(project["reports"])
            assert f"status-{key(project['status'])}" in cells[5].one("span", cls="status").attrs["class"]


@pytest.mark.parametrize("name", ["forum", "field", "department", "status"])
def test_each_filter_gives_exactly_the_projects_with_that_value(page, graph, name):
    values = {project[name] for project in graph.values() if project.get(name)}
    assert len(values) >= 3
    form = page("/list/projects").one("form", cls="project-filter")
    offered = {option.attrs["value"] for option in form.one("select", name=name).all("option")} - {""}
    assert offered == {key(value) for value in values}
    for value in values:
        document = page(f"/list/projects?{name}={key(value)}")
        assert listed(document) == {iri for iri, p in graph.items() if p.get(name) == value}, value
        (chosen,) = [o for o in document.one("select", name=name).all("option") if "selected" in o.attrs]
        assert chosen.attrs["value"] == key(value)


def test_filters_combine(page, graph):
    expected = {iri for iri, p in graph.items()
                if p.get("forum") == ID + "forum/18" and p["status"] == ID + "project-status/in-umsetzung"}
    assert expected
    assert listed(page("/list/projects?forum=18&status=in-umsetzung")) == expected


def test_the_filter_is_a_plain_get_form_that_needs_no_script(port):
    answer = get(port, "/list/projects")
    document = tree(answer.text)
    form = document.one("form", cls="project-filter")
    assert form.attrs["method"] == "get" and form.attrs["action"] == "/list/projects"
    assert {select.attrs["name"] for select in form.all("select")} == {"forum", "field", "department", "status"}
    assert form.all("button", type="submit")
    assert document.all("script") == []


@pytest.mark.parametrize("query", ["forum=99", "status=fertig", "department=%3Cscript%3E"])
def test_a_value_no_project_has_is_a_400_naming_it(port, query):
    answer = get(port, f"/list/projects?{query}")
    assert answer.status == 400
    assert answer.headers["Content-Type"].startswith("text/plain")
    name = query.split("=")[0]
    assert f"Unknown {name}" in answer.text and "Choose one of" in answer.text


@pytest.fixture(scope="module")
def official(select) -> dict:
    """The latest progress report's figures: its total and its counts per status."""
    rows = select("SELECT ?f ?v (STR(?d) AS ?date) ?s WHERE { ?f a rk:Figure ; schema:value ?v ; dcterms:date ?d "
                  "OPTIONAL { ?f rk:countedStatus ?s } }")
    year = max(row["date"][:4] for row in rows)
    latest = [row for row in rows if row["date"][:4] == year]
    (total,) = [int(row["v"]) for row in latest if not row["s"]]
    return {"year": year, "total": total, "figures": [row["f"] for row in latest],
            "reports": len({row["date"][:4] for row in rows})}


@pytest.mark.parametrize("url", ["/list/projects", "/dataset"])
def test_coverage_says_how_many_of_the_counted_projects_are_described(page, graph, official, select, url):
    section = page(url).one("section", id="coverage")
    text = section.text()
    assert "Ein unvollständiger Ausschnitt, kein vollständiges Verzeichnis." in text
    assert f"beschreibt {len(graph)} Projekte" in text
    assert f"Fortschrittsbericht {official['year']} zählt {official['total']} Projekte" in text
    stages = defaultdict(int)
    for project in graph.values():
        stages[project["stage"]] += 1
    with_id = sum(1 for p in graph.values() if p.get("id"))
    assert (f"{stages['adopted']} einen Stand nach dem Beschluss" in text and f"{stages['proposal']} sind nur als "
            f"Vorschlag" in text and f"{stages['unknown']} ohne jeden Stand; {with_id} haben eine offizielle Kennung"
            in text), text
    hrefs = {href for href, _ in section.links()}
    assert {path(figure) for figure in official["figures"]} <= hrefs
    assert "/queries#status-per-progress-report" in hrefs
    for name, table_class, everything in (
            ("forum", "coverage-forum", "SELECT ?t WHERE { ?t a rk:ThematicForum }"),
            ("field", "coverage-field", "SELECT ?t WHERE { ?t a rk:ActionField }")):
        rows = {row.attrs[f"data-{name}"]: row for row in section.one("table", cls=table_class).all("tr")
                if f"data-{name}" in row.attrs}
        assert {r["t"] for r in select(everything)} <= set(rows)
        for thing, row in rows.items():
            members = [p for p in graph.values() if p.get(name, "") == thing]
            counts = [cell.text() for cell in row.all("td")]
            assert counts == [str(len(members))] + [str(sum(1 for p in members if p["stage"] == stage))
                                                    for stage in ("adopted", "proposal", "unknown")], (thing, counts)


def test_a_project_page_shows_its_profile_inferences_and_status_timeline(page, graph, select):
    inferred = defaultdict(set)
    for row in select("SELECT ?t ?p ?i WHERE { ?i a rk:EditorialInference ; rk:concerns ?t ; rk:property ?p }"):
        inferred[row["t"]].add((row["p"].rsplit("#", 1)[-1].rsplit("/", 1)[-1], row["i"]))
    reports = defaultdict(dict)
    for row in select("SELECT ?p ?r (STR(?d) AS ?date) WHERE { ?p rk:statusReport ?r . ?r dcterms:date ?d }"):
        reports[row["p"]][row["date"]] = row["r"]
    checked = 0
    for iri, project in graph.items():
        section = page(path(iri)).one("section", cls="project")
        profile = {dd.attrs["data-property"]: dd for dd in section.all("dd")}
        assert profile["projectId"].text().startswith(project["id"]) if "id" in project else \
            profile["projectId"].text() == "keine offizielle Kennung belegt"
        for name, prop in (("department", "responsibleDepartment"), ("forum", "proposedBy"), ("field", "actionField")):
            hrefs = {href for href, _ in profile[prop].links()}
            if name in project:
                assert path(project[name]) in hrefs, (iri, prop)
            else:
                assert profile[prop].text() == "keine Angabe"
            marks = {path(i) for p, i in inferred[iri] if p == prop}
            assert marks <= hrefs and (INFERRED in profile[prop].text()) == bool(marks), (iri, prop)
        items = section.one("ol", cls="status-timeline").all("li")
        dates = [item.one("time").attrs["datetime"] for item in items]
        assert dates == sorted(project["reports"]), iri
        for item, date in zip(items, dates):
            report = reports[iri][date]
            assert path(report) in {href for href, _ in item.links()}
            assert f"status-{key(project['reports'][date])}" in item.attrs["class"]
            marks = {path(i) for _, i in inferred[report]}
            assert marks <= {href for href, _ in item.links()}, report
        assert ("Nur als Vorschlag belegt" in section.text()) == (project["stage"] == "proposal"), iri
        checked += 1
    assert checked == len(graph)


@pytest.mark.parametrize("kind, prop, message", [
    ("ThematicForum", "rk:proposedBy", "Der Graph beschreibt kein Projekt dieses Forums."),
    ("Department", "rk:responsibleDepartment", "Der Graph beschreibt kein Projekt, für das dieses Ressort"),
])
def test_forum_and_department_pages_list_their_projects(page, select, kind, prop, message):
    owners = [row["o"] for row in select(f"SELECT ?o WHERE {{ ?o a rk:{kind} }}")]
    members = defaultdict(set)
    for row in select(f"SELECT ?p ?o WHERE {{ ?p a rk:Project ; {prop} ?o }}"):
        members[row["o"]].add(path(row["p"]))
    assert any(members.get(owner) for owner in owners) and any(not members.get(owner) for owner in owners)
    for owner in owners:
        section = page(path(owner)).one("section", cls="projects")
        shown = {href for href, _ in section.links() if href.startswith("/page/project/")}
        assert shown == members.get(owner, set()), owner
        if members.get(owner):
            name = "forum" if kind == "ThematicForum" else "department"
            assert f"/list/projects?{name}={key(owner)}" in {href for href, _ in section.links()}
        else:
            assert message in section.text()


def test_the_projects_view_shows_each_forums_projects_by_latest_status(page, graph, select, port):
    assert "/views/projects" in {href for href, _ in page("/views").links()}
    table = page("/views/projects").one("table", id="forum-projects")
    rows = {row.attrs["data-forum"]: row for row in table.all("tr") if "data-forum" in row.attrs}
    assert set(rows) == {r["f"] for r in select("SELECT ?f WHERE { ?f a rk:ThematicForum }")}
    for forum, row in rows.items():
        for cell in row.all("td"):
            if "data-status" not in cell.attrs:
                continue
            status = cell.attrs["data-status"] or None
            shown = {span.attrs["data-project"] for span in cell.all("span", cls="seat")}
            assert shown == {iri for iri, p in graph.items() if p.get("forum") == forum and p["status"] == status}


def test_english_pages_use_english_wording(page):
    assert "How complete is this record?" in page("/list/projects?lang=en").one("section", id="coverage").text()
    assert "Profile" in page("/page/project/18-05-stk?lang=en").one("section", cls="project").text()
