"""The forum mode in a real browser at 1920×1080: offline, public-only, advancing, screenshots."""

from __future__ import annotations

import base64
import re

import pytest

from observatoire.paths import ROOT

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "artifacts" / "screenshots"  # git-ignored
DEMOS = ("demo-occitanie", "demo-hauts-de-france")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[a-z]{2,}", re.I)
PHONE = re.compile(r"(?<![\d-])(?:\+33\s?|0)[1-9]([\s.-]?)\d{2}(?:\1\d{2}){3}(?![\d-])")
SMALL = {"1", "2", "3", "4"}
# Occitanie has a tour and resources to tell; Hauts-de-France has neither.
SLIDES = {"demo-occitanie": 9, "demo-hauts-de-france": 7}


def heading(page) -> str:
    return page.locator(".forum-slide h1").inner_text()


def open_forum(visit, query: str):
    page = visit.goto(f"/forum?{query}")
    page.locator(".forum-slide h1").wait_for(timeout=90_000)
    return page


def map_svgs(page) -> list[str]:
    """The SVG maps of the current slide, decoded from their data: URLs."""
    sources = page.locator("img.forum-map").evaluate_all("(imgs) => imgs.map((i) => i.src)")
    return [base64.b64decode(s.split(",", 1)[1]).decode() for s in sources]


def check_public(page) -> None:
    """No contact, no small count on the slide shown; its maps hold shapes only."""
    # Data URLs (the maps, checked decoded below) are long runs the e-mail pattern would crawl.
    html = re.sub(r"data:[^\"']*", "", page.content())
    text = page.locator("body").inner_text()
    assert not EMAIL.search(html) and not EMAIL.search(text)
    assert not PHONE.search(text)
    values = page.locator(".forum-value").all_inner_texts()
    cells = page.locator(".forum-table td").all_inner_texts()
    assert not SMALL & {v.strip() for v in values + cells}, values + cells
    for svg in map_svgs(page):
        assert "@" not in svg and "<text" not in svg


@pytest.mark.parametrize("espace", DEMOS)
def test_forum_slides_are_public_offline_and_navigable(projector, espace):
    page = open_forum(projector, f"espace={espace}&intervalle=300")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert page.locator('[data-testid="stSidebar"]').is_hidden()
    slides = SLIDES[espace]
    seen = []
    for number in range(1, slides + 1):
        page.get_by_text(f"Diapositive {number} sur {slides}").first.wait_for(timeout=30_000)
        page.locator(".forum-slide").first.wait_for()
        seen.append(heading(page))
        check_public(page)
        if number == 2:
            page.locator("img.forum-map").first.wait_for()
            assert len(map_svgs(page)) == 2
        page.screenshot(path=str(SCREENSHOTS / f"forum-{espace}-{number}.png"))
        page.keyboard.press("ArrowRight")
    assert len(set(seen)) == slides, seen
    page.get_by_text(f"Diapositive 1 sur {slides}").first.wait_for(timeout=30_000)  # wraps
    page.keyboard.press("ArrowLeft")
    page.get_by_text(f"Diapositive {slides} sur {slides}").first.wait_for(timeout=30_000)
    page.get_by_role("button", name=re.compile("Suivante")).click()
    page.get_by_text(f"Diapositive 1 sur {slides}").first.wait_for(timeout=30_000)
    assert projector.external_requests() == []


def test_forum_advances_by_itself(projector):
    page = open_forum(projector, "espace=demo-hauts-de-france&intervalle=5")
    first = heading(page)
    # The next slide comes after the 5 s interval; a generous bound, not a timing assertion.
    page.wait_for_function(
        "(t) => { const h = document.querySelector('.forum-slide h1'); return h && h.innerText !== t; }",
        arg=first,
        timeout=60_000,
    )
    assert heading(page) != first


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        # One notice for every bad value: the parameter, the value typed and the bounds.
        ("espace=demo-occitanie&intervalle=0", "Intervalle « 0 » invalide"),
        ("espace=demo-occitanie&intervalle=10000", "Intervalle « 10000 » invalide"),
        ("espace=demo-occitanie&intervalle=vite", "Intervalle « vite » invalide"),
        ("espace=inconnu", "Espace de travail « inconnu » inconnu"),
    ],
)
def test_bad_parameters_give_a_french_notice(projector, query, notice):
    page = open_forum(projector, query)
    page.get_by_text(notice).first.wait_for(timeout=30_000)
    assert page.locator('[data-testid="stException"]').count() == 0
