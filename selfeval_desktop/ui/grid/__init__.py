"""The Excel-like grid used by every table tab."""
from .view import Grid

__all__ = ["Grid"]
