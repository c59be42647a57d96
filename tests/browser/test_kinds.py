"""Every kind of thing of the registry (rk.web.pages.kinds), walked in Chromium.

From the home page: click the kind's list link, check the list holds as many entries as
the home page counts (the plain list's items, the rows of the project table, the items of
the three source groups), open the first entry and check its purpose-built section is shown.
Adding a kind to the registry adds it to this walk.
"""

import re

import pytest
from flask import Flask
from flask_babel import gettext
from playwright.sync_api import Page, expect

from rk.web.pages import i18n, wording
from rk.web.pages.kinds import KINDS

# the heading each section's template opens with (its first h2, English msgid), by section name
SECTION_HEADINGS = {"forum": "Moderation team", "person": "Forums, roles and affiliations",
                    "department": "Leads", "place": "Events", "project": "Profile",
                    "source": "Kind of source"}


def german(wording_of) -> str:
    """`wording_of()` rendered by Flask-Babel from the German catalogue, as the default pages show it."""
    app = Flask(__name__)
    i18n.init_app(app)
    with app.test_request_context("/?lang=de"):
        return str(wording_of())


def test_every_section_has_a_heading_here():
    sections = {kind.section.name for kind in KINDS if kind.section}
    assert sections == set(SECTION_HEADINGS)


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.list_name)
def test_kind_list_and_first_page(page: Page, base_url, traffic, kind):
    title = german(lambda: wording.LIST_TITLES[kind.list_name])
    page.goto(base_url + "/")
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=title, exact=True))
    count = int(row.get_by_role("cell").inner_text())
    assert count > 0, f"the home page counts no {kind.list_name}"

    row.get_by_role("link", name=title, exact=True).click()
    expect(page).to_have_url(base_url + f"/list/{kind.list_name}")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    entries = page.locator("ol.list > li, table.list > tbody > tr")
    expect(entries).to_have_count(count)

    entries.first.get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(re.escape(base_url) + r"/page/[a-z0-9/_-]+$"))
    if kind.section:
        heading = german(lambda: gettext(SECTION_HEADINGS[kind.section.name]))
        expect(page.get_by_role("heading", level=2, name=heading, exact=True).first).to_be_visible()
    assert not traffic.failures, traffic.failures
