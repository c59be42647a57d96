"""Validate the graph against the SHACL shapes with pySHACL and report readably."""

from dataclasses import dataclass

from pyshacl import validate as shacl_validate
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import SH


@dataclass(frozen=True)
class Violation:
    """One result of the validation report."""

    focus: str
    path: str
    message: str
    severity: str
    shape: str

    def line(self) -> str:
        return f"{self.severity}: {self.focus} — {self.path}: {self.message} [{self.shape}]"


@dataclass(frozen=True)
class ValidationOutcome:
    """Whether the data conforms, the violations, and the report graph."""

    conforms: bool
    violations: list[Violation]
    report: Graph

    def text(self) -> str:
        if self.conforms:
            return "The data conforms to the shapes."
        lines = [f"The data does not conform: {len(self.violations)} result(s)."]
        lines += [violation.line() for violation in self.violations]
        return "\n".join(lines)


def _short(graph: Graph, node) -> str:
    if node is None:
        return "—"
    if isinstance(node, URIRef):
        return graph.namespace_manager.normalizeUri(node)
    return str(node)


def _shape_name(shapes: Graph, shape) -> str:
    """The shape's name, or for an anonymous property shape the node shape holding it."""
    if isinstance(shape, BNode):
        parent = shapes.value(predicate=SH.property, object=shape) or shapes.value(predicate=SH.sparql, object=shape)
        if parent is not None:
            return _shape_name(shapes, parent)
    return _short(shapes, shape)


def validate(data: Graph, shapes: Graph) -> ValidationOutcome:
    """Validate `data` (asserted + inferred + ontology) against `shapes`."""
    conforms, report, _ = shacl_validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True
    )
    violations = []
    for result in report.subjects(SH.resultSeverity, None):
        violations.append(Violation(
            focus=_short(data, report.value(result, SH.focusNode)),
            path=_short(data, report.value(result, SH.resultPath)),
            message=str(report.value(result, SH.resultMessage) or ""),
            severity=_short(report, report.value(result, SH.resultSeverity)).split("#")[-1].replace("sh:", ""),
            shape=_shape_name(shapes, report.value(result, SH.sourceShape)),
        ))
    violations.sort(key=lambda v: (v.severity != "Violation", v.focus, v.path))
    return ValidationOutcome(bool(conforms), violations, report)
