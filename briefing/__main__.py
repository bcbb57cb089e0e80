"""`python -m briefing`: the same command as the `briefing` script."""
import sys

from briefing.cli import main

sys.exit(main())
