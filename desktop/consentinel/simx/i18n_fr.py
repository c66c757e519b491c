"""French for what `python -m consentinel.simx` says (the README's demo runs it)."""

FRENCH: dict[str, str] = {
    "Serve the simulated X on 127.0.0.1.": "Sert le X simulé sur 127.0.0.1.",
    "FILE": "FICHIER",
    "a scenario file (TOML or JSON)": "un fichier de scénario (TOML ou JSON)",
    "port (default: any free one)": "port (par défaut : un port libre quelconque)",
}
