"""Réseau: meetings, experts and initiatives, partners by sector, groups and members."""

from observatoire.ui import content
from observatoire.ui.frame import page

ctx = page("reseau")

with ctx.guard():
    content.reseau_page(ctx)
