"""The Streamlit layer: page frame, menu, cached connections, widgets (the only streamlit user).

Kept free of imports so that pure modules such as ``observatoire.ui.theme`` load without
Streamlit.
"""
