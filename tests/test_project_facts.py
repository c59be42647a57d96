"""Projects read from the public record (tests/facts/projects.tsv), checked against the built graph."""

import pytest

from facts_table import rows

ID = "https://w3id.org/ruhr-konferenz/id/"
PROJECTS = rows("projects.tsv")


def latest_status(select, project: str) -> tuple[str | None, str | None]:
    """The status concept and the report of the project's status report with the latest date
    (dates compared as their ISO text, so "2022" sorts before "2022-03-03")."""
    reports = select(f"""SELECT ?report ?status (STR(?date) AS ?d) WHERE {{
        {project} rk:statusReport ?report . ?report rk:status ?status ; dcterms:date ?date }}""")
    if not reports:
        return None, None
    latest = max(reports, key=lambda r: r["d"])
    assert [r["d"] for r in reports].count(latest["d"]) == 1, f"two status reports of {project} share the latest date"
    return latest["status"].removeprefix(ID + "project-status/"), latest["report"]


@pytest.mark.parametrize("key, label, project_id, department, forum, field, status, url", PROJECTS,
                         ids=[r[0] for r in PROJECTS])
def test_project_as_the_pages_state_it(select, key, label, project_id, department, forum, field, status, url):
    project = f"<{ID}project/{key}>"

    def values(query):
        return sorted(r["v"] for r in select(query))

    assert values(f'SELECT ?v WHERE {{ {project} a rk:Project ; rdfs:label ?v FILTER (LANG(?v) = "de") }}') == [label]
    assert values(f"SELECT ?v WHERE {{ {project} rk:projectId ?v }}") == ([project_id] if project_id else [])
    assert values(f"SELECT ?v WHERE {{ {project} rk:responsibleDepartment/rk:abbreviation ?v }}") == (
        [department] if department else [])
    assert [int(v) for v in values(f"SELECT ?v WHERE {{ {project} rk:proposedBy/rk:forumNumber ?v }}")] == (
        [int(forum)] if forum else [])
    assert values(f"SELECT ?v WHERE {{ {project} rk:actionField ?v }}") == (
        [f"{ID}action-field/{field}"] if field else [])
    found_status, report = latest_status(select, project)
    assert found_status == status
    addresses = values(f"SELECT DISTINCT (STR(?u) AS ?v) WHERE {{ {project} prov:wasDerivedFrom/schema:url ?u }}")
    if report:
        addresses += values(f"SELECT DISTINCT (STR(?u) AS ?v) WHERE {{ <{report}> prov:wasDerivedFrom/schema:url ?u }}")
    if url:
        assert url in addresses
    else:
        assert not select(f"""SELECT ?s WHERE {{ {project} prov:wasDerivedFrom ?s .
            ?s dcterms:isPartOf <{ID}public-record> }}"""), "the table names no page, the graph does"


def test_every_project_of_the_graph_is_in_the_table(select):
    in_graph = sorted(r["p"].removeprefix(ID + "project/") for r in select("SELECT ?p WHERE { ?p a rk:Project }"))
    assert in_graph == sorted(r[0] for r in PROJECTS)


def test_a_proposal_makes_no_adoption_claim(select):
    """A project whose only status is "vorgeschlagen" and that no source document lists has no
    official ID and no responsible department (PROJECTFORMAT: no adoption claim)."""
    proposals = select("""SELECT ?p WHERE {
        ?p a rk:Project ; rk:statusReport ?r .
        FILTER NOT EXISTS { ?p rk:statusReport/rk:status ?other FILTER (?other != <https://w3id.org/ruhr-konferenz/id/project-status/vorgeschlagen>) }
        FILTER NOT EXISTS { ?p prov:wasDerivedFrom/dcterms:identifier ?file FILTER (STRENDS(?file, ".txt")) } }""")
    keys = sorted(r["p"].removeprefix(ID + "project/") for r in proposals)
    assert keys == ["governance-of-metropolitan-innovation-ecosystems", "mobilitaetsregion",
                    "netzwerk-unternehmensengagement-ruhr", "rita-ruhrinitiative-teilzeitausbildung",
                    "ruhr-digital", "ruhr-fussball",
                    "ruhr-games-nachwuchs-topathleten-eine-internationale-plattform-bieten",
                    "ruhrschwung", "ruhrstadttraeumer", "vernetzte-mobilitaet"]
    for row in proposals:
        assert not select(f"SELECT ?v WHERE {{ <{row['p']}> rk:projectId|rk:responsibleDepartment ?v }}")


def test_inferred_forums_are_marked_and_match_the_id(select):
    """Every rk:proposedBy that no page states for an ID'd project is an rk:EditorialInference,
    and its forum is the first part of the ID."""
    marked = select("""SELECT ?p ?id ?n WHERE {
        ?i a rk:EditorialInference ; rk:concerns ?p ; rk:property rk:proposedBy .
        ?p rk:projectId ?id ; rk:proposedBy/rk:forumNumber ?n }""")
    assert marked
    assert all(int(r["n"]) == int(r["id"][:2]) for r in marked)


def test_an_inference_of_the_public_record_concerns_one_thing_and_is_keyed_by_it(select):
    """`inference:{thing key}-{property}`, lower case with hyphens (`…-proposed-by`), one per
    project or status report, so that every /id/inference/ path is a lower-case slug."""
    rows = select("""SELECT ?i (COUNT(DISTINCT ?thing) AS ?things) (SAMPLE(?thing) AS ?t) (SAMPLE(?property) AS ?p) WHERE {
        ?i a rk:EditorialInference ; rk:concerns ?thing ; rk:property ?property ;
           prov:wasDerivedFrom/dcterms:isPartOf id:public-record } GROUP BY ?i""")
    assert len(rows) >= 30
    for row in rows:
        assert int(row["things"]) == 1, row["i"]
        thing = row["t"].rsplit("/", 1)[1]
        name = row["p"].rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        hyphenated = "".join(f"-{c.lower()}" if c.isupper() else c for c in name)
        assert row["i"] == f"{ID}inference/{thing}-{hyphenated}"
