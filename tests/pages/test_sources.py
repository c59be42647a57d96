"""The sources on the pages (issue 14): the five source documents ("Quellen") kept apart
from the web pages of the public record ("Weitere öffentliche Quellen", each with its
address as an outbound link) and from the evidence of the links, in the list, on every
page that cites them and on /dataset. Expectations come from the built graph."""

import pytest
from pages_support import get, tree

from rk.namespaces import BASE

ID = BASE + "id/"
RECORD = f"<{ID}public-record>"


def path(iri: str) -> str:
    return "/page/" + iri[len(ID):]


@pytest.fixture(scope="module")
def groups(select) -> dict[str, dict[str, str | None]]:
    """source → address, for the five documents, the public record and the rest."""
    rows = select(f"""SELECT ?s (SAMPLE(?u) AS ?url) (SAMPLE(?f) AS ?file) (SAMPLE(?r) AS ?record) WHERE {{
        ?s a rk:SourceDocument OPTIONAL {{ ?s schema:url ?u }}
        OPTIONAL {{ ?s dcterms:identifier ?f FILTER (STRENDS(?f, ".txt")) }}
        OPTIONAL {{ ?s dcterms:isPartOf {RECORD} BIND (true AS ?r) }} }} GROUP BY ?s""")
    found = {"documents": {}, "public-record": {}, "link-evidence": {}}
    for row in rows:
        name = "documents" if row["file"] else "public-record" if row["record"] else "link-evidence"
        found[name][row["s"]] = row["url"]
    assert len(found["documents"]) == 5 and len(found["public-record"]) >= 50
    return found


def test_the_source_list_keeps_the_three_groups_apart(port, groups):
    document = tree(get(port, "/list/sources").text)
    for name, members in groups.items():
        section = document.one("section", id=name)
        shown = {href for href, _ in section.links() if href.startswith("/page/")}
        assert shown == {path(source) for source in members}, name
    heading = {s.attrs["id"]: s.one("h2").text() for s in document.all("section")}
    assert heading["documents"] == "Quellen" and heading["public-record"] == "Weitere öffentliche Quellen"
    addresses = {a.attrs["href"]: a.attrs.get("rel", "") for a in document.one("section", id="public-record").all("a", cls="address")}
    assert set(addresses) == set(groups["public-record"].values())
    assert all("external" in rel for rel in addresses.values())


def test_every_source_page_names_its_group_and_links_its_address(port, groups):
    for source, url in groups["public-record"].items():
        document = tree(get(port, path(source)).text)
        section = [s for s in document.all("section") if s.all("h2") and s.one("h2").text() == "Art der Quelle"][0]
        assert "Weitere öffentliche Quellen" in section.text(), source
        assert url in {a.attrs["href"] for a in section.all("a", cls="address")}, source
    for source, url in groups["documents"].items():
        document = tree(get(port, path(source)).text)
        section = [s for s in document.all("section") if s.all("h2") and s.one("h2").text() == "Art der Quelle"][0]
        assert section.text().startswith("Art der Quelle Quellen:"), source
        assert {a.attrs["href"] for a in section.all("a", cls="address")} == ({url} if url else set())


def test_a_page_lists_its_public_sources_apart_with_their_addresses(port, select, groups):
    rows = select(f"""SELECT DISTINCT ?thing WHERE {{ ?thing prov:wasDerivedFrom ?web , ?doc .
        ?web dcterms:isPartOf {RECORD} . ?doc dcterms:identifier ?f FILTER (STRENDS(?f, ".txt"))
        FILTER (STRSTARTS(STR(?thing), "{ID}")) }} ORDER BY ?thing LIMIT 5""")
    assert rows
    for row in rows:
        cited = {r["s"] for r in select(f"SELECT ?s WHERE {{ <{row['thing']}> prov:wasDerivedFrom ?s }}")}
        document = tree(get(port, path(row["thing"])).text)
        sections = {s.one("h2").text(): s for s in document.all("section") if len(s.all("h2")) == 1}
        seeds = {href for href, _ in sections["Quellen"].links()}
        public = sections["Weitere öffentliche Quellen"]
        assert seeds == {path(s) for s in cited if s not in groups["public-record"]}
        assert {href for href, _ in public.links() if href.startswith("/page/")} == {
            path(s) for s in cited if s in groups["public-record"]}
        assert {a.attrs["href"] for a in public.all("a", cls="address")} == {
            groups["public-record"][s] for s in cited if s in groups["public-record"]}


def test_the_dataset_page_counts_the_groups_and_links_them(port, groups):
    section = tree(get(port, "/dataset").text).one("section", id="sources")
    assert (f"{len(groups['documents'])} Quelldokumente, {len(groups['public-record'])} weitere öffentliche Quellen"
            in section.text())
    assert {href for href, _ in section.links()} == {f"/list/sources#{name}" for name in groups}
    english = tree(get(port, "/dataset?lang=en").text).one("section", id="sources")
    assert "Further public sources" in english.text()
