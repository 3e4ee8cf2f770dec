"""BoneMet Guide assessment engine: pure standard-library domain code."""
