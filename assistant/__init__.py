"""Kenesshi (кеңесші): an assistant for the consultants of the civil cassation instance of Kazakhstan."""

__version__ = "0.1.0"
