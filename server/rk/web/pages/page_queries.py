"""Every SPARQL query behind the linked-data pages, in one place.

Queries about one thing use the variable ?this, bound by `terms.bound` (a trailing
VALUES clause holding a checked IRI); no other value ever enters the query text. The
store's default graph is the union of the named graphs, inferred triples included.
"""

from rk.namespaces import GRAPH_META, GRAPH_ONTOLOGY, SPARQL_PROLOGUE
from rk.store import Formats, Store
from rk.web.pages.terms import Term, bound, rows

ROWS = Formats("json")  # what the pages read rows from (terms.rows reads JSON quickest)
JSONLD = Formats(graph="jsonld")

PREFIXES = SPARQL_PROLOGUE

EXISTS = "ASK { ?this ?p ?o }"
DOCUMENT = PREFIXES + """\
CONSTRUCT { ?this ?p ?o . ?o rdfs:label ?label }
WHERE { ?this ?p ?o OPTIONAL { ?o rdfs:label ?label } }"""
ONTOLOGY = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{GRAPH_ONTOLOGY}> {{ ?s ?p ?o }} }}"
LABELS = PREFIXES + "SELECT ?s ?label WHERE { ?s rdfs:label|skos:prefLabel ?label }"
OUTGOING = "SELECT ?p ?o WHERE { ?this ?p ?o }"
INBOUND = "SELECT DISTINCT ?s ?p WHERE { ?s ?p ?this FILTER(isIRI(?s)) }"
DISCREPANCIES = PREFIXES + """\
SELECT ?discrepancy ?comment WHERE {
  ?discrepancy a rk:SourceDiscrepancy ; rk:concerns ?this
  OPTIONAL { ?discrepancy rdfs:comment ?comment } }"""
INFERENCES = PREFIXES + """\
SELECT ?inference ?property ?comment WHERE {
  ?inference a rk:EditorialInference ; rk:concerns ?this ; rk:property ?property
  OPTIONAL { ?inference rdfs:comment ?comment } } ORDER BY ?inference"""
MODERATION_TEAM = PREFIXES + """\
SELECT ?position ?person ?role ?affiliation WHERE {
  ?this rk:moderation ?seat . ?seat org:member ?person .
  OPTIONAL { ?seat rk:position ?position } OPTIONAL { ?seat rk:statedRole ?role }
  OPTIONAL { ?seat rk:affiliation ?affiliation } } ORDER BY ?position"""
FORUM_EVENTS = PREFIXES + """\
SELECT ?event ?start ?end ?location WHERE {
  ?event rk:forum ?this
  OPTIONAL { ?event schema:startDate ?start } OPTIONAL { ?event schema:endDate ?end }
  OPTIONAL { ?event schema:location ?location }
} ORDER BY STR(?start) ?event"""
PERSON_SEATS = PREFIXES + """\
SELECT ?forum ?role ?affiliation WHERE {
  ?seat org:member ?this ; org:organization ?forum .
  OPTIONAL { ?seat rk:statedRole ?role } OPTIONAL { ?seat rk:affiliation ?affiliation }
} ORDER BY ?forum"""
PERSON_POSTS = PREFIXES + """\
SELECT ?post ?organization WHERE {
  ?this org:holds ?post OPTIONAL { ?post org:postIn ?organization } } ORDER BY ?post"""
DEPARTMENT_FORUMS = PREFIXES + """\
SELECT ?forum ?lead WHERE {
  { ?forum rk:leadDepartment ?this BIND(true AS ?lead) }
  UNION { ?forum rk:participatingDepartment ?this BIND(false AS ?lead) }
} ORDER BY ?forum"""
DEPARTMENT_POSTS = PREFIXES + """\
SELECT ?post ?holder WHERE {
  ?post org:postIn ?this OPTIONAL { ?post org:heldBy ?holder } } ORDER BY ?post"""
PLACE_EVENTS = PREFIXES + """\
SELECT DISTINCT ?event ?start ?end ?venue WHERE {
  { ?event schema:location ?this } UNION { ?event schema:location ?venue . ?venue rk:city ?this }
  ?event a schema:Event OPTIONAL { ?event schema:startDate ?start }
  OPTIONAL { ?event schema:endDate ?end }
} ORDER BY STR(?start) ?event"""
TYPES = "SELECT ?s ?type WHERE { ?s a ?type FILTER(isIRI(?s) && isIRI(?type)) }"
RELEASE = f"""\
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT ?version ?date WHERE {{ GRAPH <{GRAPH_META}> {{
  ?dataset owl:versionInfo ?version OPTIONAL {{ ?dataset dct:modified ?date }} }} }} LIMIT 1"""

# the links of ?this to other datasets, each with the dataset (from the meta graph's VoID
# linksets: the target whose void:uriSpace the link starts with) and its titles; and the
# point of ?this with its precision
LINKS = PREFIXES + """\
SELECT ?property ?target ?dataset ?title ?homepage ?lat ?lon ?precision WHERE {
  { VALUES ?property { owl:sameAs foaf:isPrimaryTopicOf dcatde:politicalGeocodingURI rk:municipalityKey }
    ?this ?property ?target
    OPTIONAL { ?linkset void:linkPredicate ?property ; void:objectsTarget ?dataset .
               ?dataset void:uriSpace ?space ; dcterms:title ?title ; foaf:homepage ?homepage
               FILTER (isIRI(?target) && STRSTARTS(STR(?target), ?space)) } }
  UNION { ?this schema:geo ?geo . ?geo schema:latitude ?lat ; schema:longitude ?lon
          OPTIONAL { ?this rk:locationPrecision ?precision } }
} ORDER BY ?property STR(?target)"""
# the points a small map of ?this shows: its own, or those of its locations (an event's
# venues and cities), each with the municipality key of the place or of its city
LOCATION_POINTS = PREFIXES + """\
SELECT ?place ?lat ?lon ?precision ?key WHERE {
  { ?this schema:geo ?geo BIND (?this AS ?place) }
  UNION { ?this schema:location ?place . ?place schema:geo ?geo }
  ?geo schema:latitude ?lat ; schema:longitude ?lon .
  OPTIONAL { ?place rk:locationPrecision ?precision }
  OPTIONAL { ?place rk:municipalityKey|rk:city/rk:municipalityKey ?key }
} ORDER BY ?place"""
# The projects (rk.web.pages.projects): one row per project and status report.
PROJECTS = PREFIXES + """\
SELECT ?project ?projectId ?forum ?forumNumber ?field ?department ?abbreviation ?status ?date WHERE {
  ?project a rk:Project .
  OPTIONAL { ?project rk:projectId ?projectId }
  OPTIONAL { ?project rk:proposedBy ?forum . ?forum rk:forumNumber ?forumNumber }
  OPTIONAL { ?project rk:actionField ?field }
  OPTIONAL { ?project rk:responsibleDepartment ?department OPTIONAL { ?department rk:abbreviation ?abbreviation } }
  OPTIONAL { ?project rk:statusReport ?report . ?report rk:status ?status ; dcterms:date ?date } }"""
# Every forum (with its number) and every action field, for the coverage tables.
FORUMS_AND_FIELDS = PREFIXES + """\
SELECT ?thing ?kind ?number WHERE {
  { ?thing a rk:ThematicForum ; rk:forumNumber ?number BIND ("forum" AS ?kind) }
  UNION { ?thing a rk:ActionField BIND ("field" AS ?kind) } }"""
# The counts of the progress reports (the only figures with a date): total and per status.
PROGRESS_FIGURES = PREFIXES + """\
SELECT ?figure ?value ?date ?status WHERE {
  ?figure a rk:Figure ; schema:value ?value ; dcterms:date ?date
  OPTIONAL { ?figure rk:countedStatus ?status } }"""
# The sources (rk.web.pages.sources): the five documents, the public record, the rest.
SOURCES = PREFIXES + """\
SELECT ?source ?url ?record ?file WHERE {
  ?source a rk:SourceDocument
  OPTIONAL { ?source schema:url ?url }
  OPTIONAL { ?source dcterms:identifier ?file FILTER (STRENDS(?file, ".txt")) }
  BIND (EXISTS { ?source dcterms:isPartOf id:public-record } AS ?record) } ORDER BY ?source STR(?url)"""
SOURCES_OF = PREFIXES + """\
SELECT ?source ?url WHERE {
  ?this prov:wasDerivedFrom ?source . ?source dcterms:isPartOf id:public-record ; schema:url ?url }
ORDER BY ?url"""
# The latest status report of each project (latest by the ISO text of its date).
_LATEST = """\
  OPTIONAL {
    { SELECT ?project (MAX(STR(?d)) AS ?date) WHERE { ?project rk:statusReport/dcterms:date ?d } GROUP BY ?project }
    ?project rk:statusReport ?report . ?report dcterms:date ?reportDate ; rk:status ?status
    FILTER (STR(?reportDate) = ?date) }"""
FORUM_PROJECTS = PREFIXES + """\
SELECT ?project ?projectId ?status ?date WHERE {
  ?project a rk:Project ; rk:proposedBy ?this
  OPTIONAL { ?project rk:projectId ?projectId }
""" + _LATEST + """ } ORDER BY ?projectId ?project"""
DEPARTMENT_PROJECTS = PREFIXES + """\
SELECT ?project ?projectId ?forum ?status ?date WHERE {
  ?project a rk:Project ; rk:responsibleDepartment ?this
  OPTIONAL { ?project rk:projectId ?projectId } OPTIONAL { ?project rk:proposedBy ?forum }
""" + _LATEST + """ } ORDER BY ?projectId ?project"""
PROJECT_FACTS = PREFIXES + """\
SELECT ?property ?value WHERE {
  VALUES ?property { rk:projectId rk:responsibleDepartment rk:proposedBy rk:actionField }
  ?this ?property ?value }"""
PROJECT_REPORTS = PREFIXES + """\
SELECT ?report ?status ?date ?de ?en (SAMPLE(?dateMark) AS ?dateInference) (SAMPLE(?statusMark) AS ?statusInference)
       (GROUP_CONCAT(DISTINCT STR(?source); separator=" ") AS ?sources) WHERE {
  ?this rk:statusReport ?report . ?report rk:status ?status ; dcterms:date ?date
  OPTIONAL { ?report rdfs:comment ?de FILTER (LANG(?de) = "de") }
  OPTIONAL { ?report rdfs:comment ?en FILTER (LANG(?en) = "en") }
  OPTIONAL { ?report prov:wasDerivedFrom ?source }
  OPTIONAL { ?dateMark a rk:EditorialInference ; rk:concerns ?report ; rk:property dcterms:date }
  OPTIONAL { ?statusMark a rk:EditorialInference ; rk:concerns ?report ; rk:property rk:status }
} GROUP BY ?report ?status ?date ?de ?en ORDER BY STR(?date) ?report"""
SOURCE_KIND = PREFIXES + """\
SELECT ?url ?record ?file WHERE {
  ?this a rk:SourceDocument
  OPTIONAL { ?this schema:url ?url }
  OPTIONAL { ?this dcterms:identifier ?file FILTER (STRENDS(?file, ".txt")) }
  BIND (EXISTS { ?this dcterms:isPartOf id:public-record } AS ?record) }"""


def exists(store: Store, iri: str) -> bool:
    """Whether the dataset says anything about `iri`."""
    return store.query(bound(EXISTS, iri)).boolean


def document(store: Store, iri: str, fmt: str = "ntriples"):
    """The data document of `iri` (its triples and the labels of what they link to),
    written in `fmt` (a graph format name)."""
    return store.query(bound(DOCUMENT, iri), formats=Formats(graph=fmt))


def ontology(store: Store):
    """The ontology graph."""
    return store.query(ONTOLOGY)


def about(store: Store, sparql: str, iri: str) -> list[dict[str, Term]]:
    """The rows of one of this module's SELECT queries about `iri`."""
    return rows(store.query(bound(sparql, iri)))


def all_labels(store: Store) -> list[dict[str, Term]]:
    """Every (thing, label) pair of the dataset."""
    return rows(store.query(LABELS))


def types(store: Store) -> dict[str, list[str]]:
    """The classes of every thing, by its IRI."""
    found: dict[str, list[str]] = {}
    for row in rows(store.query(TYPES)):
        found.setdefault(row["s"].value, []).append(row["type"].value)
    return found


def release(store: Store) -> dict[str, str] | None:
    """The dataset's version (owl:versionInfo) and release date (dct:modified), if stated."""
    found = rows(store.query(RELEASE))
    if not found:
        return None
    return {"version": found[0]["version"].value, "date": found[0]["date"].value if "date" in found[0] else None}
