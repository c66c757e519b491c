"""Consentinel: keeps X accounts out of AI training, and keeps them out."""

__version__ = "0.1.0"
APP_ID = "org.consentinel.Consentinel"
APP_NAME = "Consentinel"
