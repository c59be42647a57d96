"""Every page kind in headless Chromium: no axe-core violation (WCAG 2.1 A/AA), German and
English; no sideways page scrolling at 320 px; and a walk with the keyboard alone.

The views are checked once drawn (the network's layout settled), so the rules see what a
visitor sees. Screenshots of the narrow pages go to test-artifacts/browser/narrow-*.png.
"""

import re

import pytest
from page_kinds import ENTITY_KINDS, EVERY_KIND, LANGUAGES, in_language, keys, resolve
from playwright.sync_api import Page, expect

from browser.accessibility import violations

STABILIZED_MS = 60_000


def _open(page: Page, url: str) -> None:
    page.goto(url)
    if "/views/network" in url:
        expect(page.locator("#network")).to_have_attribute("data-stabilized", "true", timeout=STABILIZED_MS)


def test_every_entity_kind_is_covered(store):
    assert sorted({key.split("/")[0] for key in keys(store)}) == ENTITY_KINDS


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", EVERY_KIND)
def test_no_axe_violations(page: Page, base_url, store, kind, lang, traffic):
    _open(page, base_url + in_language(resolve(store, kind), lang))
    expect(page.locator("html")).to_have_attribute("lang", lang)
    assert violations(page) == []
    assert traffic.foreign() == []


@pytest.fixture()
def narrow(browser, traffic):
    """A German-speaking browser 320 CSS pixels wide (WCAG 1.4.10, reflow)."""
    context = browser.new_context(locale="de-DE", viewport={"width": 320, "height": 640})
    context.on("request", lambda request: traffic.requests.append(request.url))
    opened = context.new_page()
    opened.on("pageerror", lambda error: traffic.failures.append(f"script error {error}"))
    yield opened
    context.close()


@pytest.mark.parametrize("kind", EVERY_KIND)
def test_no_sideways_page_scrolling_at_320_px(narrow: Page, base_url, store, kind, shots, traffic):
    _open(narrow, base_url + resolve(store, kind))
    assert narrow.evaluate("() => document.documentElement.scrollWidth") <= 320
    # what is wider than the screen scrolls in its own named box, which the keyboard can reach
    boxes = narrow.evaluate("""() => [...document.querySelectorAll('.scroll')]
        .filter(box => box.scrollWidth > box.clientWidth)
        .map(box => [box.tabIndex, getComputedStyle(box).overflowX,
                     box.getAttribute('aria-label') || box.getAttribute('aria-labelledby') || ''])""")
    for tab_index, overflow, name in boxes:
        assert (tab_index, overflow) == (0, "auto") and name, (kind, tab_index, overflow, name)
    narrow.screenshot(path=str(shots / f"narrow-{re.sub(r'[^a-z0-9]+', '-', kind).strip('-') or 'home'}.png"))
    assert traffic.failures == []


def test_moderation_team_is_whole_when_scrolled(narrow: Page, base_url):
    narrow.goto(base_url + "/page/forum/04")
    box = narrow.locator("section .scroll").first
    box.evaluate("box => { box.scrollLeft = box.scrollWidth; }")
    last = box.locator("th").last.bounding_box()
    frame = box.bounding_box()
    assert frame["x"] <= last["x"] and last["x"] + last["width"] <= frame["x"] + frame["width"] + 1
    assert narrow.evaluate("() => document.documentElement.scrollWidth") <= 320


def _focused(page: Page) -> dict:
    return page.evaluate("""() => { const e = document.activeElement, s = getComputedStyle(e);
        return {tag: e.tagName.toLowerCase(), text: (e.getAttribute('aria-label') || e.innerText || '').trim(),
                href: e.getAttribute('href') || '', outline: s.outlineStyle, width: parseFloat(s.outlineWidth)}; }""")


def _tab_to(page: Page, text: str, limit: int = 80) -> dict:
    """Press Tab until a focused element reads `text`; every stop on the way shows a focus ring."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = _focused(page)
        assert focused["outline"] != "none" and focused["width"] >= 2, focused
        if focused["text"] == text:
            return focused
    pytest.fail(f"{text!r} not reached in {limit} Tab presses")


def test_keyboard_walk(page: Page, base_url, traffic):
    """Skip link → home's forums → forum 04 → report link; timeline and network → their tables."""
    page.goto(base_url + "/")
    page.keyboard.press("Tab")
    skip = _focused(page)
    assert skip["text"] == "Zum Inhalt springen" and skip["href"] == "#main"
    assert page.locator("a.skip").bounding_box()["y"] >= 0  # on screen when focused
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    _tab_to(page, "Die 20 Themenforen", 10)
    page.keyboard.press("Enter")
    expect(page).to_have_url(base_url + "/list/forums")
    _tab_to(page, "Urbane Energielösungen für die Metropolregion")
    page.keyboard.press("Enter")
    expect(page).to_have_url(base_url + "/page/forum/04")
    assert _tab_to(page, "Einen Fehler in diesen Daten melden")["href"].startswith(("/kontakt", "mailto:"))
    _tab_to(page, "Impressum", 400)
    _tab_to(page, "Erklärung zur Barrierefreiheit", 3)
    page.keyboard.press("Enter")
    expect(page).to_have_url(base_url + "/barrierefreiheit")

    page.goto(base_url + "/views/timeline")
    assert page.locator("svg#timeline a, svg#timeline [tabindex]").count() == 0
    _tab_to(page, "Die Veranstaltungen als Tabelle, mit Links")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # the table's scroll box
    page.keyboard.press("Tab")
    first = _focused(page)
    assert first["href"].startswith("/page/"), first
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/page/"))

    page.goto(base_url + "/views/network")
    expect(page.locator("#network")).to_have_attribute("data-stabilized", "true", timeout=STABILIZED_MS)
    assert page.evaluate("""() => [...document.querySelectorAll('#network *')]
        .filter(e => e.tabIndex >= 0).length""") == 0
    assert page.locator("#network").get_attribute("role") == "img"
    assert "Doppelklick" not in page.locator("main").inner_text()
    _tab_to(page, "Die Kanten als Tabelle, mit Links")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    edge = _focused(page)
    assert edge["href"].startswith("/page/"), edge
    assert traffic.foreign() == []
    assert traffic.failures == []


def test_keyboard_filters_the_project_list(page: Page, base_url, traffic):
    """The project list's filter form works with the keyboard alone: Tab to the forum field,
    pick forum 18 by typing, Tab to "Filtern", Enter; then Tab reaches a project of it."""
    page.goto(base_url + "/list/projects")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.name") == "forum":
            break
    else:
        pytest.fail("the forum field is not reached with Tab")
    page.keyboard.type("18")
    assert page.evaluate("() => document.activeElement.value") == "18"
    _tab_to(page, "Filtern", 6)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(base_url) + r"/list/projects\?forum=18(&|$)"))
    assert _tab_to(page, "alle Projekte zeigen")["href"] == "/list/projects"
    page.keyboard.press("Tab")  # the table's scroll box
    page.keyboard.press("Tab")
    assert _focused(page)["href"].startswith("/page/project/")
    assert traffic.foreign() == [] and traffic.failures == []
