"""The forum slides fit the projector: every slide, whole, with its controls, at three sizes."""

from __future__ import annotations

import re

import pytest

from observatoire.paths import ROOT

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "artifacts" / "screenshots"  # git-ignored
DEMOS = ("demo-occitanie", "demo-hauts-de-france")
SIZES = ((1280, 720), (1366, 768), (1920, 1080))
INTERNAL = ("millésime", "non confirmé", "COG", "None", "nan")

# The lowest point of the slide's content and the controls, and any sideways overflow.
MEASURE = """() => {
  const slide = document.querySelector('.forum-slide');
  let content = 0;
  for (const el of slide.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.height > 0) content = Math.max(content, r.bottom);
  }
  const buttons = [...document.querySelectorAll('.stButton button')];
  const controls = Math.max(...buttons.map((b) => b.getBoundingClientRect().bottom));
  const top = Math.min(...buttons.map((b) => b.getBoundingClientRect().top));
  return {content, controls, top, height: window.innerHeight,
          wide: document.documentElement.scrollWidth > window.innerWidth};
}"""


def slide_count(page) -> int:
    text = page.get_by_text(re.compile(r"Diapositive 1 sur \d+")).first.inner_text()
    return int(re.search(r"sur (\d+)", text).group(1))


@pytest.mark.parametrize("espace", DEMOS)
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_slide_fits_with_its_controls(chromium, server, espace, width, height):
    context = chromium.new_context(viewport={"width": width, "height": height}, locale="fr-FR")
    try:
        page = context.new_page()
        server.visited = True
        page.goto(f"{server.url}/forum?espace={espace}&intervalle=300")
        page.locator(".forum-slide h1").wait_for(timeout=90_000)
        count = slide_count(page)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        problems = []
        for number in range(1, count + 1):
            page.get_by_text(f"Diapositive {number} sur {count}").first.wait_for(timeout=30_000)
            page.wait_for_timeout(300)  # images (maps) laid out
            size = page.evaluate(MEASURE)
            name = f"forum-{espace}-{width}x{height}-{number}.png"
            page.screenshot(path=str(SCREENSHOTS / name))
            text = page.locator(".forum-slide").inner_text()
            if size["content"] > size["top"] or size["controls"] > size["height"] or size["wide"]:
                problems.append((number, size))
            problems += [(number, word) for word in INTERNAL if word in text]
            page.keyboard.press("ArrowRight")
        assert problems == []
    finally:
        context.close()
