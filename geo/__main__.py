"""`python -m geo`: the `geo` command."""

import sys

from geo.cli import main

sys.exit(main())
