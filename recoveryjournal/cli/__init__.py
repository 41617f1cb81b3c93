"""Scripted access to a journal, in the spirit of keepassxc-cli."""
