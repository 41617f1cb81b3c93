"""`python -m recoveryjournal.cli` runs the command-line tool."""

import sys

from recoveryjournal.cli.main import main

sys.exit(main())
