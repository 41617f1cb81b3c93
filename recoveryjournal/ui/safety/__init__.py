"""Keeping the journal safe while it is open: idle lock, quick exit, system lock signals."""
