"""axe-core in Playwright: the WCAG 2.1 A/AA violations of a page, for any browser test.

axe-core is vendored (vendor/package.json, `make vendor`) at
server/rk/web/static/vendor/axe-core/axe.min.js and injected into the page from that file,
so no request leaves the machine.
"""

from pathlib import Path

from playwright.sync_api import Page

AXE = Path(__file__).resolve().parents[2] / "server/rk/web/static/vendor/axe-core/axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def violations(page: Page, tags: list[str] = WCAG_21_AA, context: str | None = None) -> list[dict]:
    """The axe violations of the rules tagged `tags` on `page` (or within the selector `context`)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """([tags, context]) => axe.run(context ? document.querySelector(context) : document,
               { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] })
             .then(result => result.violations.map(v => ({
               id: v.id, impact: v.impact, help: v.help,
               nodes: v.nodes.map(n => ({ target: n.target.join(" "), summary: n.failureSummary })) })))""",
        [tags, context],
    )


def summary(found: list[dict]) -> str:
    """The violations one per line: rule, impact and the first elements concerned."""
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"] for n in v["nodes"][:5])
        for v in found
    )
