"""Each status raises its own class; all share PayFunctionsError."""

import pytest

import payfunctions
from scripted_server import Reply, ScriptedServer, problem


@pytest.mark.parametrize(
    "status, expected",
    [
        (400, payfunctions.InvalidRequestError),
        (401, payfunctions.AuthenticationError),
        (403, payfunctions.PermissionDeniedError),
        (404, payfunctions.NotFoundError),
        (409, payfunctions.ConflictError),
        (422, payfunctions.APIError),
        (429, payfunctions.RateLimitError),
        (500, payfunctions.APIError),
        (502, payfunctions.APIError),
    ],
)
def test_the_class_follows_the_status(status, expected):
    with ScriptedServer([problem(status, "scripted")]) as server:
        client = payfunctions.Client("sk_test_unit", base_url=server.base_url, max_retries=0)
        with pytest.raises(expected) as raised:
            client.balance.retrieve()
    assert raised.value.status == status
    assert raised.value.code == "scripted"
    assert raised.value.request_id is None  # the scripted answer has no Request-Id
    assert isinstance(raised.value, payfunctions.PayFunctionsError)


def test_a_body_that_is_not_a_problem_still_raises_with_the_status():
    html = Reply(502, b"<html>bad gateway</html>", content_type="text/html")
    with ScriptedServer([html]) as server:
        client = payfunctions.Client("sk_test_unit", base_url=server.base_url, max_retries=0)
        with pytest.raises(payfunctions.APIError) as raised:
            client.balance.retrieve()
    assert raised.value.status == 502
    assert raised.value.code is None
    assert raised.value.problem == {}


def test_a_2xx_answer_that_is_not_json_raises_an_api_error():
    page = Reply(200, b"<html>captive portal</html>", {"Request-Id": "req_html"}, "text/html")
    with ScriptedServer([page]) as server:
        client = payfunctions.Client("sk_test_unit", base_url=server.base_url, max_retries=0)
        with pytest.raises(payfunctions.APIError) as raised:
            client.payments.retrieve("pay_1")
    assert raised.value.status == 200
    assert raised.value.request_id == "req_html"
