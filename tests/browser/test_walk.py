"""Walk the linked-data pages in headless Chromium by clicking links, as a visitor would.

home → list of forums → forum 04 → a moderator → (back to the forum by its link) → the
forum's first event → its venue → a source document. Every step is a click on a link found
by role and text, every page is checked for what it must show, and each step leaves a
full-page screenshot in test-artifacts/browser/NN-name.png.
"""

import re
from datetime import date
from urllib.parse import urlsplit

import pytest
from babel.dates import format_date
from playwright.sync_api import Page, expect

FORUM = "https://w3id.org/ruhr-konferenz/id/forum/04"
FORUM_DE = "Urbane Energielösungen für die Metropolregion"
FORUM_EN = "Urban energy solutions for the metropolitan region"
MODERATOR = "Andreas Pinkwart"


@pytest.fixture(scope="module")
def expected(select) -> dict:
    """What the walk must find, read from the built data: forum 04's first event with a venue."""
    rows = select(f"""
        SELECT ?event ?eventLabel ?start ?venueLabel ?cityLabel ?sourceTitle WHERE {{
          ?event rk:forum <{FORUM}> ; schema:startDate ?start ; schema:location ?venue ;
                 rdfs:label ?eventLabel .
          ?venue rk:city ?city ; rdfs:label ?venueLabel ; prov:wasDerivedFrom ?source .
          ?city rdfs:label ?cityLabel .
          ?source dcterms:title ?sourceTitle .
          FILTER (lang(?eventLabel) IN ("de", "") && lang(?venueLabel) IN ("de", "")
                  && lang(?cityLabel) IN ("de", "") && lang(?sourceTitle) IN ("de", ""))
        }} ORDER BY ?start ?sourceTitle LIMIT 1
    """)
    assert rows, "forum 04 has no event with a venue in a city"
    row = rows[0]
    row["date"] = str(row["start"])[:10]
    # how the pages write that day for people (Babel's long German date: "22. März 2019")
    row["day"] = format_date(date.fromisoformat(row["date"]), "long", locale="de")
    return row


def _shot(page: Page, shots, number: int, name: str) -> None:
    page.screenshot(path=str(shots / f"{number:02d}-{name}.png"), full_page=True)


def _value(page: Page, header: str):
    """The value cell of the property row whose row header is exactly `header`."""
    row = page.locator("tr").filter(has=page.get_by_role("rowheader", name=header, exact=True))
    return row.get_by_role("cell")


def _section(page: Page, heading: str):
    return page.locator("section").filter(has=page.get_by_role("heading", name=heading, exact=True))


def test_walk_home_forum_person_event_venue_source(page: Page, base_url, shots, traffic, expected):
    # 1 home: the dataset in numbers, with a link to the list of forums
    page.goto(base_url + "/")
    expect(page).to_have_title(re.compile("Wissensgraph der Ruhr-Konferenz"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Wissensgraph der Ruhr-Konferenz")
    expect(page.get_by_role("heading", name="Der Datensatz in Zahlen")).to_be_visible()
    forums_row = page.get_by_role("row").filter(has=page.get_by_role("link", name="Themenforen"))
    expect(forums_row.get_by_role("cell")).to_have_text("20")
    _shot(page, shots, 1, "home")

    # 2 list of forums, by number
    page.get_by_role("link", name="Themenforen", exact=True).click()
    expect(page).to_have_url(base_url + "/list/forums")
    expect(page.get_by_role("heading", level=1)).to_have_text("Themenforen")
    expect(page.locator("ol.list > li")).to_have_count(20)
    expect(page.locator("ol.list > li").nth(3)).to_contain_text("04")
    _shot(page, shots, 2, "forums")

    # 3 forum 04: its moderation team holds Andreas Pinkwart, its events are listed by date
    page.get_by_role("link", name=FORUM_DE, exact=True).click()
    expect(page).to_have_url(base_url + "/page/forum/04")
    expect(page).to_have_title(re.compile(FORUM_DE))
    expect(page.get_by_role("heading", level=1)).to_have_text(FORUM_DE)
    team = _section(page, "Moderationsteam").locator("table").first
    expect(team.get_by_role("columnheader")).to_have_text(["Pos.", "Person", "Rolle laut Quelle", "für"])
    moderator_row = team.get_by_role("row").filter(has=page.get_by_role("link", name=MODERATOR))
    expect(moderator_row).to_have_count(1)
    expect(moderator_row).to_contain_text("Minister")
    events = _section(page, "Moderationsteam").locator("table").nth(1)
    dates = events.locator("tr td:first-child time").evaluate_all("ts => ts.map(t => t.dateTime)")
    assert dates and dates == sorted(dates), dates
    _shot(page, shots, 3, "forum-04")

    # 4 the moderator: his forums, roles and affiliations
    moderator_row.get_by_role("link", name=MODERATOR, exact=True).click()
    expect(page).to_have_url(base_url + "/page/person/andreas-pinkwart")
    expect(page.get_by_role("heading", level=1)).to_have_text(MODERATOR)
    seats = _section(page, "Foren, Rollen und Zugehörigkeit")
    expect(seats.get_by_role("columnheader")).to_have_text(["Themenforum", "Rolle laut Quelle", "für"])
    expect(seats.get_by_role("link", name=FORUM_DE, exact=True)).to_be_visible()
    expect(seats.get_by_role("link", name="Von der Idee zum Produkt", exact=True)).to_be_visible()
    _shot(page, shots, 4, "person")

    # the person page lists no events: back to the forum by its link in the person's forums
    seats.get_by_role("link", name=FORUM_DE, exact=True).click()
    expect(page).to_have_url(base_url + "/page/forum/04")

    # 5 the forum's first event: its start date and its venue
    events = _section(page, "Moderationsteam").locator("table").nth(1)
    event_row = events.get_by_role("row").filter(
        has=page.get_by_role("link", name=expected["eventLabel"], exact=True)
    )
    expect(event_row.get_by_role("cell").first).to_contain_text(expected["day"])
    assert event_row.locator("time").first.get_attribute("datetime")[:10] == expected["date"]
    event_row.get_by_role("link", name=expected["eventLabel"], exact=True).click()
    expect(page).to_have_url(re.compile(r"/page/event/04-\d+$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(expected["eventLabel"])
    expect(_value(page, "Beginn")).to_contain_text(expected["day"])
    expect(_value(page, "Themenforum").get_by_role("link")).to_have_text(FORUM_DE)
    _shot(page, shots, 5, "event")

    # 6 its venue, in its city
    _value(page, "Ort").get_by_role("link", name=expected["venueLabel"], exact=True).click()
    expect(page).to_have_url(re.compile(r"/page/venue/[\w-]+$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(expected["venueLabel"])
    expect(_value(page, "Stadt").get_by_role("link")).to_have_text(expected["cityLabel"])
    expect(_section(page, "Veranstaltungen").get_by_role("link", name=expected["eventLabel"], exact=True)).to_be_visible()
    _shot(page, shots, 6, "venue")

    # 7 a source document the venue was derived from
    _section(page, "Quellen").get_by_role("link", name=expected["sourceTitle"], exact=True).click()
    expect(page).to_have_url(re.compile(r"/page/source/[\w-]+$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(expected["sourceTitle"])
    expect(_value(page, "Titel")).to_contain_text(expected["sourceTitle"])
    expect(page.get_by_role("heading", name="Verweise auf diese Seite")).to_be_visible()
    _shot(page, shots, 7, "source")

    # the walk loaded the stylesheet and touched no host but the server
    assert any(urlsplit(url).path == "/static/style.css" for url in traffic.requests), traffic.requests
    assert traffic.foreign() == []
    assert traffic.failures == []


def test_search_box_finds_muelheim(page: Page, base_url, shots, traffic):
    page.goto(base_url + "/")
    box = page.get_by_role("searchbox", name="Bezeichnungen durchsuchen")
    box.fill("Muelheim")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search\?q=Muelheim$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Suche")
    expect(page.get_by_role("searchbox")).to_have_value("Muelheim")
    hit = page.locator("ul.hits").get_by_role("link", name="Mülheim an der Ruhr", exact=True)
    expect(hit).to_be_visible()
    _shot(page, shots, 8, "search-muelheim")
    hit.click()
    expect(page).to_have_url(base_url + "/page/place/muelheim-an-der-ruhr")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mülheim an der Ruhr")
    assert traffic.foreign() == []
    assert traffic.failures == []


def test_english_labels_on_the_forum_page(page: Page, base_url, shots, traffic):
    page.goto(base_url + "/page/forum/04")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    page.get_by_role("link", name="English", exact=True).click()
    expect(page).to_have_url(base_url + "/page/forum/04?lang=en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(FORUM_EN)
    for heading in ("Moderation team", "Events", "Properties", "Sources", "Referenced by"):
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    team = _section(page, "Moderation team").locator("table").first
    expect(team.get_by_role("columnheader")).to_have_text(["Pos.", "Person", "Stated role", "Affiliation"])
    expect(team.get_by_role("link", name=MODERATOR, exact=True)).to_be_visible()
    expect(page.get_by_role("searchbox", name="Search the labels")).to_be_visible()
    expect(page.get_by_role("heading", name="Moderationsteam")).to_have_count(0)
    _shot(page, shots, 9, "forum-04-en")
    assert traffic.foreign() == []
    assert traffic.failures == []
