"""A ranker of offers and profiles for requests that needs no database: CHM records in, ranked ids out.

Pure Python and numpy; it imports no Django model, so it can run in a worker or from the command line.
"""
