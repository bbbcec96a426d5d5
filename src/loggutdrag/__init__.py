"""loggutdrag: log extracts from welfare technology for a Swedish municipality."""

__version__ = "0.1.0"
