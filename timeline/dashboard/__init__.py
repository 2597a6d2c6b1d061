"""Streamlit glue shared by the pages: cached loaders and the widgets that bind filters to the URL.

This is the only part of `timeline` that imports Streamlit; filtering, figures, export and
storage live in their own modules and are tested without it.
"""
