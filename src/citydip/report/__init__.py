"""Rendering: tables, Markdown, CSV, HTML and bibliographies from library results."""
