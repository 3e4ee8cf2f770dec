"""Cited rule tables (JSON data) for the assessment engine."""
