"""`python -m consentinel` runs the command line."""

from consentinel.cli.main import main

raise SystemExit(main())
