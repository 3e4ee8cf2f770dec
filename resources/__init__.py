"""Icons, stylesheet and translations, addressed through importlib.resources."""
