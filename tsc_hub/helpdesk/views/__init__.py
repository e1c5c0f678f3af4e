"""Pages of the help desk: request conversations, enquiries and the FAQ."""
