"""The transport against a scripted server: what is retried, how long it waits, which key."""

import uuid

import pytest

import payfunctions
from scripted_server import DROP, Reply, ScriptedServer, free_port, problem

PAYMENT = {
    "id": "pay_1", "object": "payment", "amount": 1234, "currency": "cny",
    "status": "requires_action", "method": "wechat_pay.native",
}


def create(client: payfunctions.Client, **options: object) -> payfunctions.models.Payment:
    return client.payments.create(
        amount=1234, currency="cny", method="wechat_pay.native",
        merchant_order_id="order-1", description="Flat white", **options,  # type: ignore[arg-type]
    )


def keys(server: ScriptedServer) -> list:
    return [r.headers.get("idempotency-key") for r in server.requests]


def test_429_waits_what_retry_after_asks_and_keeps_the_idempotency_key(server, client, sleeps):
    server.replies[:] = [problem(429, "rate_limited", Retry_After="3"), Reply(201, PAYMENT)]

    payment = create(client)

    assert payment.id == "pay_1"
    assert len(server.requests) == 2
    first, second = keys(server)
    assert first and first == second
    assert uuid.UUID(first).version == 4
    assert sleeps == [3.0]


def test_retry_after_as_an_http_date_is_measured_from_the_clock(server, client, sleeps):
    # The fixture's clock is 1_000_000 s after the epoch: 1970-01-12T13:46:40Z.
    server.replies[:] = [
        problem(429, "rate_limited", Retry_After="Mon, 12 Jan 1970 13:46:47 GMT"),
        Reply(201, PAYMENT),
    ]
    create(client)
    assert sleeps == [7.0]


def test_retry_after_is_capped_at_60_seconds(server, client, sleeps):
    server.replies[:] = [problem(429, "rate_limited", Retry_After="3600"), Reply(201, PAYMENT)]
    create(client)
    assert sleeps == [60.0]


def test_503_then_200_is_retried_after_backoff(server, client, sleeps):
    server.replies[:] = [problem(503, "service_unavailable"), Reply(201, PAYMENT)]

    assert create(client).id == "pay_1"
    assert len(server.requests) == 2
    assert keys(server)[0] == keys(server)[1]
    assert sleeps == [0.25]  # min(8, 0.5 * 2^0) scaled by the lowest jitter factor, 0.5


def test_409_idempotency_key_in_use_is_retried(server, client, sleeps):
    server.replies[:] = [problem(409, "idempotency_key_in_use"), Reply(201, PAYMENT)]

    assert create(client).id == "pay_1"
    assert len(server.requests) == 2
    assert keys(server)[0] == keys(server)[1]
    assert len(sleeps) == 1


def test_other_409_is_not_retried(server, client, sleeps):
    server.replies[:] = [problem(409, "payment_not_closable"), Reply(201, PAYMENT)]

    with pytest.raises(payfunctions.ConflictError) as raised:
        client.payments.close("pay_1")

    assert raised.value.code == "payment_not_closable"
    assert len(server.requests) == 1
    assert sleeps == []


def test_connection_dropped_after_the_request_then_success(server, client, sleeps):
    server.replies[:] = [DROP, Reply(201, PAYMENT)]

    assert create(client).id == "pay_1"
    assert len(server.requests) == 2
    assert keys(server)[0] == keys(server)[1]
    assert sleeps == [0.25]


def test_connection_refused_then_success():
    port = free_port()
    started = []

    def sleep(seconds: float) -> None:
        # The host comes up while the client waits to retry.
        started.append(ScriptedServer([Reply(201, PAYMENT)], port=port))

    client = payfunctions.Client(
        "sk_test_unit", base_url="http://127.0.0.1:%d/api" % port, sleep=sleep,
        jitter=lambda: 0.0,
    )
    try:
        assert create(client, idempotency_key="refused-then-up").id == "pay_1"
        assert len(started) == 1
        assert [r.headers["idempotency-key"] for r in started[0].requests] == ["refused-then-up"]
    finally:
        for server in started:
            server.close()


def test_400_is_not_retried_and_raises_the_invalid_request_error(server, client, sleeps):
    server.replies[:] = [
        problem(400, "parameter_invalid", "amount", Request_Id="req_123"),
        Reply(201, PAYMENT),
    ]

    with pytest.raises(payfunctions.InvalidRequestError) as raised:
        create(client)

    error = raised.value
    assert len(server.requests) == 1
    assert sleeps == []
    assert error.status == 400
    assert error.code == "parameter_invalid"
    assert error.param == "amount"
    assert error.request_id == "req_123"
    assert error.title == "Scripted parameter_invalid"
    assert error.detail == "Scripted detail of parameter_invalid"
    assert error.type == "https://payfunctions.dev/problems/parameter_invalid"
    assert error.problem["status"] == 400
    assert isinstance(error, payfunctions.PayFunctionsError)


def test_retries_exhausted_raise_the_last_error(server, client, sleeps):
    server.replies[:] = [problem(503, "unavailable", Request_Id="req_%d" % n) for n in range(3)]

    with pytest.raises(payfunctions.APIError) as raised:
        create(client)

    assert raised.value.status == 503
    assert raised.value.request_id == "req_2"
    assert len(server.requests) == 3  # the first attempt and the default 2 retries
    assert len(set(keys(server))) == 1
    assert sleeps == [0.25, 0.5]


def test_connection_failures_exhausted_raise_a_connection_error(sleeps):
    client = payfunctions.Client(
        "sk_test_unit", base_url="http://127.0.0.1:%d/api" % free_port(), sleep=sleeps,
        jitter=lambda: 0.0, max_retries=3,
    )
    with pytest.raises(payfunctions.APIConnectionError):
        client.payments.retrieve("pay_1")
    assert sleeps == [0.25, 0.5, 1.0]


def test_get_carries_no_idempotency_key_but_the_credentials(server, client):
    server.replies[:] = [Reply(200, PAYMENT)]

    client.payments.retrieve("pay_1")

    sent = server.requests[0]
    assert sent.method == "GET"
    assert sent.path == "/api/v1/payments/pay_1"
    assert "idempotency-key" not in sent.headers
    assert sent.headers["authorization"] == "Bearer sk_test_unit"
    assert sent.headers["user-agent"] == "payfunctions-python/0.1.0"


def test_the_callers_idempotency_key_is_sent_as_given(server, client):
    server.replies[:] = [problem(500, "internal"), Reply(201, PAYMENT)]

    create(client, idempotency_key="order-1-attempt")

    assert keys(server) == ["order-1-attempt", "order-1-attempt"]


def test_each_call_gets_its_own_key(server, client):
    server.replies[:] = [Reply(201, PAYMENT), Reply(201, PAYMENT)]
    create(client)
    create(client)
    assert keys(server)[0] != keys(server)[1]


def test_max_retries_zero_sends_once(server, sleeps):
    client = payfunctions.Client("sk_test_unit", base_url=server.base_url, sleep=sleeps,
                                 max_retries=0)
    server.replies[:] = [problem(503, "unavailable"), Reply(201, PAYMENT)]
    with pytest.raises(payfunctions.APIError):
        create(client)
    assert len(server.requests) == 1
    assert sleeps == []
