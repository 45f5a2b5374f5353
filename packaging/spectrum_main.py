"""PyInstaller entry point: the ``spectrum`` command (desktop app, ``--smoke``, subcommands)."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
