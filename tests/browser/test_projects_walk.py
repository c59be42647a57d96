"""Walk the projects in headless Chromium as a visitor would (issue 14): home → the project
list (with its coverage note) → filter by forum with the plain form → a project of that
forum (its profile and status timeline) → its forum, which lists the project. Each step
leaves a screenshot in test-artifacts/browser/projects-NN-name.png."""

import re

import pytest
from playwright.sync_api import Page, expect

FORUM = "https://w3id.org/ruhr-konferenz/id/forum/18"


@pytest.fixture(scope="module")
def expected(select) -> dict:
    """Forum 18, its projects and the first of them by ID, with its latest status date."""
    (forum,) = select(f"SELECT ?label WHERE {{ <{FORUM}> rdfs:label ?label FILTER (LANG(?label) = 'de') }}")
    projects = select(f"""SELECT ?p ?label ?id WHERE {{ ?p a rk:Project ; rk:proposedBy <{FORUM}> ; rdfs:label ?label
        OPTIONAL {{ ?p rk:projectId ?id }} FILTER (LANG(?label) = "de") }} ORDER BY ?id""")
    assert len(projects) >= 2
    first = projects[0]
    dates = sorted(r["d"] for r in select(f"""SELECT (STR(?date) AS ?d) WHERE {{
        <{first['p']}> rk:statusReport/dcterms:date ?date }}"""))
    (described,) = select("SELECT (COUNT(?p) AS ?n) WHERE { ?p a rk:Project }")
    return {"forum": forum["label"], "projects": projects, "first": first, "dates": dates,
            "described": int(described["n"])}


def _shot(page: Page, shots, number: int, name: str) -> None:
    page.screenshot(path=str(shots / f"projects-{number:02d}-{name}.png"), full_page=True)


def test_walk_home_projects_filter_project_forum(page: Page, base_url, shots, traffic, expected):
    # 1 home: the projects' list link with their number
    page.goto(base_url + "/")
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name="Projekte", exact=True))
    expect(row.get_by_role("cell")).to_have_text(str(expected["described"]))
    _shot(page, shots, 1, "home")

    # 2 the project list: every project, and the note that the record is partial
    row.get_by_role("link", name="Projekte", exact=True).click()
    expect(page).to_have_url(base_url + "/list/projects")
    expect(page.locator("table.projects > tbody > tr")).to_have_count(expected["described"])
    expect(page.locator("#coverage")).to_contain_text("Ein unvollständiger Ausschnitt")
    _shot(page, shots, 2, "list")

    # 3 filter by forum 18 with the form (a plain GET, no script involved)
    page.get_by_role("combobox", name="Themenforum").select_option("18")
    page.get_by_role("button", name="Filtern").click()
    expect(page).to_have_url(re.compile(re.escape(base_url) + r"/list/projects\?forum=18(&|$)"))
    rows = page.locator("table.projects > tbody > tr")
    expect(rows).to_have_count(len(expected["projects"]))
    expect(page.locator("#shown")).to_have_text(f"{len(expected['projects'])} von {expected['described']} Projekten")
    _shot(page, shots, 3, "filtered")

    # 4 the first project: its ID, forum and status timeline in date order
    first = expected["first"]
    rows.first.get_by_role("link", name=first["label"], exact=True).click()
    expect(page).to_have_url(re.compile(r"/page/project/[a-z0-9-]+$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(first["label"])
    profile = page.locator("section.project dl.profile")
    expect(profile.locator("dd[data-property=projectId]")).to_contain_text(first["id"])
    timeline = page.locator("ol.status-timeline > li time")
    expect(timeline).to_have_count(len(expected["dates"]))
    assert timeline.evaluate_all("times => times.map(time => time.getAttribute('datetime'))") == expected["dates"]
    _shot(page, shots, 4, "project")

    # 5 its forum, which lists the project among its projects
    profile.locator("dd[data-property=proposedBy]").get_by_role("link", name=expected["forum"], exact=True).click()
    expect(page).to_have_url(base_url + "/page/forum/18")
    section = page.locator("section.projects")
    for project in expected["projects"]:
        expect(section.get_by_role("link", name=project["label"], exact=True)).to_be_visible()
    _shot(page, shots, 5, "forum")

    assert traffic.foreign() == []
    assert traffic.failures == []
