"""Offline evaluation of the matching engine on a labelled multilingual set.

The set lives in `data/`: one JSON file per topic, each holding CHM requests and items, graded relevance
labels and the hard negatives (coverage, deadline, lexical) a good ranking must keep out of its top 10.
`python -m tsc_hub.matching.evaluation` ranks the set with the engine and with a plain BM25 baseline and
prints nDCG@10, recall@10 and hard negatives in the top 10, overall, per language and for cross-language
pairs (`tsc-hub match evaluate` runs the same). No database is needed.
"""
