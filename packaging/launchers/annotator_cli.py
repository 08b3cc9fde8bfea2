"""The bundle's ``annotator`` executable: the command line, every command."""

from annotator.cli import main

main()
