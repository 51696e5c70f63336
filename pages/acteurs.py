"""Annuaire des acteurs: search and filters in the URL, contacts by role, exports, near a place."""

import streamlit as st

from observatoire.directory import search
from observatoire.texts import directory as texts
from observatoire.ui import plain
from observatoire.ui.exports import export_buttons
from observatoire.ui.filters import connection_or_stop
from observatoire.ui.frame import page
from observatoire.ui.url import url_department, url_filter, url_number, url_radius, url_text

ctx = page("acteurs")

with ctx.guard():
    con = connection_or_stop(ctx)
    facets = search.facets(con)
    left, right = st.columns([2, 1])
    text = url_text("recherche", label=texts.SEARCH, help=texts.SEARCH_HELP, container=left)
    commune = url_text("commune", label=texts.COMMUNE, help=texts.COMMUNE_HELP, container=right)
    cols = st.columns(6)
    every = {"": texts.ALL}
    kind = url_filter("type", texts.TYPE, every | facets["type"], cols[0])
    circle = url_filter("cercle", texts.CIRCLE, texts.CIRCLES, cols[1])
    category = url_filter("categorie", texts.CATEGORY, every | facets["category"], cols[2])
    department = url_department(
        facets["department"], cols[3], label=texts.DEPARTMENT, everything=texts.ALL
    )
    qpv = url_filter("qpv", texts.QPV, texts.QPV_CHOICES, cols[4])
    rural = url_filter("rural", texts.RURAL, texts.RURAL_CHOICES, cols[5])
    filters = search.Filters(
        text=text,
        structure_type=kind or None,
        circle=int(circle) if circle else None,
        category=category or None,
        department=department or None,
        commune=commune,
        qpv={"oui": True, "non": False}.get(qpv),
        rural={"oui": True, "non": False}.get(rural),
    )
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
    else:
        st.markdown(search.count_sentence(result))
        st.dataframe(
            search.display_table(result.rows, ctx.viewer.role), hide_index=True, width="stretch"
        )
        if not ctx.viewer.sees_contacts:
            st.caption(texts.CONTACTS_HIDDEN)
        st.caption(search.export_note(result.total))
        export_buttons(
            lambda: search.export_table(
                search.search(con, filters, limit=None).rows, ctx.viewer.role
            ),
            texts.EXPORT_FILE,
            texts.EXPORT_SHEET,
            key="export_annuaire",
        )

    st.subheader(texts.NEAR_TITLE)
    left, right = st.columns([2, 1])
    place_text = url_text(
        "pres_de", label=texts.NEAR_PLACE, help=texts.NEAR_PLACE_HELP, container=left
    )
    radius = url_radius(label=texts.NEAR_RADIUS, container=right)
    places = search.communes_named(con, place_text)
    if not place_text:
        st.caption(texts.NEAR_HINT)
    elif not places:
        st.warning(plain.fill(texts.NEAR_UNKNOWN, value=place_text))
    else:
        place = places[0]
        if len(places) > 1:
            place = st.selectbox(texts.NEAR_CHOOSE, places, format_func=search.place_label)
        nearby = search.near(con, place, radius, filters)
        st.markdown(search.near_sentence(nearby, place, radius))
        if len(nearby):
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
