"""Recovery Journal: an offline, encrypted journal for people in mental-health recovery."""

__version__ = "0.1.0"
APP_NAME = "Recovery Journal"
