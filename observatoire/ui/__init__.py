"""The Streamlit layer: page frame, menu, cached connections, widgets (the only streamlit user).

The colours it uses are ``observatoire.theme``, shared with the maps, the forum and the reports.
"""
