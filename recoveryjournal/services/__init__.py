"""Use cases built on storage: unlock and lock, entries, checks, demo data. No widgets here."""
