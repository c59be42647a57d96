"""The projects as the list, /dataset and the views show them: one row per project with
its ID, forum, action field, department and latest status; the list's filters; and how
much of the programme the graph covers, next to the counts of the progress reports.

The record is partial: the progress reports count 73 projects, the graph describes those
whose pages were read. Every number here is counted from the graph, the denominator is the
latest progress report's total (an rk:Figure), never a constant.
"""

from collections import Counter
from dataclasses import dataclass, field

from werkzeug.exceptions import BadRequest

from rk.namespaces import ID
from rk.store import Store
from rk.web.pages import page_queries
from rk.web.pages.terms import rows

PROPOSED = str(ID) + "project-status/vorgeschlagen"
# the status concepts in the order the list and the views show them
STATUSES = tuple(str(ID) + f"project-status/{name}" for name in (
    "abgeschlossen", "in-umsetzung", "in-pruefung", "nicht-weiter-verfolgt", "vorgeschlagen"))
FILTERS = ("forum", "field", "department", "status")  # GET parameters of the project list


@dataclass
class Project:
    """One project with what the list shows of it."""

    iri: str
    project_id: str | None = None
    forum: str | None = None
    forum_number: int | None = None
    action_field: str | None = None
    department: str | None = None
    department_abbreviation: str | None = None
    reports: dict[str, str] = field(default_factory=dict)  # status report date (ISO text) → status

    @property
    def latest(self) -> tuple[str, str] | None:
        """(date, status) of the status report with the latest date, or None."""
        return max(self.reports.items()) if self.reports else None

    @property
    def status(self) -> str | None:
        return self.latest[1] if self.latest else None

    @property
    def stage(self) -> str:
        """"adopted" (a status after the proposal), "proposal" (only "vorgeschlagen") or "unknown"."""
        if not self.reports:
            return "unknown"
        return "proposal" if set(self.reports.values()) == {PROPOSED} else "adopted"

    def value(self, name: str) -> str | None:
        """The project's value for the list filter `name` (an IRI)."""
        return {"forum": self.forum, "field": self.action_field, "department": self.department,
                "status": self.status}[name]


def projects(store: Store) -> list[Project]:
    """Every rk:Project of the graph, ordered by forum, ID and IRI."""
    found: dict[str, Project] = {}
    for row in rows(store.query(page_queries.PROJECTS)):
        project = found.setdefault(row["project"].value, Project(row["project"].value))
        if "projectId" in row:
            project.project_id = row["projectId"].value
        if "forum" in row:
            project.forum, project.forum_number = row["forum"].value, int(row["forumNumber"].value)
        if "field" in row:
            project.action_field = row["field"].value
        if "department" in row:
            project.department = row["department"].value
            project.department_abbreviation = row["abbreviation"].value if "abbreviation" in row else None
        if "status" in row:
            project.reports[row["date"].value] = row["status"].value
    return sorted(found.values(), key=lambda p: (p.forum_number or 99, p.project_id or "~", p.iri))


def key(iri: str) -> str:
    """The filter value naming an IRI: its last path segment (`forum/04` → `04`)."""
    return iri.rsplit("/", 1)[1]


def options(found: list[Project]) -> dict[str, list[str]]:
    """For each filter, the IRIs the projects have, forums by number, others by key."""
    return {name: sorted({p.value(name) for p in found if p.value(name)}, key=key) for name in FILTERS}


def chosen(args, offered: dict[str, list[str]]) -> dict[str, str]:
    """The filters the request sets ({name: IRI}); 400 for a value no project has."""
    picked = {}
    for name in FILTERS:
        value = args.get(name, "")
        if not value:
            continue
        matches = [iri for iri in offered[name] if key(iri) == value]
        if not matches:
            allowed = ", ".join(key(iri) for iri in offered[name])
            raise BadRequest(f"Unknown {name} '{value[:50]}': no project has it. Choose one of: {allowed}.")
        picked[name] = matches[0]
    return picked


def matching(found: list[Project], picked: dict[str, str]) -> list[Project]:
    """The projects that have every chosen value."""
    return [p for p in found if all(p.value(name) == iri for name, iri in picked.items())]


@dataclass
class Coverage:
    """How many projects the graph describes, against the progress reports' counts."""

    described: int
    stages: Counter  # stage → projects
    with_id: int
    by_forum: list[tuple[str | None, Counter]]  # forum IRI (None: no forum) → stages
    by_field: list[tuple[str | None, Counter]]
    report: list[dict]  # the latest progress report's figures: total first, then per status
    year: str | None  # the latest progress report's year
    reports: int  # how many progress reports the graph holds

    @property
    def total(self) -> int | None:
        """The latest progress report's count of all projects."""
        return next((figure["value"] for figure in self.report if figure["status"] is None), None)


def coverage(store: Store, found: list[Project]) -> Coverage:
    """The coverage of `found` (all projects) per forum and action field (every one of them,
    none left out for having no project), and the latest progress report's figures."""
    known = rows(store.query(page_queries.FORUMS_AND_FIELDS))
    forums = sorted((r for r in known if r["kind"].value == "forum"), key=lambda r: int(r["number"].value))
    fields = sorted((r["thing"].value for r in known if r["kind"].value == "field"), key=key)

    def grouped(attribute: str, order: list[str]) -> list[tuple[str | None, Counter]]:
        groups: dict[str | None, Counter] = {thing: Counter() for thing in order}
        for project in found:
            groups.setdefault(getattr(project, attribute), Counter())[project.stage] += 1
        return sorted(groups.items(), key=lambda item: (item[0] is None, order.index(item[0]) if item[0] in order else 0))

    figures = rows(store.query(page_queries.PROGRESS_FIGURES))
    years = sorted({row["date"].value[:4] for row in figures})
    latest = [row for row in figures if years and row["date"].value[:4] == years[-1]]
    report = [{"figure": row["figure"].value, "value": int(row["value"].value), "date": row["date"].value,
               "status": row["status"].value if "status" in row else None}
              for row in sorted(latest, key=lambda row: ("status" in row, row["status"].value if "status" in row else ""))]
    return Coverage(
        described=len(found),
        stages=Counter(p.stage for p in found),
        with_id=sum(1 for p in found if p.project_id),
        by_forum=grouped("forum", [r["thing"].value for r in forums]),
        by_field=grouped("action_field", fields),
        report=report,
        year=years[-1] if years else None,
        reports=len(years),
    )
