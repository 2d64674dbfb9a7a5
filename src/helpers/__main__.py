"""``python -m helpers``: the command line."""

from .cli import main

raise SystemExit(main())
