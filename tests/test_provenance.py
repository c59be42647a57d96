"""Nothing is described without a source; every source is one of the five documents or a public page."""

def test_every_described_thing_names_a_source(select):
    unsourced = select("""SELECT DISTINCT ?thing WHERE {
        GRAPH <https://w3id.org/ruhr-konferenz/graph/data> { ?thing ?p ?o }
        FILTER (isIRI(?thing) && STRSTARTS(STR(?thing), "https://w3id.org/ruhr-konferenz/id/"))
        FILTER NOT EXISTS { ?thing a rk:SourceDocument }
        FILTER NOT EXISTS { ?thing prov:wasDerivedFrom ?source } }""")
    assert unsourced == []


FILES = {"000_23f9b01342bf6b6b.txt", "001_362d5e08bafa855e.txt", "002_c4528602abdccd6a.txt",
         "003_d74103b3d7fc50fa.txt", "004_edd4a42eb5b29aa3.txt"}


def test_sources_are_the_five_documents_and_public_pages(select):
    cited = {r["s"] for r in select("SELECT DISTINCT ?s WHERE { ?x prov:wasDerivedFrom ?s }")}
    documents = {r["s"] for r in select("SELECT ?s WHERE { ?s a rk:SourceDocument }")}
    assert cited == documents
    files = {r["f"] for r in select("""SELECT ?f WHERE { ?s a rk:SourceDocument ; dcterms:identifier ?f
        FILTER (STRENDS(?f, ".txt")) }""")}
    assert files == FILES
    pages = select("""SELECT ?s WHERE { ?s a rk:SourceDocument
        FILTER NOT EXISTS { ?s dcterms:identifier ?f FILTER (STRENDS(?f, ".txt")) }
        FILTER NOT EXISTS { ?s schema:url ?url ; dcterms:isPartOf id:public-record } }""")
    assert pages == [], "a source that is not one of the five documents must be a public page with its address"


def test_each_source_has_title_publisher_date(select):
    documents = {r["s"] for r in select("SELECT ?s WHERE { ?s a rk:SourceDocument }")}
    rows = select("""SELECT ?s ?title ?publisher ?issued WHERE {
        ?s a rk:SourceDocument ; dcterms:title ?title ; dcterms:publisher ?publisher ; dcterms:issued ?issued }""")
    assert {r["s"] for r in rows} == documents


def test_every_discrepancy_cites_its_sources_and_concerns_something(select):
    rows = select("""SELECT ?d (COUNT(DISTINCT ?s) AS ?sources) (COUNT(DISTINCT ?c) AS ?things) WHERE {
        ?d a rk:SourceDiscrepancy ; prov:wasDerivedFrom ?s ; rk:concerns ?c } GROUP BY ?d""")
    assert len(rows) == 31
    assert all(int(r["things"]) >= 1 and int(r["sources"]) >= 1 for r in rows)


def test_no_contact_data_in_the_graph(select):
    rows = select("""SELECT ?o WHERE { ?s ?p ?o FILTER (isLiteral(?o) &&
        (REGEX(STR(?o), "[A-Za-z0-9._-]+ ?(@|\\\\[at\\\\]) ?[a-z0-9-]+\\\\.[a-z]{2,}") || REGEX(STR(?o), "0211[ -]?837"))) }""")
    assert rows == []
