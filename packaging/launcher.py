"""The bundle's entry point: the desktop app, or the command-line tool when called as `recoveryjournal cli …`.

One executable serves both, so a support worker can run `recoveryjournal cli check JOURNAL` or
`recoveryjournal --self-test` from the installed bundle.
"""

import sys

if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "cli":
        from recoveryjournal.cli.main import main as cli_main

        sys.exit(cli_main(sys.argv[2:]))
    from recoveryjournal.ui.app import main

    sys.exit(main())
