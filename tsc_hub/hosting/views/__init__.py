"""Pages of host selection: calls, applications, reviews, reports and scenarios."""
