"""One QAbstractTableModel per grid; see :mod:`.base` for what they share."""
from .base import ErrorRole, KindRole, RowKeyRole

__all__ = ["ErrorRole", "KindRole", "RowKeyRole"]
