"""Accessibility basics: theme contrast at WCAG AA, axe-core on every page,
a text alternative for every chart, keyboard use.

axe-core (MPL-2.0) comes from the npm registry on first use (``npm pack``, or the tarball over
HTTPS when npm is absent, SHA-256 pinned) into the git-ignored ``tests/browser/vendor/``; when
neither works the axe checks are skipped with the reason.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tarfile
import tempfile
import urllib.request
from pathlib import Path

import pytest

from observatoire import theme
from observatoire.ui import registry

AXE_VERSION = "4.14.1"
AXE_TARBALL = f"https://registry.npmjs.org/axe-core/-/axe-core-{AXE_VERSION}.tgz"
AXE_SHA256 = "e6b0ce02b84d892e2e33e403485e7f3d6c29e2be6df65daf44d89ba564139745"
VENDOR = Path(__file__).parent / "vendor"
AXE = VENDOR / "axe.min.js"
WORKSPACE = "demo-hauts-de-france"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}
CHART_PAGES = ("accueil", "formations", "actions", "experimentations")


def _luminance(colour: str) -> float:
    """WCAG relative luminance of ``#rrggbb``."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two colours."""
    a, b = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def test_contrast_formula_on_known_pairs():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the classic near-miss


@pytest.mark.parametrize(
    ("foreground", "background"),
    [
        (theme.TEXT, "#ffffff"),
        (theme.MUTED, "#ffffff"),
        (theme.MUTED, "#f8f8f7"),  # captions in the sidebar
        (theme.PRIMARY, "#ffffff"),  # links, primary buttons' background with white text
        (theme.BANNER_TEXT, theme.BANNER_BACKGROUND),
        (theme.SUPPRESSED, "#ffffff"),
        (theme.SUPPRESSED, theme.SUPPRESSED_TINT),  # "< 5" on the hatched forum card
        (theme.SUPPRESSED, theme.FORUM_CARD),
        (theme.FORUM_TEXT, theme.FORUM_CARD),
        (theme.FORUM_MUTED, theme.FORUM_BACKGROUND),
        (theme.FORUM_MUTED, theme.FORUM_CARD),
    ],
)
def test_theme_text_colours_meet_wcag_aa(foreground, background):
    assert contrast(foreground, background) >= 4.5, (foreground, background)


def test_suppressed_is_not_the_colour_of_zero():
    assert theme.SUPPRESSED.lower() not in {theme.TEXT.lower(), theme.MUTED.lower()}
    assert theme.SUPPRESSED.lower() != theme.FORUM_MUTED.lower()


def _download(tmp: Path) -> Path | str:
    """The axe-core tarball (``npm pack``, else HTTPS: CI may lack npm), SHA-256 checked."""
    archive = tmp / f"axe-core-{AXE_VERSION}.tgz"
    npm = shutil.which("npm")
    if npm:
        subprocess.run(
            [npm, "pack", f"axe-core@{AXE_VERSION}", "--silent", "--pack-destination", str(tmp)],
            capture_output=True,
            timeout=180,
        )
    if not archive.exists():
        try:
            with urllib.request.urlopen(AXE_TARBALL, timeout=60) as response:
                archive.write_bytes(response.read())
        except OSError as exc:
            return f"axe-core {AXE_VERSION} introuvable (ni npm ni {AXE_TARBALL}) : {exc}"
    if hashlib.sha256(archive.read_bytes()).hexdigest() != AXE_SHA256:
        return f"axe-core {AXE_VERSION} : somme de contrôle inattendue, fichier ignoré"
    return archive


def _fetch_axe() -> str | None:
    """axe-core's script and licence into the vendor folder; the reason it failed, or None."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = _download(Path(tmp))
        if isinstance(archive, str):
            return archive
        VENDOR.mkdir(exist_ok=True)
        with tarfile.open(archive) as archive:
            for name in ("axe.min.js", "LICENSE"):
                member = archive.getmember(f"package/{name}")
                data = archive.extractfile(member).read()
                (VENDOR / name).write_bytes(data)
    return None


@pytest.fixture(scope="session")
def axe_source() -> str:
    """The axe-core script, fetched once."""
    if not AXE.exists():
        reason = _fetch_axe()
        if reason:
            pytest.skip(reason)
    return AXE.read_text(encoding="utf-8")


IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def settle(page) -> None:
    """Wait for the page's script run to finish (the running indicator gone)."""
    page.locator("h1").first.wait_for(timeout=90_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=90_000
    )
    # The URL-synced widgets can start a second run right after the first: wait for both.
    for _ in range(2):
        page.wait_for_selector(IDLE, timeout=90_000)
        page.wait_for_timeout(1500)  # let charts draw; no assertion depends on this delay


def audit(page, axe_source: str) -> list[str]:
    """axe-core's serious and critical WCAG A/AA violations on the current page."""
    page.add_script_tag(content=axe_source)
    violations = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            return r.violations.map((v) => ({id: v.id, impact: v.impact,
                targets: v.nodes.slice(0, 3).map((n) => n.target.join(" "))}));
        }""",
        WCAG,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['targets']}" for v in violations if v["impact"] in BLOCKING
    ]


@pytest.mark.browser
@pytest.mark.parametrize("stem", [p.stem for p in registry.pages()])
def test_axe_finds_no_serious_violation(visit, axe_source, stem):
    page = visit.goto(f"/{stem}?espace={WORKSPACE}")
    settle(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    found = audit(page, axe_source)
    if found:
        # On a loaded machine a table still laying out can be briefly scrollable with nothing
        # focusable in it (seen once in CI): only a finding that survives a settled page counts.
        settle(page)
        found = audit(page, axe_source)
    assert found == []


@pytest.mark.browser
@pytest.mark.parametrize("stem", CHART_PAGES)
def test_every_chart_has_its_data_table(visit, stem):
    page = visit.goto(f"/{stem}?espace={WORKSPACE}&periode=2024")
    settle(page)
    page.locator('[data-testid="stVegaLiteChart"]').first.wait_for(timeout=60_000)
    page.get_by_text("Voir les données").first.wait_for(timeout=60_000)
    charts = page.locator('[data-testid="stVegaLiteChart"]').count()
    tables = page.get_by_text("Voir les données").count()
    assert charts >= 1 and tables >= charts, (charts, tables)


@pytest.mark.browser
def test_keyboard_reaches_filters_and_data_tables(visit):
    page = visit.goto(f"/formations?espace={WORKSPACE}&periode=2023")
    settle(page)
    page.get_by_text("Voir les données").first.wait_for(timeout=60_000)
    page.locator("h1").first.click()  # focus starts in the page, as after a mouse click
    reached = []
    for _ in range(80):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate(
                """() => { const e = document.activeElement;
                    return [e.tagName, e.getAttribute("aria-label") || "", e.innerText || ""]
                        .join("|").slice(0, 120); }"""
            )
        )
        if reached[-1].startswith("SUMMARY") and "Voir les données" in reached[-1]:
            break
    assert any(r.startswith("INPUT") for r in reached), reached  # the period box
    assert reached[-1].startswith("SUMMARY"), reached
    tables_before = page.locator('[data-testid="stDataFrame"]:visible').count()
    page.keyboard.press("Enter")  # opens the focused « Voir les données »
    page.wait_for_function(
        "(n) => document.querySelectorAll('[data-testid=\"stDataFrame\"]').length > 0 && "
        "Array.from(document.querySelectorAll('[data-testid=\"stDataFrame\"]'))"
        ".filter((e) => e.offsetParent !== null).length > n",
        arg=tables_before,
        timeout=30_000,
    )
