"""``python -m eska_network``: the command line."""

import sys

from eska_network.cli import main

sys.exit(main())
