"""绩效自评助手 (selfeval-desktop): project performance self-evaluation for budget units."""
from pathlib import Path

__version__ = "0.1.0"

# The bundled data (profiles, catalogs, demo seeds, fonts, templates): package files on disk in an
# install, a wheelhouse install and a frozen build alike. A plain path rather than
# importlib.resources, whose import costs the window's start some 3 ms for nothing gained here.
RESOURCES = Path(__file__).resolve().parent / "resources"
