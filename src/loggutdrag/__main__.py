"""`python -m loggutdrag ...`: the same command line as the `loggutdrag` script (contract 1)."""

from __future__ import annotations

from loggutdrag.cli import main

if __name__ == "__main__":
    main()
