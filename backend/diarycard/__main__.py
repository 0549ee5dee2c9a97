"""`python -m diarycard ...` is the `diarycard` command (serve starts its worker this way)."""

import sys

from diarycard.cli import main

sys.exit(main())
