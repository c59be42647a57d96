"""Helpers for the linked-data page tests: raw GETs (no redirects followed), HTML parsing."""

import http.client
import json
from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def get(port: int, path: str, accept: str | None = None, **headers) -> Answer:
    """One GET on 127.0.0.1:`port`; redirects are returned, not followed."""
    if accept:
        headers["Accept"] = accept
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={k.replace("_", "-"): v for k, v in headers.items()})
        response = connection.getresponse()
        return Answer(response.status, response.headers, response.read())
    finally:
        connection.close()


class Page(HTMLParser):
    """What the tests look at in an HTML page: scripts, links, anchors, resources."""

    def __init__(self):
        super().__init__()
        self.scripts = []  # [attributes, text]
        self.links = []  # <link> attributes
        self.anchors = []  # href of <a>
        self.resources = []  # src / href of what a browser loads by itself
        self.text = []
        self._script = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script":
            self._script = attributes
            self.scripts.append([attributes, ""])
        elif tag == "link":
            self.links.append(attributes)
            if attributes.get("rel") in ("stylesheet", "icon", "preload"):
                self.resources.append(attributes.get("href", ""))
        elif tag == "a" and "href" in attributes:
            self.anchors.append(attributes["href"])
        if "src" in attributes:
            self.resources.append(attributes["src"])

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self.scripts[-1][1] += data
        else:
            self.text.append(data)

    def jsonld(self):
        (block,) = [text for attrs, text in self.scripts if attrs.get("type") == "application/ld+json"]
        return json.loads(block)


def parse_html(text: str) -> Page:
    page = Page()
    page.feed(text)
    page.close()
    return page
