"""Programme: dates, missions and orientations, phases, and progress against targets."""

from observatoire.ui import content
from observatoire.ui.frame import page

ctx = page("programme")

with ctx.guard():
    content.programme_page(ctx)
