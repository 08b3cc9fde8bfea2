"""``python -m annotator`` runs the command line."""

import multiprocessing

from annotator.cli import main

if __name__ == "__main__":
    # A no-op unless frozen: there, the suggester's spawned workers start as this program.
    multiprocessing.freeze_support()
    main()
