"""axe-core in a Playwright page: the vendored axe.min.js added with page.add_script_tag,
run with the WCAG 2.0/2.1 level A and AA rules (every impact)."""

from pathlib import Path

from playwright.sync_api import Page

AXE = Path(__file__).resolve().parents[2] / "server" / "rk" / "web" / "static" / "vendor" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def violations(page: Page) -> list[str]:
    """One line per violated rule on the page as it is now: rule, impact, the first nodes."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
        ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact,"
        " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary)})))",
        WCAG_AA,
    )
    return [f"{v['id']} ({v['impact']}): {' | '.join(v['nodes'])}" for v in found]
