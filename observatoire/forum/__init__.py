"""The forum mode: public-safe slides for a projector (issue 8), built without Streamlit."""
