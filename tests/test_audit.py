"""The audit of issue 13, case by case, against the built graph: corrections, marked
inferences, removed statements, provenance, recorded disagreements and added facts."""

import re

import pytest

ID = "https://w3id.org/ruhr-konferenz/id/"
RK = "https://w3id.org/ruhr-konferenz/ontology#"
SCHEMA = "http://schema.org/"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
ORG = "http://www.w3.org/ns/org#"
SRC = {n: f"{ID}source/{n}" for n in ("000_23f9b01342bf6b6b", "001_362d5e08bafa855e", "002_c4528602abdccd6a",
                                      "003_d74103b3d7fc50fa", "004_edd4a42eb5b29aa3")}


def sources_of(select, thing: str) -> set[str]:
    return {r["s"] for r in select(f"SELECT ?s WHERE {{ <{ID}{thing}> prov:wasDerivedFrom ?s }}")}


def expand(query: str) -> str:
    """Write `id:kind/key` as a full IRI (a prefixed name cannot hold a slash in SPARQL)."""
    return re.sub(r"\bid:([\w/-]+)", lambda m: f"<{ID}{m.group(1)}>", query)


def values(select, thing: str, prop: str, lang: str | None = None) -> set[str]:
    filter_ = f'FILTER (LANG(?v) = "{lang}")' if lang else ""
    return {r["v"] for r in select(f"SELECT ?v WHERE {{ <{ID}{thing}> {prop} ?v {filter_} }}")}


# Section 1: errors corrected. Each case: the statements the corrected graph must answer true.
CORRECTIONS = {
    "teyssen-keeps-001-spelling-as-recorded-exception": """ASK {
        id:person/johannes-teyssen rdfs:label "Johannes Teyssen"@de ; schema:alternateName "Johannes Teysen" ;
            prov:wasDerivedFrom ?page .
        ?page schema:url ?url .
        id:discrepancy/teyssen-spelling rk:concerns id:person/johannes-teyssen , id:moderation/04-2 ;
            prov:wasDerivedFrom ?page ; rdfs:comment ?comment .
        FILTER (LANG(?comment) = "en" && CONTAINS(?comment, "Exception to the rule that the newest source wins")) }""",
    "urbane-energieloesungen-process-only-planned": """ASK {
        id:project/urbane-energieloesungen rk:goalSummary ?de , ?en .
        FILTER (LANG(?de) = "de" && CONTAINS(?de, "plante") && !CONTAINS(?de, "startete"))
        FILTER (LANG(?en) = "en" && CONTAINS(?en, "planned") && !CONTAINS(?en, "started")) }""",
    "stk-mbei-has-no-later-ministry-name": """ASK {
        FILTER NOT EXISTS { id:department/stk-mbei rk:laterName ?name }
        FILTER NOT EXISTS { id:department/stk-mbei prov:wasDerivedFrom id:source/002_c4528602abdccd6a }
        id:discrepancy/mbei-name rk:concerns id:post/mark-speich-2 ; rdfs:comment ?comment .
        id:post/mark-speich-2 rdfs:label "Staatssekretär für Bundes- und Europaangelegenheiten, Internationales sowie Medien"@de .
        FILTER (LANG(?comment) = "en" && CONTAINS(?comment, "names no ministry")) }""",
}


@pytest.mark.parametrize("case", CORRECTIONS, ids=list(CORRECTIONS))
def test_correction(ask, case):
    assert ask(expand(CORRECTIONS[case])), case


# Section 2: statements no source makes, each kept as a marked inference:
# key → (things it concerns, inferred properties, the sources its reasoning rests on).
INFERENCES = {
    "sanaa-gebaeude-contained-in-place": ({"venue/sanaa-gebaeude"}, {SCHEMA + "containedInPlace"}, {"003"}),
    "staatskanzlei-city": ({"venue/staatskanzlei"}, {RK + "city"}, {"003", "004"}),
    "urbane-energieloesungen-proposed-by": ({"project/urbane-energieloesungen"}, {RK + "proposedBy"}, {"003", "004"}),
    "digitale-produktionszentren-proposed-by": ({"project/digitale-produktionszentren"}, {RK + "proposedBy"}, {"001", "003"}),
    "laki-alternate-name": ({"organization/laki"}, {SCHEMA + "alternateName"}, {"001", "003"}),
    "polizeipraesidien-name": ({"organization/polizeipraesidium-essen", "organization/polizeipraesidium-gelsenkirchen"},
                               {RDFS + "label", SCHEMA + "name"}, {"001", "003"}),
    "muelheim-an-der-ruhr-label": ({"place/muelheim-an-der-ruhr"}, {RDFS + "label"}, {"003"}),
    "minister-posts-label": ({f"post/{p}-1" for p in (
        "joachim-stamp", "lutz-lienenkaemper", "herbert-reul", "andreas-pinkwart", "karl-josef-laumann",
        "yvonne-gebauer", "ina-scharrenbach", "peter-biesenbach", "hendrik-wuest", "ursula-heinen-esser",
        "isabel-pfeiffer-poensgen")}, {RDFS + "label", ORG + "postIn"}, {"000", "001", "003"}),
    "state-secretary-posts-post-in": ({f"post/{p}-1" for p in (
        "christoph-dammermann", "mathias-richter", "andrea-milz", "mark-speich")}, {ORG + "postIn"}, {"000", "001", "003"}),
    "mark-speich-2-post-in": ({"post/mark-speich-2"}, {ORG + "postIn"}, {"002"}),
    "forum-01-label": ({"forum/01"}, {RDFS + "label", SCHEMA + "name"}, {"003"}),
    "exzellenzcluster-resolv-sub-organization-of": ({"organization/exzellenzcluster-resolv"}, {ORG + "subOrganizationOf"},
                                                    {"001", "003"}),
}


@pytest.mark.parametrize("key", INFERENCES, ids=list(INFERENCES))
def test_inference_is_marked(select, key):
    things, properties, sources = INFERENCES[key]
    inference = f"inference/{key}"
    assert RK + "EditorialInference" in values(select, inference, "a")
    assert {t.removeprefix(ID) for t in values(select, inference, "rk:concerns")} == things
    assert values(select, inference, "rk:property") == properties
    comments = select(f"SELECT (LANG(?c) AS ?lang) WHERE {{ <{ID}{inference}> rdfs:comment ?c }}")
    assert sorted(r["lang"] for r in comments) == ["de", "en"]
    assert {s.rsplit("/", 1)[1][:3] for s in sources_of(select, inference)} == sources


def test_there_are_exactly_the_listed_inferences(select):
    found = {r["i"].removeprefix(ID + "inference/") for r in select("SELECT ?i WHERE { ?i a rk:EditorialInference }")}
    assert found == set(INFERENCES)


def test_every_inference_marks_a_statement_the_graph_makes(select):
    """A mark on a value the thing does not have would tell the reader nothing true."""
    stale = select("""SELECT ?inference ?thing ?property WHERE {
        ?inference a rk:EditorialInference ; rk:concerns ?thing ; rk:property ?property .
        FILTER NOT EXISTS { GRAPH <https://w3id.org/ruhr-konferenz/graph/data> { ?thing ?property ?value } } }""")
    assert stale == []


# Section 2, where removing the statement was the honest choice.
REMOVED = {
    "talentschulen-not-proposed-by-forum-10": """ASK {
        FILTER NOT EXISTS { id:project/talentschulen rk:proposedBy ?forum } }""",
    "summit-seventh-region-left-open": """ASK {
        id:figure/summit-regions-7 rk:countedThing ?de , ?en .
        FILTER (LANG(?de) = "de" && LANG(?en) = "en" && !CONTAINS(?de, "Ruhrgebiet") && !CONTAINS(?en, "Ruhr"))
        id:discrepancy/summit-region-count rdfs:comment ?comment .
        FILTER (LANG(?comment) = "en" && CONTAINS(?comment, "does not say which the seventh region is")) }""",
    "dachbegruenung-is-an-example-measure-not-a-project": """ASK {
        id:project/dachbegruenung-wasserdurchlaessige-flaechen a rk:ExampleMeasure ;
            rk:exampleOf id:measure/widerstandsfaehigkeit-klimawandel .
        FILTER NOT EXISTS { id:project/dachbegruenung-wasserdurchlaessige-flaechen a rk:Project } }""",
    "zollverein-comment-does-not-place-sanaa": """ASK {
        id:venue/zeche-zollverein rdfs:comment ?comment .
        FILTER (!CONTAINS(?comment, "umfasst Oktogon, Erich Brost-Pavillon, SANAA-Gebäude")) }""",
}


@pytest.mark.parametrize("case", REMOVED, ids=list(REMOVED))
def test_statement_removed(ask, case):
    assert ask(expand(REMOVED[case])), case


# Section 3: provenance corrected. Thing → the sources it now cites.
PROVENANCE = {
    "post/nathanael-liminski-1": {"001"},
    "sector/zivilgesellschaft": {"003"},
    "sector/verwaltung": {"002", "003"},
    "figure/inhabitants-5-million": {"001"},
    "figure/inhabitants-more-than-5-million": {"004"},
}


@pytest.mark.parametrize("thing", PROVENANCE, ids=list(PROVENANCE))
def test_provenance(select, thing):
    assert {s.rsplit("/", 1)[1][:3] for s in sources_of(select, thing)} == PROVENANCE[thing]


def test_population_figures_are_two(select):
    qualifiers = {r["f"].rsplit("/", 1)[1]: r["q"] for r in select("""SELECT ?f ?q WHERE {
        ?f a rk:Figure ; schema:value 5000000 . OPTIONAL { ?f rk:figureQualifier ?q FILTER (LANG(?q) = "de") } }""")}
    assert qualifiers == {"inhabitants-5-million": None, "inhabitants-more-than-5-million": "mehr als"}


# Section 4: disagreements recorded. Key → (kind, things it concerns, sources).
DISCREPANCIES = {
    "liminski-role": ("title", {"person/nathanael-liminski", "moderation/18-1", "post/nathanael-liminski-1"}, {"001", "003"}),
    "forum-17-lead": ("affiliation", {"forum/17", "department/stk-mbei"}, {"001", "003"}),
    "guiding-question-14-hyphen": ("spelling", {"forum/14"}, {"001", "003"}),
    "population": ("count", {"ruhr-konferenz", "figure/inhabitants-5-million", "figure/inhabitants-more-than-5-million"},
                   {"001", "004"}),
    "talentschulen-wording": ("wording", {"project/talentschulen", "forum/10"}, {"001", "003"}),
    "goals-04": ("wording", {"forum/04"}, {"001", "003"}),
    "goals-06": ("wording", {"forum/06"}, {"001", "003"}),
    "goals-08": ("wording", {"forum/08"}, {"001", "003"}),
    "goals-19": ("wording", {"forum/19"}, {"001", "003"}),
    "phase-1-end": ("date", {"phase/1"}, {"000", "004"}),
}


@pytest.mark.parametrize("key", DISCREPANCIES, ids=list(DISCREPANCIES))
def test_discrepancy_recorded(select, key):
    kind, things, sources = DISCREPANCIES[key]
    discrepancy = f"discrepancy/{key}"
    assert values(select, discrepancy, "rk:discrepancyKind") == {f"{ID}discrepancy-kind/{kind}"}
    assert {t.removeprefix(ID) for t in values(select, discrepancy, "rk:concerns")} == things
    assert {s.rsplit("/", 1)[1][:3] for s in sources_of(select, discrepancy)} == sources
    assert len(values(select, discrepancy, "rdfs:comment", "de")) == 1
    assert len(values(select, discrepancy, "rdfs:comment", "en")) == 1


def test_hyphen_in_forum_14_is_judged_a_line_break(select):
    comment = values(select, "discrepancy/guiding-question-14-hyphen", "rdfs:comment", "en").pop()
    assert "Not a real variant" in comment and "line-break hyphen" in comment
    question = values(select, "forum/14", "rk:consultationQuestion").pop()
    assert "lebens-werter" in question  # 001's characters are kept as they stand


def test_talentschulen_summaries_follow_003(select):
    for thing in ("project/talentschulen", "forum/10"):
        german = values(select, thing, "rk:goalSummary", "de").pop()
        assert "besonderen Herausforderungen" in german and "schwierig" not in german


# Section 5: facts added, each as what 004 or 003 calls it.
def test_mobility_project_package_and_its_examples(select):
    package = "project/projektpaket-vernetzte-mobilitaet"
    assert RK + "ProjectPackage" in values(select, package, "a")
    assert values(select, package, "rk:actionField") == {ID + "action-field/vernetzte-mobilitaet"}
    examples = {r["l"] for r in select(f"""SELECT ?l WHERE {{ ?m a rk:ExampleMeasure ; rk:exampleOf <{ID}{package}> ;
        rdfs:label ?l FILTER (LANG(?l) = "de") }}""")}
    assert examples == {"Sanierung von Stadt- und U-Bahnnetzen", "Vernetzung verschiedener Verkehrsmittel",
                        "Nutzung stillgelegter Strecken und Schnellbusse zur Anbindung des Umlands"}


def test_minister_presidents_examples_are_example_measures_of_the_programme(select):
    examples = {r["l"] for r in select(f"""SELECT ?l WHERE {{ ?m a rk:ExampleMeasure ; rk:exampleOf <{ID}ruhr-konferenz> ;
        rdfs:label ?l FILTER (LANG(?l) = "de") FILTER NOT EXISTS {{ ?m a rk:Project }} }}""")}
    assert examples == {
        "Unterstützung um eine Austragung der Olympischen und Paralympischen Spiele an Rhein und Ruhr 2032",
        "Bessere Vernetzung des Duisburger Hafens in Richtung der europäischen Nachbarn",
        "Ausbau der ICE Strecke Dortmund – Berlin"}


def test_energy_and_environment_items_are_example_measures_of_the_action_field(select):
    examples = {r["m"].removeprefix(ID + "measure/") for r in select(f"""SELECT ?m WHERE {{
        ?m a rk:ExampleMeasure ; rk:exampleOf <{ID}action-field/sichere-energie> }}""")}
    assert examples == {"erneuerbarer-strom-und-waerme", "smarte-quartiere", "forschung-klimaneutrale-industrie",
                        "gruen-und-freiraeume", "widerstandsfaehigkeit-klimawandel"}
    assert values(select, "project/urbane-energieloesungen", "rk:actionField") == {ID + "action-field/sichere-energie"}


def test_ruhr_games_2019(select):
    row = select(f"""SELECT (STR(?s) AS ?start) (STR(?e) AS ?end) WHERE {{
        <{ID}event/ruhr-games-2019> a schema:Event ; schema:startDate ?s ; schema:endDate ?e
        FILTER NOT EXISTS {{ <{ID}event/ruhr-games-2019> a rk:ForumEvent }} }}""")
    assert row == [{"start": "2019-06-20", "end": "2019-06-23"}]
    assert sources_of(select, "event/ruhr-games-2019") == {SRC["003_d74103b3d7fc50fa"], SRC["001_362d5e08bafa855e"]}
