"""The self-test's walk through the Novokuznetsk section: every screen, an item card with its «Источник» open,
screenshots named novokuznetsk-<screen>-<W>x<H>.png. Called from kiosk.ui.diagnostics.selftest for each window size."""

from __future__ import annotations

# (screen name for the screenshot, navigator page, its properties, the objectName expected on top)
PAGES: tuple[tuple[str, str, dict, str], ...] = (
    ("home", "home", {}, "nkHomeScreen"),
    ("timeline", "timeline", {}, "nkTimelineScreen"),
    ("figures", "figures", {}, "nkFiguresScreen"),
    ("people", "people", {}, "nkPeopleScreen"),
    ("awards", "awards", {}, "nkAwardsScreen"),
    ("sources", "sources", {}, "nkSourcesScreen"),
)
# An item card over its screen, with the source shown: (screen, page, item reference)
CARDS = (("person", "people", "person:chalkov"), ("event", "timeline", "event:first-armour-heat"))


def visit_section(driver, visit, section) -> str:
    """Visit every screen of the section; returns the summary for the self-test's row ('' without a section)."""
    if not section.property("available"):
        return ""
    chapters = [c.property("id") for c in section.property("chapters")]
    for name, page, props, expect in PAGES:
        driver.nav("novokuznetsk", page, props)
        visit(f"novokuznetsk-{name}", expect, wait_ms=1200 if page == "figures" else 0)  # the count-up ends
        driver.nav("back")
    for i, chapter in enumerate(chapters):
        driver.nav("novokuznetsk", "chapter", {"chapterId": chapter})
        visit(f"novokuznetsk-chapter-{chapter}", "nkChapterScreen", shot=i == 0)
        driver.nav("back")
    for name, page, ref in CARDS:
        driver.nav("novokuznetsk", page, {})
        driver.settle()
        card = driver.item("nkItemCard")
        driver.call(card, "open", ref, True)
        visit(f"novokuznetsk-{name}-card", None, wait_ms=300)
        driver.call(card, "close")
        driver.nav("back")
    return f"Novokuznetsk: {len(PAGES)} screens, {len(chapters)} chapters, {len(CARDS)} cards"
