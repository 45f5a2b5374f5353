"""``python -m desktop`` runs the ``spectrum`` command."""

import sys

from desktop.cli import main

sys.exit(main())
