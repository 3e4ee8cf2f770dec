"""Entry script of the frozen build: the same `bonemet` command as the installed package."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
