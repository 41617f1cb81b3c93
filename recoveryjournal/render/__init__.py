"""Laying export documents out as pages with Qt's GUI module (no widgets), for the window and the CLI alike.

It sits between the services, which build documents as plain data, and the two front ends, so a
PDF made from the command line is the very same as one made in the window.
"""
