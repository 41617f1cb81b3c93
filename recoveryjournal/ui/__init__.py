"""Qt widgets, models, dialogs and charts. The only layer that imports PySide6."""
