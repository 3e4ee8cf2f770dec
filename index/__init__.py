"""Guideline library loading, validation, rendering and search (pure Python, no Qt)."""
