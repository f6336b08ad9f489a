"""Pages of the Streamlit app (multipage: every `N_name.py` here is a page; `common/` is shared code)."""
