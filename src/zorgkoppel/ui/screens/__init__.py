"""The six screens of the main window, each built the first time it is opened."""
