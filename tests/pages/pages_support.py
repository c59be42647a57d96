"""Helpers for the linked-data page tests: raw GETs (support.web: no redirects followed), HTML parsing."""

import json
from dataclasses import dataclass
from html.parser import HTMLParser

from support.web import get  # noqa: F401 (the page tests' GET)


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


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Node:
    """One element of a parsed page: tag, attributes, children (elements and text)."""

    tag: str
    attrs: dict
    children: list

    def text(self) -> str:
        return " ".join("".join(c if isinstance(c, str) else c.text() for c in self.children).split())

    def all(self, tag: str | None = None, **attrs) -> list["Node"]:
        """Every descendant element with this tag whose attributes contain these values
        (`cls` matches one of the classes)."""
        found = []
        for child in self.children:
            if isinstance(child, str):
                continue
            classes = child.attrs.get("class", "").split()
            if (tag is None or child.tag == tag) and all(
                    (value in classes) if name == "cls" else child.attrs.get(name) == value
                    for name, value in attrs.items()):
                found.append(child)
            found.extend(child.all(tag, **attrs))
        return found

    def one(self, tag: str | None = None, **attrs) -> "Node":
        (found,) = self.all(tag, **attrs)
        return found

    def links(self) -> list[tuple[str, str]]:
        """(href, text) of every anchor below."""
        return [(a.attrs.get("href", ""), a.text()) for a in self.all("a")]


class _Tree(HTMLParser):
    def __init__(self):
        super().__init__()
        self.root = Node("#document", {}, [])
        self._stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {name: value or "" for name, value in attrs}, [])
        self._stack[-1].children.append(node)
        if tag not in VOID:
            self._stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self._stack[-1].children.append(Node(tag, {name: value or "" for name, value in attrs}, []))

    def handle_endtag(self, tag):
        for depth in range(len(self._stack) - 1, 0, -1):
            if self._stack[depth].tag == tag:
                del self._stack[depth:]
                break

    def handle_data(self, data):
        self._stack[-1].children.append(data)


def tree(text: str) -> Node:
    """The page as a tree of Nodes."""
    parser = _Tree()
    parser.feed(text)
    parser.close()
    return parser.root
