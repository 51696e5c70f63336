"""Réseaux côte à côte: several workspace files' KPIs for one period, one table, one map."""

from observatoire.ui import networks as widgets
from observatoire.ui.filters import connection_or_stop
from observatoire.ui.frame import page
from observatoire.ui.url import url_period

ctx = page("reseaux")

with ctx.guard():
    con = connection_or_stop(ctx)
    period = url_period(con, shortcuts=True)
    chosen = widgets.url_networks()
    widgets.show(widgets.networks_view(chosen, period))
