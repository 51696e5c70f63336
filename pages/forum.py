"""Mode forum: the network's public figures on a projector, full screen, auto-advancing."""

from observatoire.ui import page_data
from observatoire.ui import slides as deck
from observatoire.ui.filters import connection_or_stop
from observatoire.ui.frame import page
from observatoire.ui.url import url_interval

ctx = page("forum", chrome=False)

with ctx.guard():
    seconds = url_interval()
    connection_or_stop(ctx)
    deck.show(page_data.forum_slides(ctx), seconds)
