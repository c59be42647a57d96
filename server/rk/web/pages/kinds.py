"""The kinds of thing the pages know, in one registry.

Each kind names its class, its list page (titled by `wording.LIST_TITLES[name]`), how
the list is sorted and the purpose-built sections its entity pages show. Lists, the home page's counts, the entity
sections and the browser-walk tests all derive from `KINDS`: adding a kind means one
entry here (and a section template if it has a section). `SHARED` adds sections that
pages of several kinds show: the small map and the links to other datasets. A kind with a
`list_view` shows pages/list_{list_view}.html instead of the plain list (rk.web.pages.browse
gives its context).
"""

from dataclasses import dataclass

from rk.namespaces import FOAF, ORG, RK, SCHEMA
from rk.web.pages import page_queries
from rk.web.pages.terms import Term, rows


@dataclass(frozen=True)
class Section:
    """A block of an entity page: pages/section_{name}.html, given named query results."""

    name: str
    queries: dict[str, str]  # result name in the template → SELECT about ?this


@dataclass(frozen=True)
class EntityKind:
    """One kind of thing: its class, its list and what its pages show."""

    list_name: str  # /list/{list_name}
    cls: str
    sort: str | None = None  # "forumNumber", "start", "familyName" or None for the label
    section: Section | None = None
    without: tuple[str, ...] = ()  # classes whose members have lists of their own
    extra: tuple[Section, ...] = ()  # further sections, after `section`
    list_view: str | None = None  # "projects" (filters and coverage) or "sources" (three groups)

    @property
    def sections(self) -> tuple[Section, ...]:
        return ((self.section,) if self.section else ()) + self.extra


PLACE = Section("place", {"events": page_queries.PLACE_EVENTS})

KINDS = (
    EntityKind("forums", str(RK.ThematicForum), "forumNumber",
               Section("forum", {"team": page_queries.MODERATION_TEAM,
                                 "events": page_queries.FORUM_EVENTS}),
               extra=(Section("forum_projects", {"projects": page_queries.FORUM_PROJECTS}),)),
    EntityKind("events", str(SCHEMA.Event), "start"),
    EntityKind("persons", str(FOAF.Person), "familyName",
               Section("person", {"seats": page_queries.PERSON_SEATS,
                                  "posts": page_queries.PERSON_POSTS})),
    EntityKind("departments", str(RK.Department),
               section=Section("department", {"forums": page_queries.DEPARTMENT_FORUMS,
                                              "posts": page_queries.DEPARTMENT_POSTS}),
               extra=(Section("department_projects", {"projects": page_queries.DEPARTMENT_PROJECTS}),)),
    EntityKind("venues", str(RK.Venue), section=PLACE),
    EntityKind("cities", str(RK.City), section=PLACE),
    EntityKind("organisations", str(ORG.Organization),
               without=(str(RK.Department), str(RK.ThematicForum))),
    EntityKind("projects", str(RK.Project),
               section=Section("project", {"facts": page_queries.PROJECT_FACTS,
                                           "reports": page_queries.PROJECT_REPORTS}),
               list_view="projects"),
    EntityKind("sources", str(RK.SourceDocument),
               section=Section("source", {"kind": page_queries.SOURCE_KIND}), list_view="sources"),
    EntityKind("discrepancies", str(RK.SourceDiscrepancy)),
    EntityKind("inferences", str(RK.EditorialInference)),
)
BY_LIST = {kind.list_name: kind for kind in KINDS}
# sections beside a kind's own: (section, the classes whose pages show it; () for every page,
# where the section shows only what the thing has)
SHARED = (
    (Section("location", {"points": page_queries.LOCATION_POINTS}),
     (str(RK.Venue), str(RK.City), str(SCHEMA.Event))),
    (Section("links", {"links": page_queries.LINKS}), ()),
)


def sections_for(types) -> list[Section]:
    """The sections an entity of these classes shows, each once, in registry order."""
    found = {section.name: section for kind in KINDS if kind.cls in types for section in kind.sections}
    found.update((section.name, section) for section, classes in SHARED
                 if not classes or set(classes) & set(types))
    return list(found.values())


# the classes whose members show sections that other things do not
SECTION_CLASSES = sorted({kind.cls for kind in KINDS if sections_for([kind.cls]) != sections_for([])}
                         | {cls for _, classes in SHARED for cls in classes})
SECTION_MEMBERS = (
    "SELECT ?this ?cls WHERE { VALUES ?cls { "
    + " ".join(f"<{cls}>" for cls in SECTION_CLASSES)
    + " } ?this a ?cls }"
)


class SectionIndex:
    """The sections of every thing's page, from its classes that decide any (read once at
    app start), so an entity page knows its queries before it asks the store."""

    def __init__(self, store):
        classes: dict[str, set[str]] = {}
        for row in rows(store.query(SECTION_MEMBERS)):
            classes.setdefault(row["this"].value, set()).add(row["cls"].value)
        self._by_classes = {frozenset(): tuple(sections_for(()))}
        self._of: dict[str, tuple[Section, ...]] = {}
        for iri, found in classes.items():
            key = frozenset(found)
            if key not in self._by_classes:
                self._by_classes[key] = tuple(sections_for(key))
            self._of[iri] = self._by_classes[key]

    def of(self, iri: str) -> tuple[Section, ...]:
        """The sections the page of `iri` shows (those every page shows if no class decides)."""
        return self._of.get(iri, self._by_classes[frozenset()])


def _members_pattern(kind: EntityKind) -> str:
    excluded = "".join(f" FILTER NOT EXISTS {{ ?this a <{cls}> }}" for cls in kind.without)
    return f'{{ BIND("{kind.list_name}" AS ?kind) ?this a <{kind.cls}>{excluded} }}'


COUNTS = page_queries.PREFIXES + (
    "SELECT ?kind (COUNT(DISTINCT ?this) AS ?n) WHERE {\n  "
    + "\n  UNION ".join(_members_pattern(kind) for kind in KINDS)
    + "\n} GROUP BY ?kind"
)
MEMBERS = {
    kind.list_name: page_queries.PREFIXES + (
        "SELECT ?this ?forumNumber ?start ?familyName WHERE {\n  "
        + _members_pattern(kind)
        + "\n  OPTIONAL { ?this rk:forumNumber ?forumNumber } OPTIONAL { ?this schema:startDate ?start }"
        "\n  OPTIONAL { ?this schema:familyName ?familyName } }"
    )
    for kind in KINDS
}


def counts(store) -> dict[str, int]:
    """The number of things of each kind, by list name."""
    return {row["kind"].value: int(row["n"].value) for row in rows(store.query(COUNTS))}


def members(store, kind: EntityKind) -> list[dict[str, Term]]:
    """The things of `kind` with the values its list is sorted by."""
    return rows(store.query(MEMBERS[kind.list_name]))
