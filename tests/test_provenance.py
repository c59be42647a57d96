"""Nothing is described without a source; every source is one of the five documents, a web
page of the public record (id:public-record) with its address, or a reference of the link
files (a reference list or a Wikipedia article, with its address)."""

PUBLIC_RECORD = "<https://w3id.org/ruhr-konferenz/id/public-record>"


def test_every_described_thing_names_a_source(select):
    unsourced = select("""SELECT DISTINCT ?thing WHERE {
        GRAPH <https://w3id.org/ruhr-konferenz/graph/data> { ?thing ?p ?o }
        FILTER (isIRI(?thing) && STRSTARTS(STR(?thing), "https://w3id.org/ruhr-konferenz/id/"))
        FILTER NOT EXISTS { ?thing a rk:SourceDocument }
        FILTER NOT EXISTS { ?thing a prov:Collection }
        FILTER NOT EXISTS { ?thing prov:wasDerivedFrom ?source } }""")
    assert unsourced == []


FILES = {"000_23f9b01342bf6b6b.txt", "001_362d5e08bafa855e.txt", "002_c4528602abdccd6a.txt",
         "003_d74103b3d7fc50fa.txt", "004_edd4a42eb5b29aa3.txt"}


def test_sources_are_the_five_documents_the_public_record_and_link_references(select):
    cited = {r["s"] for r in select("SELECT DISTINCT ?s WHERE { ?x prov:wasDerivedFrom ?s }")}
    documents = {r["s"] for r in select("SELECT ?s WHERE { ?s a rk:SourceDocument }")}
    web = {r["s"] for r in select(f"SELECT ?s WHERE {{ ?s dcterms:isPartOf {PUBLIC_RECORD} }}")}
    assert web <= documents
    assert cited == documents
    files = {r["f"] for r in select("""SELECT ?f WHERE { ?s a rk:SourceDocument ; dcterms:identifier ?f
        FILTER (STRENDS(?f, ".txt")) }""")}
    assert files == FILES
    others = select(f"""SELECT ?s WHERE {{ ?s a rk:SourceDocument
        FILTER NOT EXISTS {{ ?s dcterms:identifier ?f FILTER (STRENDS(?f, ".txt")) }}
        FILTER NOT EXISTS {{ ?s dcterms:isPartOf {PUBLIC_RECORD} }}
        FILTER NOT EXISTS {{ ?s dcterms:identifier ?id ; dcterms:publisher ?publisher }} }}""")
    assert others == [], ("a source that is neither one of the five documents nor a page of the public record "
                          "is a reference of the link files, with its identifier and publisher")


def test_each_source_document_has_title_publisher_date(select):
    rows = select("""SELECT DISTINCT ?s WHERE {
        ?s a rk:SourceDocument ; dcterms:identifier ?file ; dcterms:title ?title ; dcterms:publisher ?publisher ;
           dcterms:issued ?issued FILTER (STRENDS(?file, ".txt")) }""")
    assert len(rows) == 5


def test_each_web_source_has_title_address_and_reading_note(select):
    rows = select(f"""SELECT ?s (COUNT(DISTINCT ?url) AS ?urls) (COUNT(DISTINCT ?title) AS ?titles)
                             (COUNT(DISTINCT ?note) AS ?notes) WHERE {{
        ?s dcterms:isPartOf {PUBLIC_RECORD} .
        OPTIONAL {{ ?s schema:url ?url }} OPTIONAL {{ ?s dcterms:title ?title }} OPTIONAL {{ ?s skos:editorialNote ?note }}
    }} GROUP BY ?s""")
    assert rows
    assert all(int(r["urls"]) == 1 and int(r["titles"]) == 1 and int(r["notes"]) == 2 for r in rows)
    assert all(r["s"].startswith("https://w3id.org/ruhr-konferenz/id/source/web-") for r in rows)


def test_web_sources_have_distinct_addresses(select):
    shared = select(f"""SELECT ?url (COUNT(DISTINCT ?s) AS ?n) WHERE {{
        ?s dcterms:isPartOf {PUBLIC_RECORD} ; schema:url ?url }} GROUP BY ?url HAVING (COUNT(DISTINCT ?s) > 1)""")
    assert shared == [], "one address, one source"


def test_every_discrepancy_cites_its_sources_and_concerns_something(select):
    rows = select("""SELECT ?d (COUNT(DISTINCT ?s) AS ?sources) (COUNT(DISTINCT ?c) AS ?things) WHERE {
        ?d a rk:SourceDiscrepancy ; prov:wasDerivedFrom ?s ; rk:concerns ?c } GROUP BY ?d""")
    total = select("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a rk:SourceDiscrepancy }")[0]["n"]
    assert len(rows) == int(total) >= 31
    assert all(int(r["things"]) >= 1 and int(r["sources"]) >= 1 for r in rows)


def test_no_contact_data_in_the_graph(select):
    rows = select("""SELECT ?o WHERE { ?s ?p ?o FILTER (isLiteral(?o) &&
        (REGEX(STR(?o), "[A-Za-z0-9._-]+ ?(@|\\\\[at\\\\]) ?[a-z0-9-]+\\\\.[a-z]{2,}") || REGEX(STR(?o), "0211[ -]?837"))) }""")
    assert rows == []
