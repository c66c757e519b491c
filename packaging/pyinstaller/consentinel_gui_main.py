"""The bundle's windowed launcher (no console on Windows, the .app's binary on macOS)."""

from consentinel.gui.launch import main

raise SystemExit(main())
