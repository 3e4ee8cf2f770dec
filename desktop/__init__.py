"""BoneMet Guide desktop application (Qt views, controllers and the `bonemet` command)."""

from calculator.versions import APP_VERSION as __version__

__all__ = ["__version__"]
