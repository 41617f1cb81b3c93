"""`python -m recoveryjournal` starts the desktop app."""

import sys

from recoveryjournal.ui.app import main

sys.exit(main())
