"""Programme content beyond sessions: data of the Programme, Réseau, Évaluation
and Ressources pages and of the actions page's tours (no Streamlit)."""
