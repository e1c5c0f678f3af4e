"""Pages of the advisory committee (members and coordination staff only)."""
