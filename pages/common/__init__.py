"""Streamlit code shared by app.py and the pages: page setup, language switch, cached resources."""
