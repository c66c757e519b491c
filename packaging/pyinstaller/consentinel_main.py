"""The bundle's entry point: the command line, which opens the window when given no command."""

from consentinel.cli.main import main

raise SystemExit(main())
