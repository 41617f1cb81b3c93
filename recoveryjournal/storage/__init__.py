"""The encrypted journal on disk: layout, keys, connection, schema and repositories. No Qt here."""
