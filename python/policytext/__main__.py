"""``python -m policytext`` is the ``policytext`` command."""

import sys

from .cli import main

sys.exit(main())
