"""Every operation a merchant's key may call has exactly one method, per the host's own document."""

import json
import urllib.request

import pytest

import payfunctions
from environment import API_BASE, API_KEY

HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}


@pytest.fixture(scope="module")
def api_key_operations():
    with urllib.request.urlopen(API_BASE.rstrip("/") + "/openapi.json", timeout=30) as answer:
        document = json.load(answer)
    found = {}
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method not in HTTP_METHODS:
                continue
            security = operation.get("security", document.get("security")) or []
            if any("apiKey" in requirement for requirement in security):
                found[operation["operationId"]] = (method.upper(), path)
    assert found, "the document lists no operation for API keys"
    return found


def test_every_operation_has_a_method(api_key_operations):
    missing = sorted(set(api_key_operations) - set(payfunctions.OPERATIONS))
    assert missing == [], "operations without an SDK method: %s" % missing


def test_the_table_names_no_operation_the_document_lacks(api_key_operations):
    stale = sorted(set(payfunctions.OPERATIONS) - set(api_key_operations))
    assert stale == [], "the table names operations the document no longer has: %s" % stale


def test_each_method_of_the_table_exists():
    client = payfunctions.Client(API_KEY, base_url=API_BASE)
    for operation, dotted in payfunctions.OPERATIONS.items():
        resource_name, method_name = dotted.split(".")
        resource = getattr(client, resource_name, None)
        assert resource is not None, "%s: no resource %r" % (operation, resource_name)
        method = getattr(type(resource), method_name, None)
        assert callable(method), "%s: no method %s" % (operation, dotted)


def test_each_method_is_named_once():
    methods = list(payfunctions.OPERATIONS.values())
    assert len(methods) == len(set(methods))
