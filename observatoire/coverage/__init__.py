"""Coverage analytics: presence of actors and reach of activities, uncovered territories, score, planner.

Pure Python and SQL (no Streamlit). Distances are great-circle kilometres on a sphere of radius
6371.0088 km (the IUGG mean Earth radius), see ``observatoire.coverage.distances``.
"""

# Light constants here, so the CLI can build its parser without importing numpy or scipy.
DEFAULT_RADIUS_KM = 15.0
LEVELS = ("commune", "epci", "department", "qpv")
# Presence: an actor within R km; reach ("activite"): an activity of the period within R km.
BASES = ("activite", "presence")
DEFAULT_BASIS = "activite"
CANDIDATES = ("communes", "actors")
DEFAULT_RURAL_WEIGHT = 2.0
DEFAULT_QPV_WEIGHT = 2.0
