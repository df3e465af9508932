"""``python -m eska_network``: the command line."""

import sys

from .cli import main

sys.exit(main())
