"""Évaluation: responses, interviews, before/after progression per dimension."""

from observatoire.ui import content
from observatoire.ui.frame import page

ctx = page("evaluation")

with ctx.guard():
    content.evaluation_page(ctx)
