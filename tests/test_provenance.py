"""Nothing is described without a source; every source is one of the five documents or a web
page of the public record (id:public-record) with its address."""

PUBLIC_RECORD = "<https://w3id.org/ruhr-konferenz/id/public-record>"


def test_every_described_thing_names_a_source(select):
    unsourced = select("""SELECT DISTINCT ?thing WHERE {
        GRAPH <https://w3id.org/ruhr-konferenz/graph/data> { ?thing ?p ?o }
        FILTER (isIRI(?thing) && STRSTARTS(STR(?thing), "https://w3id.org/ruhr-konferenz/id/"))
        FILTER NOT EXISTS { ?thing a rk:SourceDocument }
        FILTER NOT EXISTS { ?thing a prov:Collection }
        FILTER NOT EXISTS { ?thing prov:wasDerivedFrom ?source } }""")
    assert unsourced == []


def test_sources_are_the_five_documents_and_the_public_record(select):
    cited = {r["s"] for r in select("SELECT DISTINCT ?s WHERE { ?x prov:wasDerivedFrom ?s }")}
    documents = {r["s"] for r in select("SELECT ?s WHERE { ?s a rk:SourceDocument }")}
    web = {r["s"] for r in select(f"SELECT ?s WHERE {{ ?s dcterms:isPartOf {PUBLIC_RECORD} }}")}
    assert len(documents - web) == 5
    assert web <= documents
    assert cited == documents


def test_each_source_document_has_title_publisher_date(select):
    rows = select(f"""SELECT ?s ?title ?publisher ?issued WHERE {{
        ?s a rk:SourceDocument ; dcterms:title ?title ; dcterms:publisher ?publisher ; dcterms:issued ?issued
        FILTER NOT EXISTS {{ ?s dcterms:isPartOf {PUBLIC_RECORD} }} }}""")
    assert len({r["s"] for r in rows}) == 5


def test_each_web_source_has_title_address_and_reading_note(select):
    rows = select(f"""SELECT ?s (COUNT(DISTINCT ?url) AS ?urls) (COUNT(DISTINCT ?title) AS ?titles)
                             (COUNT(DISTINCT ?note) AS ?notes) WHERE {{
        ?s dcterms:isPartOf {PUBLIC_RECORD} .
        OPTIONAL {{ ?s schema:url ?url }} OPTIONAL {{ ?s dcterms:title ?title }} OPTIONAL {{ ?s skos:editorialNote ?note }}
    }} GROUP BY ?s""")
    assert rows
    assert all(int(r["urls"]) == 1 and int(r["titles"]) == 1 and int(r["notes"]) == 2 for r in rows)
    assert all(r["s"].startswith("https://w3id.org/ruhr-konferenz/id/source/web-") for r in rows)


def test_every_discrepancy_cites_its_sources_and_concerns_something(select):
    rows = select("""SELECT ?d (COUNT(DISTINCT ?s) AS ?sources) (COUNT(DISTINCT ?c) AS ?things) WHERE {
        ?d a rk:SourceDiscrepancy ; prov:wasDerivedFrom ?s ; rk:concerns ?c } GROUP BY ?d""")
    total = select("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a rk:SourceDiscrepancy }")[0]["n"]
    assert len(rows) == int(total) >= 21
    assert all(int(r["things"]) >= 1 and int(r["sources"]) >= 1 for r in rows)


def test_no_contact_data_in_the_graph(select):
    rows = select("""SELECT ?o WHERE { ?s ?p ?o FILTER (isLiteral(?o) &&
        (REGEX(STR(?o), "[A-Za-z0-9._-]+ ?(@|\\\\[at\\\\]) ?[a-z0-9-]+\\\\.[a-z]{2,}") || REGEX(STR(?o), "0211[ -]?837"))) }""")
    assert rows == []
