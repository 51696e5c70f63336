"""The forum deck on screen: one slide at a time in large type, auto-advancing, arrow keys.

A fragment reruns every few seconds and moves to the next slide once the interval has passed;
the buttons (also bound to ← and →) move by hand and restart the count. Plain HTML and inline
SVG only: nothing to fetch, so a projector without internet shows everything.
"""

from __future__ import annotations

import base64
import html
import time

import pandas as pd
import streamlit as st

from observatoire import theme
from observatoire.forum.slides import Figure, Panel, Slide
from observatoire.privacy.suppression import STYLE_SUPPRESSED, STYLE_ZERO
from observatoire.texts import forum as texts

INDEX, SHOWN_AT, PAUSED = "forum_index", "forum_shown_at", "forum_paused"
# A tick may come a little early; after a manual move the next tick may come too soon to count.
EARLY = 0.75

# Every size follows --u, 1 % of the largest 16:9 box the window holds (10.8 px at 1920×1080,
# 7.2 px at 1280×720), so a slide and its controls fit a projector whatever its resolution.
CSS = f"""
<style>
:root {{ --u: min(1vh, 0.5625vw); }}
.stMainBlockContainer {{ padding-top: .6rem !important; padding-bottom: .3rem !important; }}
.forum-slide {{ color: {theme.FORUM_TEXT}; background: {theme.FORUM_BACKGROUND};
  height: calc(100vh - 5.6rem); overflow: hidden; display: flex; flex-direction: column;
  gap: calc(1.2 * var(--u)); font-size: calc(2.8 * var(--u)); line-height: 1.25; }}
.forum-slide h1 {{ font-size: calc(5.6 * var(--u)) !important; font-weight: 800;
  margin: 0 !important; padding: 0 !important; color: {theme.FORUM_TEXT}; line-height: 1.1; }}
.forum-sub {{ font-size: calc(2.8 * var(--u)); color: {theme.FORUM_MUTED}; margin: 0; }}
.forum-grid {{ display: grid; gap: calc(1.4 * var(--u));
  grid-template-columns: repeat(auto-fit, minmax(calc(36 * var(--u)), 1fr)); }}
.forum-card {{ border-left: calc(.9 * var(--u)) solid {theme.PRIMARY};
  background: {theme.FORUM_CARD}; padding: calc(1 * var(--u)) calc(1.4 * var(--u));
  border-radius: 6px; }}
.forum-card.first {{ border-left-color: {theme.FORUM_ACCENT}; }}
.forum-value {{ font-size: calc(8.5 * var(--u)); font-weight: 800; line-height: 1.05;
  color: {theme.FORUM_TEXT}; font-variant-numeric: tabular-nums; }}
.forum-card.suppressed {{ border-left-color: {theme.SUPPRESSED};
  background: repeating-linear-gradient(135deg, {theme.FORUM_CARD}, {theme.FORUM_CARD} 14px,
  {theme.SUPPRESSED_TINT} 14px, {theme.SUPPRESSED_TINT} 28px); }}
.forum-card.suppressed .forum-value {{ color: {theme.SUPPRESSED}; font-style: italic; }}
.forum-card.zero .forum-value {{ color: {theme.FORUM_MUTED}; }}
.forum-label {{ font-size: calc(2.8 * var(--u)); }}
.stButton button {{ min-height: 0; padding-top: .2rem; padding-bottom: .2rem; }}
.stButton button p {{ font-size: clamp(14px, calc(2 * var(--u)), 22px); }}
.forum-detail {{ font-size: calc(2.3 * var(--u)); color: {theme.FORUM_MUTED}; font-weight: 600; }}
.forum-panels {{ display: grid; grid-template-columns: 1fr 1fr minmax(0, 1.15fr);
  gap: calc(1.8 * var(--u)); align-items: start; }}
.forum-panel h2 {{ font-size: calc(2.8 * var(--u)) !important; margin: 0 0 .3rem !important;
  padding: 0 !important; color: {theme.FORUM_TEXT}; }}
.forum-map {{ width: 100%; height: auto; object-fit: contain;
  max-height: calc(100vh - 5.6rem - 30 * var(--u)); }}
.forum-legend {{ font-size: calc(1.9 * var(--u)); color: {theme.FORUM_MUTED}; display: flex;
  gap: 0 calc(1.2 * var(--u)); flex-wrap: wrap; }}
.forum-dot {{ display: inline-block; width: .8em; height: .8em; border-radius: 50%;
  vertical-align: middle; margin-right: .3em; }}
.forum-ring {{ display: inline-block; width: .55em; height: .55em; border-radius: 50%;
  border: 3px solid; vertical-align: middle; margin-right: .3em; }}
.forum-table {{ border-collapse: collapse; font-size: calc(2.2 * var(--u)); width: 100%; }}
.forum-table caption {{ text-align: left; font-size: calc(2.6 * var(--u)); font-weight: 700;
  padding-bottom: .3rem; color: {theme.FORUM_TEXT}; }}
.forum-table th.text {{ text-align: left; }}
.forum-table th[scope="row"] {{ text-align: left; font-weight: 600; white-space: nowrap; }}
.forum-table th, .forum-table td {{ padding: calc(.3 * var(--u)) calc(.7 * var(--u));
  border-bottom: 1px solid {theme.FORUM_RULE}; }}
.forum-table td.num, .forum-table th.num {{ text-align: right;
  font-variant-numeric: tabular-nums; }}
.forum-table tr:last-child td {{ font-weight: 700; }}
.forum-table td.suppressed {{ color: {theme.SUPPRESSED}; font-style: italic; }}
.forum-lines p {{ font-size: calc(3 * var(--u)); margin: calc(.5 * var(--u)) 0; max-width: 70em; }}
.forum-lines p.small {{ font-size: calc(2.2 * var(--u)); color: {theme.FORUM_MUTED}; }}
.forum-note {{ margin-top: auto; font-size: calc(2.3 * var(--u)); color: {theme.FORUM_MUTED}; }}
.forum-foot {{ font-size: clamp(13px, calc(1.8 * var(--u)), 20px); color: {theme.FORUM_MUTED}; }}
.forum-body {{ display: grid; grid-template-columns: 1fr; gap: calc(1.4 * var(--u)); }}
.forum-body.split {{ grid-template-columns: 2fr 1fr; align-items: start; }}
</style>
"""


def _figure(figure: Figure, first: bool) -> str:
    """One card: big value, label, optional detail; suppressed values look unlike zero."""
    classes = ["forum-card"]
    if first:
        classes.append("first")
    if figure.style == STYLE_SUPPRESSED:
        classes.append("suppressed")
    elif figure.style == STYLE_ZERO:
        classes.append("zero")
    detail = (
        f'<div class="forum-detail">{html.escape(figure.detail)}</div>' if figure.detail else ""
    )
    return (
        f'<div class="{" ".join(classes)}">'
        f'<div class="forum-value">{html.escape(figure.value)}</div>'
        f'<div class="forum-label">{html.escape(figure.label)}</div>{detail}</div>'
    )


def _legend(panel: Panel) -> str:
    """The colour key of a map panel (filled disc, then hollow ring)."""
    items = []
    for i, (colour, text) in enumerate(panel.legend):
        mark = (
            f'<span class="forum-dot" style="background:{colour}"></span>'
            if i == 0
            else f'<span class="forum-ring" style="border-color:{colour}"></span>'
        )
        items.append(f"<span>{mark}{html.escape(text)}</span>")
    return f'<div class="forum-legend">{"".join(items)}</div>'


def _table(table: pd.DataFrame, title: str) -> str:
    """A small HTML table in large type; the first column is text, the others counts."""
    head = "".join(
        f'<th scope="col" class="{"num" if i else "text"}">{html.escape(str(c))}</th>'
        for i, c in enumerate(table.columns)
    )
    rows = []
    for _, row in table.iterrows():
        cells = [f'<th scope="row">{html.escape(str(row.iloc[0]))}</th>']
        for value in row.iloc[1:]:
            text = str(value)
            hidden = " suppressed" if text.startswith("<") or text == "s" else ""
            cells.append(f'<td class="num{hidden}">{html.escape(text)}</td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (
        f'<table class="forum-table"><caption>{html.escape(title)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _data_url(svg: str) -> str:
    """An inline SVG as a data: URL (the HTML sanitizer drops <svg> elements, not images)."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def slide_html(slide: Slide, number: int, count: int) -> str:
    """The whole slide as HTML (no script)."""
    parts = [
        f"<h1>{html.escape(slide.title)}</h1>",
        f'<p class="forum-sub">{html.escape(slide.subtitle)}</p>',
    ]
    if slide.figures:
        cards = "".join(_figure(f, i == 0) for i, f in enumerate(slide.figures))
        grid = f'<div class="forum-grid">{cards}</div>'
        if slide.table is not None:
            table = _table(slide.table, slide.table_title)
            parts.append(f'<div class="forum-body split">{grid}<div>{table}</div></div>')
        else:
            parts.append(grid)
    if slide.panels:
        panels = "".join(
            f'<figure class="forum-panel" style="margin:0"><h2>{html.escape(p.title)}</h2>'
            f'<img src="{_data_url(p.svg)}" alt="{html.escape(p.alt)}" class="forum-map">'
            f"{_legend(p)}</figure>"
            for p in slide.panels
        )
        table = _table(slide.table, slide.table_title) if slide.table is not None else ""
        parts.append(f'<div class="forum-panels">{panels}<div>{table}</div></div>')
    if slide.lines:
        lines = "".join(
            f'<p class="{"small" if i >= 3 else ""}">{html.escape(line)}</p>'
            for i, line in enumerate(slide.lines)
        )
        parts.append(f'<div class="forum-lines">{lines}</div>')
    if slide.footnote:
        parts.append(f'<p class="forum-note">{html.escape(slide.footnote)}</p>')
    position = html.escape(texts.POSITION.format(number=number, count=count))
    return (
        f'<section class="forum-slide" aria-roledescription="diapositive" '
        f'aria-label="{position}">{"".join(parts)}</section>'
    )


def _go(step: int, count: int) -> None:
    """Button callback: move by ``step`` slides and restart the interval."""
    st.session_state[INDEX] = (st.session_state.get(INDEX, 0) + step) % count
    st.session_state[SHOWN_AT] = time.monotonic()


def _toggle() -> None:
    """Button callback: pause or resume the automatic advance."""
    st.session_state[PAUSED] = not st.session_state.get(PAUSED, False)
    st.session_state[SHOWN_AT] = time.monotonic()


def _advance(count: int, seconds: int) -> int:
    """The slide to show now: the next one once ``seconds`` have passed (unless paused)."""
    now = time.monotonic()
    index = st.session_state.setdefault(INDEX, 0) % count
    shown_at = st.session_state.setdefault(SHOWN_AT, now)
    if not st.session_state.get(PAUSED, False) and now - shown_at >= seconds * EARLY:
        index = (index + 1) % count
        st.session_state[INDEX], st.session_state[SHOWN_AT] = index, now
    return index


def _deck(deck: list[Slide], seconds: int) -> None:
    """The current slide and its navigation; a fragment rerun alone every ``seconds``."""
    count = len(deck)
    index = _advance(count, seconds)
    st.html(slide_html(deck[index], index + 1, count))
    paused = st.session_state.get(PAUSED, False)
    left, middle, right, info = st.columns([1, 1, 1, 5], vertical_alignment="center")
    left.button(
        f"← {texts.PREVIOUS}",
        key="forum_previous",
        on_click=_go,
        args=(-1, count),
        shortcut="Left",
        width="stretch",
    )
    middle.button(
        texts.PLAY if paused else texts.PAUSE,
        key="forum_pause",
        on_click=_toggle,
        shortcut="P",
        width="stretch",
    )
    right.button(
        f"{texts.NEXT} →",
        key="forum_next",
        on_click=_go,
        args=(1, count),
        shortcut="Right",
        type="primary",
        width="stretch",
    )
    helptext = texts.HELP_PAUSED if paused else texts.HELP.format(seconds=seconds)
    position = texts.POSITION.format(number=index + 1, count=count)
    info.html(f'<div class="forum-foot" aria-live="polite">{position} · {helptext}</div>')


def show(deck: list[Slide], seconds: int) -> None:
    """The deck, full screen, auto-advancing every ``seconds``."""
    st.html(CSS)
    st.fragment(_deck, run_every=seconds)(deck, seconds)
