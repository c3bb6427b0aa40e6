"""Against the running host: the other resources answer their typed objects.

Only objects made here are changed; the shared routing policy and the demo key are only read.
"""

import uuid

import pytest

import payfunctions
from environment import API_BASE, API_KEY
from payfunctions import models

RUN = uuid.uuid4().hex[:12]


@pytest.fixture(scope="module")
def client() -> payfunctions.Client:
    return payfunctions.Client(API_KEY, base_url=API_BASE)


def test_close_an_unpaid_payment_and_read_its_timeline(client):
    payment = client.payments.create(
        amount=500, currency="cny", method="wechat_pay.native",
        merchant_order_id="py-%s-close" % RUN, description="Python SDK close",
    )
    closed = client.payments.close(payment.id)
    assert isinstance(closed, models.Payment)
    assert closed.status == "closed"
    with pytest.raises(payfunctions.ConflictError):
        client.payments.capture(payment.id)
    timeline = client.payments.timeline(payment.id)
    assert all(isinstance(step, models.PaymentTimelineEvent) for step in timeline.data)
    assert "payment.created" in [step.type for step in timeline.data]


def test_stores_and_their_qr_images(client):
    store = client.stores.create(name="Python SDK " + RUN, currency="cny", amount=100)
    assert isinstance(store, models.Store)
    assert client.stores.retrieve(store.id).name == "Python SDK " + RUN
    assert client.stores.qr_png(store.id).startswith(b"\x89PNG\r\n\x1a\n")
    assert b"<svg" in client.stores.qr_svg(store.id)
    assert store.id in [s.id for s in client.stores.list(limit=100).auto_paging_iter()]


def test_a_connected_account_is_created_and_deactivated(client):
    account = client.accounts.create(
        type="individual", name="Python SDK " + RUN,
        payout_method={"type": "bank_account", "bank_account": {
            "account_holder_name": "Python SDK", "bank_name": "ICBC",
            "account_number": "6222020200112233445"}},
    )
    assert account.payout_method.bank_account.last4 == "3445"
    assert client.accounts.retrieve(account.id).status == "active"
    assert client.accounts.deactivate(account.id).status == "inactive"
    assert account.id in [a.id for a in client.accounts.list(limit=100).auto_paging_iter()]


def test_an_api_key_is_created_rolled_and_revoked(client):
    key = client.api_keys.create(name="Python SDK " + RUN, scopes=["read"])
    assert isinstance(key, models.ApiKey)
    assert key.secret
    rolled = client.api_keys.roll(key.id, expires_in_seconds=60)
    assert rolled.id != key.id and rolled.secret  # a new key; the old one expires soon
    assert client.api_keys.revoke(rolled.id).status == "revoked"
    assert client.api_keys.revoke(key.id).status == "revoked"
    listed = [k.id for k in client.api_keys.list(limit=100).auto_paging_iter()]
    assert key.id in listed and rolled.id in listed


def test_a_risk_rule_is_created_replaced_and_deleted(client):
    payer = "python-sdk-" + RUN
    rule = client.risk_rules.create(kind="list", action="review", field="payer_id",
                                    values=[payer], description="Python SDK test")
    assert isinstance(rule, models.RiskRule)
    assert rule.values == [payer] == rule["values"]  # a field the schema leaves out, kept
    assert client.risk_rules.update(rule.id, kind="list", action="block", field="payer_id",
                                    values=[payer]).action == "block"
    assert rule.id in [r.id for r in client.risk_rules.list().data]
    assert client.risk_rules.delete(rule.id).deleted is True


def test_read_only_resources(client):
    balance = client.balance.retrieve()
    assert all(isinstance(a.amount, int) for a in balance.pending_settlement)
    assert isinstance(client.settlements.list().data, list)
    assert all(isinstance(c, models.ChannelAccount) for c in client.channel_accounts.list().data)
    assert isinstance(client.routing.retrieve(), models.RoutingPolicy)
    assert all(isinstance(e, models.WebhookEndpoint) for e in client.webhook_endpoints.list().data)
    report = client.reports.payments(group_by="method")
    assert isinstance(report, models.PaymentReport)
    assert client.reports.payments(format="csv").startswith("key,")


def test_a_test_webhook_is_sent_and_listed(client):
    delivery = client.webhook_endpoints.send_test()
    assert isinstance(delivery, models.WebhookDelivery)
    first = client.webhook_endpoints.list_deliveries(limit=100)
    assert all(isinstance(d, models.WebhookDelivery) for d in first.data)
