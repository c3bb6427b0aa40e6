"""Against the running host and sandbox: pay, retrieve, list, refund, verify the webhook, fail.

Other suites use the same demo merchant at the same time, so every object here is found by
its own id and no list is assumed to hold only this suite's objects.
"""

import json
import time
import urllib.request
import uuid
from typing import Any, Callable, Dict, List, Optional

import pytest

import payfunctions
from environment import API_BASE, API_KEY, SANDBOX_URL, WEBHOOK_SECRET
from payfunctions.models import Payment

RUN = uuid.uuid4().hex[:12]


def eventually(read: Callable[[], Any], done: Callable[[Any], bool], attempts: int = 60,
               pause: float = 0.5) -> Any:
    """Reads until ``done`` holds, a bounded number of times."""
    value = None
    for _ in range(attempts):
        value = read()
        if done(value):
            return value
        time.sleep(pause)
    raise AssertionError("still not done after %d reads: %r" % (attempts, value))


def sandbox(method: str, path: str) -> Any:
    data = b"" if method == "POST" else None
    request = urllib.request.Request(SANDBOX_URL + path, method=method, data=data)
    with urllib.request.urlopen(request, timeout=30) as answer:
        body = answer.read()
    return json.loads(body) if body else None


@pytest.fixture(scope="module")
def client() -> payfunctions.Client:
    return payfunctions.Client(API_KEY, base_url=API_BASE)


def create(client: payfunctions.Client, label: str, amount: int = 1234) -> Payment:
    return client.payments.create(
        amount=amount, currency="cny", method="wechat_pay.native",
        merchant_order_id="py-%s-%s" % (RUN, label), description="Python SDK test " + label,
    )


@pytest.fixture(scope="module")
def paid(client: payfunctions.Client) -> Payment:
    payment = create(client, "paid")
    assert payment.status == "requires_action"
    assert payment.amount == 1234 and payment.currency == "cny"
    assert payment.next_action.type == "display_qr_code"
    assert payment.next_action.display_qr_code.data.startswith("weixin://")

    sandbox("POST", "/sandbox/wechat_pay/orders/%s/pay" % payment.id)

    return eventually(lambda: client.payments.retrieve(payment.id),
                      lambda p: p.status == "succeeded", pause=0.25)


def test_a_payment_is_created_paid_and_retrieved(paid):
    assert paid.status == "succeeded"
    assert paid.paid_at
    assert sum(a.amount for a in paid.allocations) == 1234


def test_list_auto_paginates_newest_first(client, paid):
    second = create(client, "second", 1001)
    third = create(client, "third", 1002)
    mine = [third.id, second.id, paid.id]  # newest first

    seen: List[str] = []
    for payment in client.payments.list(limit=2).auto_paging_iter():
        assert isinstance(payment, Payment)
        seen.append(payment.id)
        if payment.id == paid.id:
            break  # the oldest of ours: all of ours are newer, so already seen

    for payment_id in mine:
        assert seen.count(payment_id) == 1, payment_id
    positions = [seen.index(payment_id) for payment_id in mine]
    assert positions == sorted(positions)


def test_a_partial_refund_succeeds(client, paid):
    refund = client.refunds.create(paid.id, amount=300, reason="Python SDK partial refund")
    assert refund.payment == paid.id
    assert refund.amount == 300
    succeeded = eventually(lambda: client.refunds.retrieve(refund.id),
                           lambda r: r.status == "succeeded")
    assert succeeded.id == refund.id
    listed = [r.id for r in client.refunds.list(paid.id).auto_paging_iter()]
    assert refund.id in listed


def test_the_payment_succeeded_webhook_verifies(paid):
    def mine(deliveries: List[Dict[str, Any]]) -> Optional[Dict[str, Any]]:
        for delivery in deliveries:
            try:
                event = json.loads(delivery["body"])
            except ValueError:
                continue
            if (event.get("type") == "payment.succeeded"
                    and event.get("data", {}).get("object", {}).get("id") == paid.id):
                return delivery
        return None

    delivery = mine(eventually(lambda: sandbox("GET", "/sandbox/webhooks/demo"),
                               lambda found: mine(found) is not None))
    body = delivery["body"].encode("utf-8")

    event = payfunctions.Webhook.construct_event(body, delivery["headers"], WEBHOOK_SECRET)

    assert event.type == "payment.succeeded"
    assert isinstance(event.data.object, Payment)
    assert event.data.object.id == paid.id
    assert event.data.object.amount == 1234

    position = body.index(paid.id.encode()) + len(paid.id) - 1
    changed = body[:position] + bytes([body[position] ^ 1]) + body[position + 1:]
    with pytest.raises(payfunctions.SignatureVerificationError):
        payfunctions.Webhook.construct_event(changed, delivery["headers"], WEBHOOK_SECRET)


def test_an_invalid_amount_raises_the_invalid_request_error(client):
    with pytest.raises(payfunctions.InvalidRequestError) as raised:
        create(client, "zero", amount=0)
    error = raised.value
    assert error.status == 400
    assert error.code == "parameter_invalid"
    assert error.param == "amount"
    assert error.request_id, "the answer carried no Request-Id"


def test_an_unknown_payment_raises_the_not_found_error(client):
    with pytest.raises(payfunctions.NotFoundError) as raised:
        client.payments.retrieve("pay_doesnotexist000000000000")
    assert raised.value.status == 404
    assert raised.value.code == "resource_missing"
