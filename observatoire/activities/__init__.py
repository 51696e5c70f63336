"""Data shaping for the activity pages: trainings, actions and experiments (no Streamlit)."""
