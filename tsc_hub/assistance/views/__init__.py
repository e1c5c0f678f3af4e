"""Pages of requests for assistance."""
