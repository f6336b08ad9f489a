"""Entities in Russian and Kazakh text: identifiers, names (more to come with the petition card)."""
