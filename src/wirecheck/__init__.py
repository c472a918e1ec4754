"""wirecheck: news reports in, a cross-checked event database out."""

__version__ = "0.1.0"
