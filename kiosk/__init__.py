"""Museum kiosk: Cities of Labour Valour (Города трудовой доблести)."""

__version__ = "0.1.0"
