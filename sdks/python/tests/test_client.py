"""The client's configuration and its defaults, as the contract sets them."""

import pytest

import payfunctions


def test_defaults_are_the_contracts():
    client = payfunctions.Client("sk_test_unit")
    assert client.base_url == "http://127.0.0.1:7071/api"
    assert client.max_retries == 2
    assert client.timeout == 80.0
    assert payfunctions.__version__ == "0.1.0"


def test_configuration_is_kept():
    client = payfunctions.Client("sk_test_unit", base_url="https://pay.example.com/api",
                                 max_retries=5, timeout=3.5)
    assert (client.base_url, client.max_retries, client.timeout) == (
        "https://pay.example.com/api", 5, 3.5)


@pytest.mark.parametrize("arguments", [
    {"api_key": ""},
    {"api_key": "sk_test_unit", "max_retries": -1},
    {"api_key": "sk_test_unit", "base_url": "127.0.0.1:7071/api"},
])
def test_bad_configuration_is_refused(arguments):
    with pytest.raises(ValueError):
        payfunctions.Client(**arguments)


def test_every_error_shares_one_base_class():
    for name in ["InvalidRequestError", "AuthenticationError", "PermissionDeniedError",
                 "NotFoundError", "ConflictError", "RateLimitError", "APIError",
                 "APIConnectionError", "SignatureVerificationError"]:
        assert issubclass(getattr(payfunctions, name), payfunctions.PayFunctionsError)
