"""The views in headless Chromium: each draws what the data implies, stays on this host, raises no error.

Each test leaves a full-page screenshot in test-artifacts/browser/ (moderation.png,
timeline.png, network.png).
"""

from urllib.parse import urlsplit

import views_facts as facts
from playwright.sync_api import Page, expect

STABILIZED_MS = 60_000  # the network's layout on a busy 2-core machine


def test_moderation_matrix(page: Page, base_url, shots, traffic, select):
    seats = facts.seats(select)
    page.goto(base_url + "/views/moderation")
    expect(page.get_by_role("heading", level=1)).to_have_text("Wer moderiert was")
    matrix = page.locator("#matrix")
    expect(matrix.locator("thead th[data-forum]")).to_have_count(len(facts.forums(select)))
    expect(matrix.locator("td span.seat")).to_have_count(len(seats))
    expect(matrix.locator("td:has(span.seat)")).to_have_count(len({(o, f) for o, f, _ in seats}))
    expect(matrix.locator("td.lead")).to_have_count(len(facts.pairs(select, "rk:leadDepartment")))
    expect(page.locator("#seats tbody tr")).to_have_count(len(seats))
    page.screenshot(path=str(shots / "moderation.png"), full_page=True)
    assert traffic.foreign() == []
    assert traffic.failures == []


def test_timeline(page: Page, base_url, shots, traffic, select):
    expected = facts.timeline_events(select)
    page.goto(base_url + "/views/timeline")
    expect(page.get_by_role("heading", level=1)).to_have_text("Zeitleiste")
    marks = page.locator("svg#timeline rect.mark")
    expect(marks).to_have_count(len(expected))
    # the colour the browser paints each mark is the colour of its department's legend swatch
    painted = page.evaluate("""() => {
        const swatch = {};
        for (const li of document.querySelectorAll('#legend li')) {
            swatch[li.dataset.department] = getComputedStyle(li.querySelector('.swatch')).backgroundColor;
        }
        return [...document.querySelectorAll('svg#timeline rect.mark')].map(rect => [
            rect.dataset.event, rect.dataset.department, getComputedStyle(rect).fill,
            swatch[rect.dataset.department], rect.getBoundingClientRect().width > 0]);
    }""")
    for event, department, fill, legend, visible in painted:
        assert department == (expected[event] or "") and fill == legend and visible, event
    page.screenshot(path=str(shots / "timeline.png"), full_page=True)
    assert traffic.foreign() == []
    assert traffic.failures == []


def test_network(page: Page, base_url, shots, traffic, select):
    edges = facts.network_edges(select)
    nodes = {end for source, _, target in edges for end in (source, target)}
    page.goto(base_url + "/views/network")
    expect(page.get_by_role("heading", level=1)).to_have_text("Netz der Akteure")
    container = page.locator("#network")
    expect(container).to_have_attribute("data-stabilized", "true", timeout=STABILIZED_MS)
    expect(container).to_have_attribute("data-nodes", str(len(nodes)))
    expect(container).to_have_attribute("data-edges", str(len(edges)))
    drawn = page.evaluate("() => [rkNetwork.body.data.nodes.length, rkNetwork.body.data.edges.length]")
    assert drawn == [len(nodes), len(edges)]
    expect(container.locator("canvas")).to_have_count(1)
    expect(page.locator("#edges tbody tr")).to_have_count(len(edges))
    assert any(urlsplit(url).path.endswith("/vendor/vis-network/vis-network.min.js") for url in traffic.requests)
    page.screenshot(path=str(shots / "network.png"), full_page=True)
    assert traffic.foreign() == []
    assert traffic.failures == []
