"""Programme content beyond sessions (DESIGN §13): data of the Programme, Réseau, Évaluation
and Ressources pages and of the actions page's tours (no Streamlit)."""
