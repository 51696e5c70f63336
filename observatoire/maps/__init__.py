"""Map building in pure Python (folium, no Streamlit): layers, classification, offline assets."""
