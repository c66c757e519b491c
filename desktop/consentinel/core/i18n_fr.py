"""French for the core's and the command line's messages (keys are the English ids)."""

from __future__ import annotations

FRENCH: dict[str, str] = {
}
