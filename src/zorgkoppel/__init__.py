"""zorgkoppel: cooperation between Flemish care facilities and social-economy enterprises."""

__version__ = "0.1.0"
