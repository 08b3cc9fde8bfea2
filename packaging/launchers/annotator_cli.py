"""The bundle's ``annotator`` executable: the command line, every command."""

import multiprocessing

from annotator.cli import main

if __name__ == "__main__":
    # Workers started as this executable again (``annotator gui``'s suggester spawns them)
    # run their task and exit.
    multiprocessing.freeze_support()
    main()
