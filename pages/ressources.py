"""Ressources et communication: resources by type over time."""

from observatoire.ui import content
from observatoire.ui.frame import page

ctx = page("ressources")

with ctx.guard():
    content.ressources_page(ctx)
