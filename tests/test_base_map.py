"""The vendored base map (scripts/base_map.py's output): NRW's municipalities and districts,
small, attributed, and in agreement with the graph's municipality keys and points."""

import pytest
from shapely.geometry import Point, shape

from rk.web.views import basemap

FEATURES = basemap.collection()["features"]
MUNICIPALITIES = {f["properties"]["key"]: f for f in FEATURES if f["properties"]["layer"] == "municipality"}
DISTRICTS = {f["properties"]["key"]: f for f in FEATURES if f["properties"]["layer"] == "district"}


def test_base_map_holds_nrws_municipalities_and_districts_in_a_small_file():
    assert len(MUNICIPALITIES) == 396 and len(DISTRICTS) == 53
    assert all(key.startswith("05") and len(key) == 8 for key in MUNICIPALITIES)
    assert {key[:5] for key in MUNICIPALITIES} == set(DISTRICTS)
    assert basemap.FILE.stat().st_size < 400_000
    assert "GeoBasis-DE / BKG" in basemap.attribution()


def test_every_geometry_is_valid():
    assert all(shape(f["geometry"]).is_valid for f in FEATURES)


@pytest.fixture(scope="module")
def points(select):
    return select("""SELECT ?place ?lat ?lon ?precision ?key WHERE {
        ?place schema:geo ?geo . ?geo schema:latitude ?lat ; schema:longitude ?lon .
        ?place rk:locationPrecision ?precision .
        OPTIONAL { ?place rk:municipalityKey|rk:city/rk:municipalityKey ?key } }""")


def test_every_city_key_of_the_graph_is_a_municipality_of_the_base_map(select):
    keys = {r["key"] for r in select("SELECT ?key WHERE { ?c a rk:City ; rk:municipalityKey ?key }")}
    assert len(keys) >= 10 and keys <= set(MUNICIPALITIES)


def test_every_point_in_nrw_lies_in_its_municipality(points):
    checked = 0
    for row in points:
        if row["key"] is None:
            continue
        area = shape(MUNICIPALITIES[row["key"]]["geometry"])
        # the boundary is simplified by up to TOLERANCE degrees
        assert area.buffer(0.01).contains(Point(float(row["lon"]), float(row["lat"]))), row["place"]
        checked += 1
    assert checked >= 40
