"""The forum mode: public-safe slides for a projector, built without Streamlit."""
