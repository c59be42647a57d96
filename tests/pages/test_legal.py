"""Impressum, Datenschutz, Erklärung zur Barrierefreiheit and Kontakt: in every page's footer,
with the operator's texts and address when set, placeholders saying what is missing when not."""

import urllib.parse

import pytest
from pages_support import get, parse_html
from sparql_support import start_server

FOOTER = ["/impressum", "/datenschutz", "/barrierefreiheit", "/kontakt"]
ADDRESS = "daten@example.org"


@pytest.fixture(scope="module")
def operated(built_dir, tmp_path_factory):
    """A server whose operator set a name, an address and the imprint (German and English)."""
    folder = tmp_path_factory.mktemp("operator")
    (folder / "impressum.de.md").write_text("# Anbieter\n\nMusterbehörde, **Musterstraße 1**\n", encoding="utf-8")
    (folder / "impressum.en.md").write_text("# Provider\n\nSample authority\n", encoding="utf-8")
    (folder / "privacy.txt").write_text("Wir <speichern> nichts.\n\nZweiter Absatz.", encoding="utf-8")
    running = start_server(built_dir, folder / "serve.log", "--workers", "1", "--operator", "Musterbehörde",
                           "--contact-email", ADDRESS, "--imprint-file", str(folder / "impressum.{lang}.md"),
                           "--privacy-file", str(folder / "privacy.txt"))
    yield running.port
    running.stop()


@pytest.mark.parametrize("path", ["/", "/page/forum/04", "/views/timeline", "/ontology.html", "/no/such/page"])
def test_every_page_has_the_footer(port, path):
    page = parse_html(get(port, path, "text/html").text)
    assert [href for href in page.anchors if href in FOOTER] == FOOTER


def test_placeholders_say_what_the_operator_must_set(port):
    for path, setting in (("/impressum", "RK_IMPRINT_FILE"), ("/datenschutz", "RK_PRIVACY_FILE"),
                          ("/kontakt", "RK_CONTACT_EMAIL")):
        answer = get(port, path)
        assert answer.status == 200 and setting in answer.text and 'class="placeholder"' in answer.text
    statement = get(port, "/barrierefreiheit").text
    assert "Erklärung zur Barrierefreiheit" in statement and "WCAG 2.1" in statement
    assert "RK_ACCESSIBILITY_FILE" in statement  # the enforcement body is the operator's to name


def test_report_link_without_an_address_leads_to_the_contact_page(port):
    page = parse_html(get(port, "/page/forum/04").text)
    assert "/kontakt?about=/page/forum/04" in page.anchors
    contact = parse_html(get(port, "/kontakt?about=%2Fpage%2Fforum%2F04").text)
    assert "/page/forum/04" in contact.anchors
    hostile = get(port, "/kontakt?about=javascript:alert(1)").text
    assert "javascript:" not in hostile


def test_the_operators_texts_and_address(operated):
    german = get(operated, "/impressum").text
    assert "<h1>Anbieter</h1>" in german and "<strong>Musterstraße 1</strong>" in german
    assert "RK_IMPRINT_FILE" not in german and "Musterbehörde" in german
    assert "<h1>Provider</h1>" in get(operated, "/impressum?lang=en").text
    privacy = get(operated, "/datenschutz?lang=en").text  # no English file: the one file for both
    assert "<p>Wir &lt;speichern&gt; nichts.</p><p>Zweiter Absatz.</p>" in privacy
    assert f'href="mailto:{ADDRESS}"' in get(operated, "/kontakt").text


def test_report_link_is_a_prepared_mail(operated):
    page = parse_html(get(operated, "/page/forum/04").text)
    (mail,) = [href for href in page.anchors if href.startswith("mailto:")]
    parts = urllib.parse.urlsplit(mail)
    fields = urllib.parse.parse_qs(parts.query)
    assert parts.path == ADDRESS
    assert fields["subject"][0].startswith("Datenfehler: Urbane Energielösungen für die Metropolregion")
    assert "https://w3id.org/ruhr-konferenz/id/forum/04" in fields["subject"][0]
    assert fields["body"][0].endswith("/page/forum/04")


def test_a_missing_operator_file_stops_the_start(built_dir, tmp_path):
    with pytest.raises(RuntimeError, match="RK_IMPRINT_FILE"):
        start_server(built_dir, tmp_path / "serve.log", "--workers", "1",
                     "--imprint-file", str(tmp_path / "nothing.md"), ready_within=60)
