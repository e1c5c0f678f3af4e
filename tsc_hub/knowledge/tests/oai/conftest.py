"""Requests to /oai through Django's test client, parsed, with the namespaces of the responses."""

from __future__ import annotations

from urllib.parse import urlencode
from xml.etree import ElementTree

import pytest

NS = {
    "oai": "http://www.openarchives.org/OAI/2.0/",
    "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def parse(response) -> ElementTree.Element:
    """The response as XML: HTTP 200, text/xml, well-formed, rooted in OAI-PMH of the 2.0 namespace."""
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    assert response.content.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    root = ElementTree.fromstring(response.content)
    assert root.tag == "{http://www.openarchives.org/OAI/2.0/}OAI-PMH"
    assert root.find("oai:responseDate", NS) is not None
    assert root.find("oai:request", NS) is not None
    return root


def error_code(root: ElementTree.Element) -> str | None:
    """The code of the response's error, if it is one."""
    error = root.find("oai:error", NS)
    return None if error is None else error.get("code")


@pytest.fixture
def oai(client):
    """oai(verb="Identify", ...) → the parsed response of a GET (method="post" for a POSTed form)."""

    def request(method: str = "get", **params: str) -> ElementTree.Element:
        if "from_" in params:
            params["from"] = params.pop("from_")
        if method == "post":  # harvesters POST url-encoded forms (section 3.1.1.2), not multipart
            form = urlencode(params)
            return parse(client.post("/oai", form, content_type="application/x-www-form-urlencoded"))
        return parse(client.get("/oai", params))

    return request
