"""The actor directory: search and filters, "near a place", role-aware columns and exports.

Pure Python and SQL (no Streamlit); the page ``acteurs`` is a thin layer over it.
"""
