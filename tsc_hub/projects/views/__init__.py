"""Pages of projects (pages.py) and the actions taken from them (actions.py)."""
