"""The map /views/map in headless Chromium: one marker per place, the legend, the table,
the base map from this host, a click that opens the venue's page, and no other host asked;
tiles only from the tile server the operator sets (RK_MAP_TILES, here a canary on 127.0.0.1).

Leaves a screenshot in test-artifacts/browser/map.png.
"""

from urllib.parse import urlsplit

import pytest
import views_facts as facts
from playwright.sync_api import Page, expect
from sparql_support import start_canary, start_server

from rk.web.views import basemap

BASE = "https://w3id.org/ruhr-konferenz/"


def test_map_draws_every_place_over_the_base_map_and_asks_no_other_host(page: Page, base_url, shots, traffic, select):
    expected = facts.map_places(select)
    page.goto(base_url + "/views/map")
    expect(page.get_by_role("heading", level=1)).to_have_text("Karte")
    container = page.locator("#map")
    expect(container).to_have_attribute("data-markers", str(len(expected)))
    markers = container.locator(".leaflet-marker-icon.place-marker")
    expect(markers).to_have_count(len(expected))
    drawn = set(markers.evaluate_all("(all) => all.map(m => m.dataset.place)"))
    assert drawn == set(expected)
    expect(container).to_have_attribute("data-base-map", "true")
    features = basemap.collection()["features"]
    expect(container.locator(".leaflet-overlay-pane path")).to_have_count(len(features))
    expect(page.locator("#legend li[data-department]")).not_to_have_count(0)
    expect(page.locator("#places tbody tr")).to_have_count(len(expected))
    assert any(urlsplit(url).path.endswith("/vendor/leaflet/leaflet.js") for url in traffic.requests)
    assert any(urlsplit(url).path.endswith(basemap.STATIC_PATH) for url in traffic.requests)
    page.screenshot(path=str(shots / "map.png"), full_page=True)
    assert traffic.foreign() == []
    assert traffic.failures == []


def test_markers_are_painted_in_their_departments_legend_colour(page: Page, base_url, traffic, select):
    expected, leads = facts.map_places(select), facts.lead_of_events(select)
    page.goto(base_url + "/views/map")
    expect(page.locator("#map")).to_have_attribute("data-markers", str(len(expected)))
    painted = page.evaluate("""() => {
        const swatch = {};
        for (const li of document.querySelectorAll('#legend li[data-department]')) {
            swatch[li.dataset.department] = getComputedStyle(li.querySelector('.swatch')).backgroundColor;
        }
        return [swatch, [...document.querySelectorAll('.place-marker')].map(m => [
            m.dataset.place, getComputedStyle(m).backgroundColor, getComputedStyle(m).backgroundImage,
            m.getBoundingClientRect().width > 0])];
    }""")
    swatch, markers = painted
    for place, colour, image, visible in markers:
        departments = {leads[event] for event in expected[place]["events"]}
        assert visible, place
        if len(departments) == 1:
            assert colour == swatch[departments.pop()] and image == "none", place
        elif departments:
            assert image.startswith("conic-gradient("), place
    assert traffic.failures == []


def test_a_click_on_a_venue_marker_opens_its_page(page: Page, base_url, traffic, select):
    expected = facts.map_places(select)
    venue = min(iri for iri, place in expected.items() if place["kind"] == "venue" and place["precision"] == "venue")
    page.goto(base_url + "/views/map")
    marker = page.locator(f'.place-marker[data-place="{venue}"]')
    expect(marker).to_be_visible()
    label = marker.get_attribute("title")
    marker.click()
    expect(page).to_have_url(base_url + "/page/" + venue.removeprefix(BASE + "id/"))
    expect(page.get_by_role("heading", level=1)).to_have_text(label)
    expect(page.locator("#location figure.small-map circle.point")).to_have_count(1)
    assert traffic.foreign() == []
    assert traffic.failures == []


@pytest.fixture(scope="module")
def tiled_server(dataset_dir, tmp_path_factory):
    """`rk serve` with RK_MAP_TILES set to a tile server of its own on 127.0.0.1 (a canary)."""
    recorder, httpd = start_canary()
    tiles = recorder.url + "tiles/{z}/{x}/{y}.png"
    running = start_server(dataset_dir, tmp_path_factory.mktemp("tiles") / "serve.log", "--workers", "1",
                           "--map-tiles", tiles, "--map-tiles-attribution", "Kachel-Test")
    yield running, recorder
    running.stop()
    httpd.shutdown()
    httpd.server_close()


def test_tiles_are_asked_for_only_when_the_operator_sets_them(page: Page, tiled_server, base_url, traffic):
    running, tiles = tiled_server
    page.goto(base_url + "/views/map")
    expect(page.locator("#map")).to_have_attribute("data-base-map", "true")
    assert tiles.hits == [] and not page.locator(".leaflet-tile").count()
    page.goto(f"http://127.0.0.1:{running.port}/views/map")
    expect(page.locator("#map .leaflet-tile").first).to_be_attached()
    expect(page.locator("#map .leaflet-control-attribution")).to_contain_text("Kachel-Test")
    assert tiles.hits and all(path.startswith("/tiles/") for _, path in tiles.hits)
