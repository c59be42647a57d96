"""The home page, the list pages, the search, languages and third-party requests."""

import urllib.parse

import pytest
from pages_support import get, parse_html, tree

from rk.web.pages.labels import forms


def _links(port, path):
    answer = get(port, path)
    assert answer.status == 200
    return parse_html(answer.text)


def test_home_counts_come_from_the_data(port, select):
    page = _links(port, "/")
    text = " ".join(page.text)
    (forums,) = select("SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f a rk:ThematicForum }")
    assert int(forums["n"]) == 20 and "20" in text
    assert "/list/forums" in page.anchors and "/list/persons" in page.anchors


def test_forums_are_listed_by_number(port):
    page = _links(port, "/list/forums")
    forums = [href for href in page.anchors if href.startswith("/page/forum/")]
    assert forums == [f"/page/forum/{n:02d}" for n in range(1, 21)]


def test_events_are_listed_chronologically(port, select):
    page = _links(port, "/list/events")
    events = [href for href in page.anchors if href.startswith("/page/event/")]
    rows = select("SELECT ?e ?d WHERE { ?e a schema:Event ; schema:startDate ?d }")
    start = {row["e"].rsplit("/id/", 1)[1]: str(row["d"])[:10] for row in rows}
    dates = [start[href[len("/page/"):]] for href in events if href[len("/page/"):] in start]
    assert dates == sorted(dates) and len(dates) > 40


def test_persons_are_listed_alphabetically(port):
    page = _links(port, "/list/persons")
    persons = [href for href in page.anchors if href.startswith("/page/person/")]
    assert len(persons) == 42
    assert persons.index("/page/person/hildegard-mueller") < persons.index(
        "/page/person/isabel-pfeiffer-poensgen"
    )


@pytest.mark.parametrize(
    "query, found",
    [
        ("Muelheim", "/page/place/muelheim-an-der-ruhr"),
        ("mülheim", "/page/place/muelheim-an-der-ruhr"),
        ("MULHEIM", "/page/place/muelheim-an-der-ruhr"),
        ("Poensgen", "/page/person/isabel-pfeiffer-poensgen"),
        ("pfeiffer poensgen", "/page/person/isabel-pfeiffer-poensgen"),
        ("Hovenjuergen", "/page/person/josef-hovenjuergen"),
    ],
)
def test_search_ignores_case_diacritics_and_transliteration(port, query, found):
    path = "/search?" + urllib.parse.urlencode({"q": query})
    assert found in _links(port, path).anchors


def test_search_with_quotes_and_braces_is_only_text(port):
    assert get(port, "/search?q=%22%7D%20UNION%20%7B").status == 200


def test_normalised_forms():
    assert "muelheim an der ruhr" in forms("Mülheim an der Ruhr")
    assert "mulheim an der ruhr" in forms("Mülheim an der Ruhr")
    assert forms("Straße") == {"strasse"}


def test_language_by_parameter_and_accept_language(port):
    german = parse_html(get(port, "/page/forum/04").text)
    english = parse_html(get(port, "/page/forum/04", Accept_Language="en-GB,en;q=0.8").text)
    chosen = parse_html(get(port, "/page/forum/04?lang=en").text)
    assert "Moderationsteam" in german.text
    assert "Moderation team" in english.text and "Moderation team" in chosen.text
    assert "/page/person/andreas-pinkwart?lang=en" in chosen.anchors


@pytest.mark.parametrize(
    "path", ["/", "/list/events", "/search?q=essen", "/page/forum/04", "/id/forum/99"]
)
def test_pages_load_nothing_from_elsewhere(port, path):
    page = parse_html(get(port, path).text)
    assert [urllib.parse.urlsplit(url).path for url in page.resources] == ["/static/favicon.svg", "/static/style.css"]
    for url in page.resources:
        assert get(port, url).status == 200


def test_forum_page_sections(port):
    page = parse_html(get(port, "/page/forum/04").text)
    text = [t.strip() for t in page.text if t.strip()]
    assert "Andreas Pinkwart" in text and "Johannes Teyssen" in text
    assert "22. März 2019, 12:30–15:30 Uhr" in text  # the first event, start and end in words
    assert "/page/venue/ruhrfestspielhaus" in " ".join(page.anchors) or any(
        href.startswith("/page/venue/") for href in page.anchors
    )


def test_a_persons_page_shows_the_posts_they_hold(port, select):
    holders = {}
    for row in select("SELECT ?person ?post WHERE { ?person a foaf:Person ; org:holds ?post }"):
        holders.setdefault(row["person"], set()).add(row["post"])
    assert holders, "the data has no person holding a post"
    for person, posts in holders.items():
        document = tree(get(port, "/page/" + person.split("/id/", 1)[1]).text)
        section = next(s for s in document.all("section")
                       if any(h.text() == "Foren, Rollen und Zugehörigkeit" for h in s.all("h2")))
        assert "Ämter" in [h.text() for h in section.all("h2")], person
        shown = {href for href, _ in section.links()}
        assert {"/page/" + post.split("/id/", 1)[1] for post in posts} <= shown, person
