"""The editor as a workbench, in headless Chromium: completion from the dataset, labels in the
result table, charts, the code panel, the keyboard, German wording and axe-core (WCAG 2.1 AA).

Expected values come from the endpoint itself (SPARQL over HTTP) or from the catalogue's
headers; every test also checks that no request left 127.0.0.1.
"""

import json
import subprocess
import sys
import urllib.parse
import urllib.request

import pytest
from browser.axe import summary, violations
from playwright.sync_api import Page, expect

from rk.catalogue import catalogue

QUERIES = {entry.name: entry for entry in catalogue()}
CM = "document.querySelector('#editor .tabPanel.active .CodeMirror').CodeMirror"
RK = "https://w3id.org/ruhr-konferenz/ontology#"
ID = "https://w3id.org/ruhr-konferenz/id/"
ROWS = "#editor .yasr table.dataTable tbody tr"
HINTS = ".CodeMirror-hints li"


def fetch_json(base_url: str, path: str, **params) -> dict:
    url = base_url + path + ("?" + urllib.parse.urlencode(params) if params else "")
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "application/json"}), timeout=30) as answer:
        return json.load(answer)


def endpoint_rows(base_url: str, query: str) -> list[dict]:
    body = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(base_url + "/sparql", body, {"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.load(answer)["results"]["bindings"]


def open_editor(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator("#editor .CodeMirror")).to_be_visible()


def write(page: Page, text: str) -> None:
    """Put `text` in the editor and the cursor at its end, with the focus in the editor."""
    page.evaluate(f"t => {{ const cm = {CM}; cm.setValue(t); cm.focus(); cm.setCursor(cm.lineCount(), 0); }}", text)


def value(page: Page) -> str:
    return page.evaluate(f"{CM}.getValue()")


def run(page: Page) -> None:
    with page.expect_response(lambda r: r.url.endswith("/sparql") and r.request.method == "POST") as answer:
        page.locator("#editor .tabPanel.active .yasqe_queryButton").click()
    assert answer.value.status == 200


def test_typing_a_name_offers_the_thing_with_label_and_class_and_enter_takes_it(page: Page, base_url, shots, traffic):
    open_editor(page, base_url + "/sparql")
    write(page, "PREFIX org: <http://www.w3.org/ns/org#>\nSELECT ?seat WHERE {\n  ?seat org:member ")
    page.keyboard.type("Laschet")
    hint = page.locator(f"{HINTS}[title='{ID}person/armin-laschet']")
    expect(hint).to_be_visible()
    expect(hint).to_contain_text("Armin Laschet")
    expect(hint).to_contain_text("Person")
    page.screenshot(path=str(shots / "workbench-completion-instance.png"))
    hint.click()
    assert value(page).endswith(f"?seat org:member <{ID}person/armin-laschet>")

    write(page, "SELECT * WHERE {\n  ?venue ?p ")
    page.keyboard.type("Zollverein")
    venue = page.locator(f"{HINTS}[title='{ID}venue/zeche-zollverein']")
    expect(venue).to_contain_text("Zeche Zollverein")
    expect(venue).to_contain_text("Veranstaltungsort")
    assert traffic.foreign() == []
    assert traffic.failures == []


def test_a_class_then_the_properties_that_class_uses_first(page: Page, base_url, shots, traffic):
    vocabulary = fetch_json(base_url, "/sparql/vocabulary.json", lang="de")
    first_property = vocabulary["classProperties"][RK + "ThematicForum"][0][0]
    overall_first = next(p["iri"] for p in vocabulary["properties"] if p["iri"].startswith(RK))
    assert first_property != overall_first  # the class's ranking is not the global one
    open_editor(page, base_url + "/sparql")
    write(page, f"PREFIX rk: <{RK}>\nSELECT * WHERE {{\n  ?x a rk:Thema")
    expect(page.locator(HINTS).first).to_contain_text("rk:ThematicForum")
    expect(page.locator(HINTS).first).to_contain_text("Themenforum")
    page.keyboard.press("Enter")
    assert value(page).endswith("?x a rk:ThematicForum")
    page.keyboard.type(" ; rk:")
    expect(page.locator(HINTS).first).to_contain_text("rk:" + first_property.split("#")[1])
    page.screenshot(path=str(shots / "workbench-completion-property.png"))
    page.keyboard.press("Enter")
    assert value(page).endswith("?x a rk:ThematicForum ; rk:" + first_property.split("#")[1])
    assert traffic.foreign() == []


def test_prefixes_are_ours(page: Page, base_url, traffic):
    open_editor(page, base_url + "/sparql")
    write(page, "PREFIX sch")
    expect(page.locator(HINTS, has_text="schema: <http://schema.org/>")).to_be_visible()
    write(page, "SELECT * WHERE { ?s a ")
    page.keyboard.type("dcatde:")  # a prefix we bind: its PREFIX line is added
    page.wait_for_function(f"{CM}.getValue().includes('PREFIX dcatde: <http://dcat-ap.de/def/dcatde/>')")
    assert traffic.foreign() == []


def test_result_cells_show_labels_link_to_pages_and_keep_the_iri(page: Page, base_url, shots, traffic):
    query = f"""SELECT ?forum ?type WHERE {{ ?forum <{RK}forumNumber> 4 ; a ?type }} ORDER BY ?type"""
    expected = endpoint_rows(base_url, f"""SELECT ?label WHERE {{ <{ID}forum/04> <http://www.w3.org/2000/01/rdf-schema#label> ?label
                                            FILTER(LANG(?label) = "de") }}""")[0]["label"]["value"]
    types = [row["type"]["value"] for row in endpoint_rows(base_url, query)]
    open_editor(page, base_url + "/sparql")
    write(page, query)
    run(page)
    expect(page.locator(ROWS)).to_have_count(len(types))
    forum = page.locator(f"{ROWS} a.rk-labelled[data-iri='{ID}forum/04']").first
    expect(forum).to_have_text(expected)
    assert forum.get_attribute("title") == f"{ID}forum/04"
    assert urllib.parse.urlsplit(forum.evaluate("a => a.href")).path == "/page/forum/04"
    foreign = [t for t in types if not t.startswith("https://w3id.org/ruhr-konferenz/")]
    assert foreign
    cells = page.locator(f"{ROWS} td:nth-child(2)").all_inner_texts()  # simple view: no row numbers
    assert "Themenforum" in cells  # rk:ThematicForum by its label
    assert not page.locator(f"{ROWS} a.rk-labelled[data-iri='{foreign[0]}']").count()
    page.screenshot(path=str(shots / "workbench-labels.png"), full_page=True)

    page.locator("#editor label.switch", has_text="Bezeichnungen").click()  # the IRIs instead
    expect(page.locator(f"{ROWS} a.rk-labelled")).to_have_count(0)
    expect(page.locator(ROWS).first).to_contain_text("forum/04")
    assert traffic.foreign() == []
    assert traffic.failures == []


def test_a_counting_catalogue_query_opens_with_its_chart(page: Page, base_url, shots, traffic):
    entry = QUERIES["events-per-city"]
    open_editor(page, f"{base_url}/sparql?catalogue={entry.name}")
    run(page)
    canvas = page.locator("#editor .rk-chart canvas")
    expect(canvas).to_be_visible()
    drawn = canvas.evaluate("c => { const chart = Chart.getChart(c); return [chart.config.type, chart.data.labels, chart.data.datasets[0].data]; }")
    kind, labels, numbers = drawn
    assert kind == entry.chart.kind
    assert len(labels) == len(numbers) == entry.expected_rows
    expected = {row["cityLabel"]: int(row["events"]) for row in entry.expected_row_values}
    for city, events in expected.items():
        assert numbers[labels.index(city)] == events
    assert entry.chart.value in canvas.get_attribute("aria-label")
    page.locator("#editor select.rk-chart-kind").select_option("pie")
    page.wait_for_function("() => Chart.getChart(document.querySelector('#editor .rk-chart canvas')).config.type === 'pie'")
    page.screenshot(path=str(shots / "workbench-chart.png"), full_page=True)
    page.locator("#editor .select_table").click()
    expect(page.locator(ROWS)).to_have_count(entry.expected_rows)
    assert traffic.foreign() == []


def test_the_chart_is_offered_for_any_label_and_number_result(page: Page, base_url, traffic):
    open_editor(page, base_url + "/sparql")
    write(page, f"SELECT ?n (COUNT(?f) AS ?forums) WHERE {{ ?f <{RK}forumNumber> ?n }} GROUP BY ?n")
    run(page)
    expect(page.locator(ROWS)).to_have_count(20)
    page.locator("#editor .select_chart").click()
    canvas = page.locator("#editor .rk-chart canvas")
    expect(canvas).to_be_visible()
    assert canvas.evaluate("c => Chart.getChart(c).data.datasets[0].data.length") == 20
    assert traffic.foreign() == []


def test_the_code_panel_gives_code_that_runs(page: Page, base_url, shots, traffic, tmp_path):
    entry = QUERIES["ministry-in-other-forums"]
    open_editor(page, f"{base_url}/sparql?catalogue={entry.name}")
    page.locator("#code-panel summary").click()
    language = page.locator("#code-panel select.rk-code-language")
    names = language.locator("option").all_inner_texts()
    assert names == ["curl", "Python (SPARQLWrapper)", "Python (requests + pandas)", "R", "JavaScript (fetch)"]
    codes = {}
    for name in names:
        language.select_option(label=name)
        codes[name] = page.locator("#code-panel code").inner_text()
        assert base_url + "/sparql" in codes[name], name
    page.screenshot(path=str(shots / "workbench-code.png"), full_page=True)
    curl = subprocess.run(["bash", "-c", codes["curl"]], capture_output=True, text=True, timeout=60)
    assert curl.returncode == 0, curl.stderr
    assert len(curl.stdout.strip().splitlines()) == entry.expected_rows + 1  # CSV header + rows
    script = tmp_path / "query.py"
    script.write_text(codes["Python (SPARQLWrapper)"], encoding="utf-8")
    python = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    assert python.returncode == 0, python.stderr
    assert len(python.stdout.strip().splitlines()) == entry.expected_rows

    write(page, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 3")  # the panel follows the editor
    language.select_option(label="curl")
    expect(page.locator("#code-panel code")).to_contain_text("LIMIT 3")
    assert traffic.foreign() == []


def test_the_code_panel_of_an_api_query_calls_the_api(page: Page, base_url, traffic):
    entry = QUERIES["forum-events"]
    open_editor(page, f"{base_url}/sparql?catalogue={entry.name}")
    expect(page.locator("#api-code")).to_be_visible()
    page.locator("#api-code-panel summary").click()
    page.locator("#api-code-panel select.rk-code-language").select_option(label="curl")
    code = page.locator("#api-code-panel code").inner_text()
    assert f"{base_url}/api/{entry.name}?forum=4" in code
    curl = subprocess.run(["bash", "-c", code], capture_output=True, text=True, timeout=60)
    assert len(json.loads(curl.stdout)["rows"]) == entry.expected_rows

    page.goto(base_url + "/api")  # the /api page has a panel per query
    panel = page.locator(f"li#{entry.name} .code-panel")
    panel.locator("summary").click()
    expect(panel.locator("code")).to_contain_text(f"/api/{entry.name}?forum=4")
    assert traffic.foreign() == []


def test_tab_leaves_the_editor_and_shift_tab_comes_back(page: Page, base_url, traffic):
    open_editor(page, base_url + "/sparql")
    hint = page.locator("#editor-keys")
    expect(hint).to_contain_text("Strg")
    expect(hint).to_contain_text("Tab")
    editor = page.locator("#editor .tabPanel.active .CodeMirror-code")
    assert editor.get_attribute("aria-label") == "SPARQL-Abfrage"
    assert editor.get_attribute("aria-describedby") == "editor-keys"
    assert editor.get_attribute("role") == "textbox"
    write(page, "SELECT * WHERE { ?s ?p ?o } LIMIT 2")
    before = value(page)
    inside = "() => !!document.activeElement.closest('#editor .CodeMirror-code')"
    assert page.evaluate(inside)
    page.keyboard.press("Tab")
    assert not page.evaluate(inside)
    assert value(page) == before  # no tab character went in
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(inside)
    page.keyboard.press("Shift+Tab")
    assert not page.evaluate(inside)
    assert value(page) == before

    page.evaluate(f"{CM}.focus()")
    with page.expect_response(lambda r: r.url.endswith("/sparql") and r.request.method == "POST"):
        page.keyboard.press("Control+Enter")
    status = page.locator("#editor-status")
    expect(status).to_contain_text("2 Ergebnisse")
    assert status.get_attribute("aria-live") == "polite" and status.get_attribute("role") == "status"
    assert traffic.foreign() == []


def test_the_selector_loads_only_with_its_button(page: Page, base_url, traffic):
    open_editor(page, base_url + "/sparql")
    before = value(page)
    selector = page.locator("#catalogue")
    selector.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    chosen = selector.evaluate("s => s.value")
    page.wait_for_timeout(300)  # a load would have replaced the text by now
    assert value(page) == before
    page.get_by_role("button", name="Laden", exact=True).click()
    page.wait_for_function(f"text => {CM}.getValue() === text", arg=QUERIES[chosen].example_text)
    expect(page.locator("#editor-status")).to_contain_text("Geladen")
    assert traffic.foreign() == []


def test_yasgui_speaks_german_on_german_pages_and_english_on_english_ones(page: Page, base_url, traffic):
    open_editor(page, base_url + "/sparql")
    write(page, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 60")
    run(page)
    expect(page.locator("#editor .tableFilter")).to_have_attribute("placeholder", "Ergebnisse filtern")
    bar = page.locator("#editor .yasr").inner_text()
    for german in ("Tabelle", "Einfache Ansicht", "Zeilen je Seite", "60 Ergebnisse", "Nächste"):
        assert german in bar, german
    for english in ("Simple view", "Page size", "results in", "Next", "Showing"):
        assert english not in bar, english
    assert page.locator("#editor .tabsList [role=tab] > span").first.inner_text().strip() == "Abfrage"

    page.goto(base_url + "/sparql?lang=en")
    expect(page.locator("#editor .CodeMirror")).to_be_visible()
    write(page, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 3")
    run(page)
    expect(page.locator("#editor .tableFilter")).to_have_attribute("placeholder", "Filter query results")
    assert "Simple view" in page.locator("#editor .yasr").inner_text()
    assert traffic.foreign() == []


@pytest.mark.parametrize("lang", ["de", "en"])
def test_axe_finds_no_wcag_21_aa_violation_before_and_after_a_query(page: Page, base_url, shots, lang, traffic):
    open_editor(page, f"{base_url}/sparql?lang={lang}&catalogue=events-per-city")
    found = violations(page)
    assert found == [], summary(found)
    run(page)
    expect(page.locator("#editor .rk-chart canvas")).to_be_visible()
    found = violations(page)
    assert found == [], summary(found)
    page.locator("#editor .select_table").click()
    expect(page.locator(ROWS)).to_have_count(QUERIES["events-per-city"].expected_rows)
    found = violations(page)
    assert found == [], summary(found)
    write(page, "SELECT * WHERE { ?s ?p ?o } LIMIT 120")  # several pages of rows
    run(page)
    expect(page.locator(ROWS)).to_have_count(50)
    found = violations(page)
    assert found == [], summary(found)
    page.screenshot(path=str(shots / f"workbench-axe-{lang}.png"), full_page=True)
    assert traffic.foreign() == []


def test_axe_is_not_blind(page: Page, base_url):
    open_editor(page, base_url + "/sparql")
    page.evaluate("document.querySelector('#editor-keys').style.color = '#cccccc'")
    assert any(v["id"] == "color-contrast" for v in violations(page))


def test_the_editor_works_at_390_pixels(browser, base_url, shots):
    context = browser.new_context(locale="de-DE", viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        open_editor(page, f"{base_url}/sparql?catalogue=who-moderates-what")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        run(page)
        expect(page.locator(ROWS)).to_have_count(QUERIES["who-moderates-what"].expected_rows)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390  # the table scrolls in its box
        run_button = page.locator("#editor .yasqe_queryButton").bounding_box()
        assert run_button["x"] + run_button["width"] <= 390
        found = violations(page)
        assert found == [], summary(found)
        page.screenshot(path=str(shots / "workbench-390.png"), full_page=True)
    finally:
        context.close()


def test_a_syntax_error_is_explained_in_german_and_a_failed_run_announced(page: Page, base_url, traffic):
    open_editor(page, base_url + "/sparql")
    write(page, "SELECT * WHERE { ?s ?p }")
    page.locator("#editor .parseErrorIcon").first.hover()
    expect(page.locator("#editor .yasqe_tooltip")).to_contain_text("Diese Zeile ist ungültig. Erwartet:")
    with page.expect_response(lambda r: r.url.endswith("/sparql") and r.request.method == "POST") as answer:
        page.locator("#editor .tabPanel.active .yasqe_queryButton").click()
    assert answer.value.status == 400
    expect(page.locator("#editor-status")).to_contain_text("Die Abfrage ist fehlgeschlagen")
    assert traffic.foreign() == []


@pytest.mark.parametrize("lang", ["de", "en"])
def test_axe_finds_no_violation_on_the_api_page(page: Page, base_url, lang, traffic):
    page.goto(f"{base_url}/api?lang={lang}")
    page.locator("li#forum-events .code-panel summary").click()
    expect(page.locator("li#forum-events .code-panel code")).to_contain_text("/api/forum-events?forum=4")
    found = violations(page)
    assert found == [], summary(found)
    assert traffic.foreign() == []
