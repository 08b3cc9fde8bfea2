"""The bundle's ``annotator-gui`` executable: the window, on the project given (if any)."""

import multiprocessing

from annotator.app import main

if __name__ == "__main__":
    # "Suggest for All Documents" spawns its workers as this executable again: they must
    # run their task and exit, not open a window.
    multiprocessing.freeze_support()
    main()
