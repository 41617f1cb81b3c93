"""Turning export documents into PDF pages and printouts (one rendering path for preview and file)."""
