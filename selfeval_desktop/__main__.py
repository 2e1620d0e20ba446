"""``python -m selfeval_desktop [FILE | --demo | COMMAND …]``: the same as ``selfeval-desktop``."""
import sys

from .cli import main

sys.exit(main())
