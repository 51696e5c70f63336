"""Revue mensuelle: the committee's period against the compared one and targets, exports."""

from observatoire.ui import review as widgets
from observatoire.ui.filters import connection_or_stop
from observatoire.ui.frame import page

ctx = page("revue_mensuelle")

with ctx.guard():
    con = connection_or_stop(ctx)
    widgets.flash()
    period, compare, programme, department = widgets.filters(con)
    data = widgets.monthly_review(ctx, con, period, programme, department, compare)
    widgets.summary(data)
    widgets.cards(ctx.viewer, data)
    widgets.sessions(data)
    widgets.trends(data)
    widgets.departments(data)
    widgets.evaluation(data)
    widgets.note(ctx, data)
    widgets.freeze(ctx, con, data)
    widgets.exports(ctx, data)
