"""The acteurs page's body: the filtered actors with their exports, and the actors near a place."""

from __future__ import annotations

import streamlit as st

from observatoire.directory import search
from observatoire.texts import directory as texts
from observatoire.ui import plain
from observatoire.ui.exports import export_buttons
from observatoire.ui.url import url_number, url_radius, url_text

YES_NO = {"oui": True, "non": False}


def chosen_filters(
    text: str,
    commune: str,
    kind: str,
    circle: str,
    category: str,
    department: str | None,
    qpv: str,
    rural: str,
) -> search.Filters:
    """The search filters from the URL's values (an empty value filters nothing)."""
    return search.Filters(
        text=text,
        structure_type=kind or None,
        circle=int(circle) if circle else None,
        category=category or None,
        department=department or None,
        commune=commune,
        qpv=YES_NO.get(qpv),
        rural=YES_NO.get(rural),
    )


def results_section(ctx, con, filters: search.Filters) -> None:
    """One page of matching actors (the page number in the URL), their count and the exports."""
    first = search.search(con, filters, limit=search.PAGE_SIZE)
    pages = max(1, -(-first.total // search.PAGE_SIZE))
    number = 1
    if pages > 1:
        number = url_number(
            "page", label=texts.PAGE, high=pages, help=texts.PAGE_OF.format(pages=pages)
        )
    result = (
        first
        if number == 1
        else search.search(
            con, filters, limit=search.PAGE_SIZE, offset=(number - 1) * search.PAGE_SIZE
        )
    )
    if not result.total:
        st.info(texts.NONE)
        return
    st.markdown(search.count_sentence(result))
    st.dataframe(
        search.display_table(result.rows, ctx.viewer.role), hide_index=True, width="stretch"
    )
    if not ctx.viewer.sees_contacts:
        st.caption(texts.CONTACTS_HIDDEN)
    st.caption(search.export_note(result.total))
    export_buttons(
        lambda: search.export_table(search.search(con, filters, limit=None).rows, ctx.viewer.role),
        texts.EXPORT_FILE,
        texts.EXPORT_SHEET,
        key="export_annuaire",
    )


def near_section(ctx, con, filters: search.Filters) -> None:
    """The matching actors within a radius of a named place, nearest first, with an export."""
    st.subheader(texts.NEAR_TITLE)
    left, right = st.columns([2, 1])
    place_text = url_text(
        "pres_de", label=texts.NEAR_PLACE, help=texts.NEAR_PLACE_HELP, container=left
    )
    radius = url_radius(label=texts.NEAR_RADIUS, container=right)
    places = search.communes_named(con, place_text)
    if not place_text:
        st.caption(texts.NEAR_HINT)
        return
    if not places:
        st.warning(plain.fill(texts.NEAR_UNKNOWN, value=place_text))
        return
    place = places[0]
    if len(places) > 1:
        place = st.selectbox(texts.NEAR_CHOOSE, places, format_func=search.place_label)
    nearby = search.near(con, place, radius, filters)
    st.markdown(search.near_sentence(nearby, place, radius))
    if not len(nearby):
        return
    st.dataframe(
        search.display_table(nearby, ctx.viewer.role, distance=True),
        hide_index=True,
        width="stretch",
    )
    export_buttons(
        lambda: search.export_table(nearby, ctx.viewer.role, distance=True),
        f"{texts.EXPORT_FILE}-{place['code']}",
        texts.EXPORT_SHEET,
        key="export_proches",
    )
