"""The SPARQL editor in headless Chromium: catalogue, runs, edits, permalink, downloads.

Every expected row count comes from the catalogue's header (rk.catalogue) or from the
same query sent to the endpoint over HTTP; every step leaves a screenshot in shots/.
"""

import csv
import json
import re
import urllib.parse
import urllib.request

import pytest
from playwright.sync_api import Page, expect

from rk.catalogue import catalogue
from rk.namespaces import PREFIXES

QUERIES = {entry.name: entry for entry in catalogue()}
MINISTRY = QUERIES["ministry-in-other-forums"]
PAGE_SIZE = 50  # rows YASR's table shows at once
VALUES = re.compile(r'VALUES \?abbreviation \{ "([^"]+)" \}')
ROWS = "#editor .yasr table.dataTable tbody tr"


def endpoint_rows(base_url: str, query: str) -> list[dict]:
    """The bindings the endpoint itself answers for `query`."""
    body = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(
        base_url + "/sparql", body, {"Accept": "application/sparql-results+json"}
    )
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.load(answer)["results"]["bindings"]


def editor_text(page: Page) -> str:
    return page.evaluate("document.querySelector('#editor .CodeMirror').CodeMirror.getValue()")


def run(page: Page, rows: int) -> None:
    """Run the editor's query and wait until the result table shows `rows` rows."""
    page.evaluate("() => document.querySelectorAll('#editor .yasr_results').forEach(e => e.replaceChildren())")
    with page.expect_response(lambda r: r.url.endswith("/sparql") and r.request.method == "POST") as answer:
        page.locator("#editor .yasqe_queryButton").click()
    assert answer.value.status == 200
    # rows of results (a row number and values); an empty answer's table has one row of one cell saying so
    expect(page.locator(ROWS).first).to_be_visible()
    expect(page.locator(ROWS + ":has(td + td)")).to_have_count(rows)


def run_chart(page: Page, points: int) -> None:
    """Run the editor's query and wait until its chart shows `points` values."""
    page.evaluate("() => document.querySelectorAll('#editor .yasr_results').forEach(e => e.replaceChildren())")
    with page.expect_response(lambda r: r.url.endswith("/sparql") and r.request.method == "POST") as answer:
        page.locator("#editor .yasqe_queryButton").click()
    assert answer.value.status == 200
    page.wait_for_function(
        "n => { const c = document.querySelector('#editor .rk-chart canvas');"
        " return c && Chart.getChart(c) && Chart.getChart(c).data.datasets[0].data.length === n; }", arg=points)


@pytest.fixture(scope="module")
def other_ministry(base_url) -> tuple[str, int]:
    """A department other than the example's whose answer has another, non-zero row count."""
    (example,) = VALUES.findall(MINISTRY.text)
    departments = endpoint_rows(base_url, """
        PREFIX rk: <https://w3id.org/ruhr-konferenz/ontology#>
        SELECT DISTINCT ?abbreviation WHERE { ?f rk:participatingDepartment/rk:abbreviation ?abbreviation }
        ORDER BY ?abbreviation""")
    for binding in departments[:40]:
        abbreviation = binding["abbreviation"]["value"]
        if abbreviation == example:
            continue
        count = len(endpoint_rows(base_url, MINISTRY.text.replace(f'"{example}"', f'"{abbreviation}"')))
        if 0 < count <= PAGE_SIZE and count != MINISTRY.expected_rows:
            return abbreviation, count
    pytest.fail(f"no department besides {example} gives another non-empty answer")


def test_from_home_page_to_the_answer_and_another_ministry(page: Page, base_url, shots, traffic, other_ministry):
    page.goto(base_url + "/")
    page.get_by_role("navigation").get_by_role("link", name="Beispielabfragen").click()
    expect(page).to_have_url(re.compile(r"/queries$"))
    item = page.locator(f"li#{MINISTRY.name}")
    expect(item.get_by_role("heading")).to_have_text(MINISTRY.title)
    item.get_by_role("link", name="im Editor öffnen").click()
    expect(page.locator("#editor .CodeMirror")).to_be_visible()
    assert editor_text(page) == MINISTRY.text
    run(page, MINISTRY.expected_rows)
    expected = MINISTRY.expected_row_values[0] if MINISTRY.expected_row_values else {}
    table = page.locator("#editor .yasr table.dataTable tbody").inner_text()
    assert "XMLSchema#" not in table  # simple view: plain values, no datatype IRIs
    for value in expected.values():
        assert value in table
    page.screenshot(path=str(shots / "editor-ministry-in-other-forums.png"), full_page=True)

    (example,) = VALUES.findall(MINISTRY.text)
    abbreviation, count = other_ministry
    page.evaluate(
        "([before, after]) => { const cm = document.querySelector('#editor .CodeMirror').CodeMirror;"
        " cm.setValue(cm.getValue().replace(before, after)); }",
        [f'"{example}"', f'"{abbreviation}"'],
    )
    run(page, count)
    page.screenshot(path=str(shots / f"editor-ministry-{abbreviation}.png"), full_page=True)
    assert traffic.foreign() == []
    assert traffic.failures == []


def test_selector_loads_and_runs_every_small_select(page: Page, base_url, shots, traffic):
    page.goto(base_url + "/sparql")
    expect(page.locator("#editor .CodeMirror")).to_be_visible()
    expect(page.locator("#query-form")).to_be_hidden()
    options = page.locator("#catalogue option")
    assert sorted(options.evaluate_all("os => os.map(o => o.value)")) == sorted(QUERIES)
    chosen = [e for e in QUERIES.values() if e.expected_rows is not None and e.expected_rows <= PAGE_SIZE]
    assert chosen
    for entry in chosen:
        page.locator("#catalogue").select_option(entry.name)
        page.get_by_role("button", name="Laden", exact=True).click()  # choosing alone loads nothing
        page.wait_for_function(
            "text => document.querySelector('#editor .CodeMirror').CodeMirror.getValue() === text",
            arg=entry.example_text,
        )
        expect(page.locator("#catalogue-description")).to_have_text(entry.description)
        if entry.chart:  # a counting query opens with its chart, one point per row
            run_chart(page, entry.expected_rows)
        else:
            run(page, entry.expected_rows)
    page.screenshot(path=str(shots / "editor-selector.png"), full_page=True)
    assert traffic.foreign() == []
    assert traffic.failures == []


def test_permalink_reproduces_and_runs_the_query(page: Page, base_url, shots, traffic):
    page.goto(f"{base_url}/sparql?catalogue={MINISTRY.name}")
    expect(page.locator("#editor .CodeMirror")).to_be_visible()
    edited = MINISTRY.text.replace("ORDER BY ?number ?position", "ORDER BY DESC(?number) ?position")
    page.evaluate("t => document.querySelector('#editor .CodeMirror').CodeMirror.setValue(t)", edited)
    page.get_by_role("button", name="Link kopieren").click()
    link = page.locator("#permalink").evaluate("a => a.href")
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(link).query) == {"query": [edited]}

    fresh = page.context.new_page()
    fresh.goto(link)
    expect(fresh.locator("#editor .CodeMirror")).to_be_visible()
    assert editor_text(fresh) == edited
    expect(fresh.locator(ROWS)).to_have_count(MINISTRY.expected_rows)  # opened links run at once
    fresh.screenshot(path=str(shots / "editor-permalink.png"), full_page=True)
    assert traffic.foreign() == []
    assert traffic.failures == []


def test_downloads_hold_the_rows(page: Page, base_url, tmp_path, traffic):
    page.goto(f"{base_url}/sparql?catalogue={MINISTRY.name}")
    expect(page.locator("#editor .CodeMirror")).to_be_visible()
    expected = endpoint_rows(base_url, MINISTRY.text)
    assert len(expected) == MINISTRY.expected_rows

    with page.expect_download() as csv_download:
        page.get_by_role("link", name="CSV", exact=True).click()
    assert csv_download.value.suggested_filename == f"{MINISTRY.name}.csv"
    path = tmp_path / "result.csv"
    csv_download.value.save_as(path)
    with path.open(encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert [row["moderator"] for row in table] == [b["moderator"]["value"] for b in expected]

    with page.expect_download() as json_download:
        page.get_by_role("link", name="JSON", exact=True).click()
    assert json_download.value.suggested_filename == f"{MINISTRY.name}.json"
    path = tmp_path / "result.json"
    json_download.value.save_as(path)
    assert json.loads(path.read_text(encoding="utf-8"))["results"]["bindings"] == expected
    assert traffic.foreign() == []
    assert traffic.failures == []


def test_a_new_tab_starts_with_the_vocabulary_prefixes(page: Page, base_url, traffic):
    page.goto(base_url + "/sparql?lang=en")
    expect(page.locator("#editor .CodeMirror")).to_be_visible()
    expect(page.locator("#catalogue option").first).to_have_text(next(iter(QUERIES.values())).title_en)
    page.locator("#editor button.addTab").click()
    expect(page.locator("#editor .CodeMirror:visible")).to_have_count(1)
    text = page.evaluate("document.querySelector('#editor .tabPanel.active .CodeMirror').CodeMirror.getValue()")
    for prefix, namespace in PREFIXES.items():
        assert f"PREFIX {prefix}: <{namespace}>" in text
    assert traffic.foreign() == []
    assert traffic.failures == []


def test_without_javascript_the_plain_form_runs_the_query(browser, base_url):
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    try:
        page = context.new_page()
        page.goto(f"{base_url}/sparql?catalogue={MINISTRY.name}")
        expect(page.locator("#query")).to_have_value(MINISTRY.text)
        page.locator("#format").select_option("csv")
        with page.expect_download() as download:
            page.locator("#query-form button[type=submit]").click()
        rows = list(csv.DictReader(open(download.value.path(), encoding="utf-8", newline="")))
        assert len(rows) == MINISTRY.expected_rows
    finally:
        context.close()
