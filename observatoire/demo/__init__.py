"""Demonstration workspaces, built through the same import path as a coordinator's files."""
