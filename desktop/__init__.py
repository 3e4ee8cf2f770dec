"""BoneMet Guide desktop application (Qt views, controllers and the `bonemet` command)."""

__version__ = "0.1.0"
