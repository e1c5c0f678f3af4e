"""OAI-PMH 2.0 data provider for the published resources of the knowledge hub (see docs/adr/0015-oai-pmh.md).

`views.endpoint` is mounted at `/oai`; `verbs.respond` turns request arguments into a response document.
"""
