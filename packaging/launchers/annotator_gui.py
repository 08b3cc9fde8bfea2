"""The bundle's ``annotator-gui`` executable: the window, on the project given (if any)."""

from annotator.app import main

main()
