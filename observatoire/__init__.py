"""Observatoire CSTI: coverage of a CSTI network's actors and actions over French territories."""

__version__ = "0.1.0"
