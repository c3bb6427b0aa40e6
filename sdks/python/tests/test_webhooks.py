"""Webhook verification against deliveries this test signs itself (Standard Webhooks)."""

import base64
import hashlib
import hmac
import json

import pytest

from payfunctions import SignatureVerificationError, Webhook
from payfunctions.models import Payment

KEY = b"unit-webhook-secret-0123456789"
SECRET = "whsec_" + base64.b64encode(KEY).decode()
NOW = 1_796_000_000
BODY = json.dumps({
    "id": "evt_1", "object": "event", "type": "payment.succeeded",
    "created_at": "2026-11-30T14:16:53+00:00", "livemode": False,
    "data": {"object": {"id": "pay_1", "object": "payment", "amount": 1234, "currency": "cny",
                        "status": "succeeded"}},
}, separators=(",", ":")).encode()


def sign(body: bytes, timestamp: int = NOW, key: bytes = KEY, message_id: str = "evt_1") -> str:
    signed = b"%s.%d.%s" % (message_id.encode(), timestamp, body)
    return "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()


def headers(body: bytes = BODY, timestamp: int = NOW, signature=None) -> dict:
    return {
        "webhook-id": "evt_1",
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature or sign(body, timestamp),
    }


def test_a_signed_delivery_verifies_and_parses_into_a_typed_event():
    event = Webhook.construct_event(BODY, headers(), SECRET, now=NOW)
    assert event.id == "evt_1"
    assert event.type == "payment.succeeded"
    assert event.created_at == "2026-11-30T14:16:53+00:00"
    assert isinstance(event.data.object, Payment)
    assert event.data.object.id == "pay_1"
    assert event.data.object.amount == 1234


def test_a_str_body_is_the_same_bytes():
    assert Webhook.construct_event(BODY.decode(), headers(), SECRET, now=NOW).id == "evt_1"


def test_a_tampered_body_fails():
    tampered = BODY.replace(b"1234", b"1235")
    with pytest.raises(SignatureVerificationError):
        Webhook.construct_event(tampered, headers(BODY), SECRET, now=NOW)


def test_re_serialised_json_fails():
    reserialised = json.dumps(json.loads(BODY)).encode()  # spaces after separators
    assert reserialised != BODY
    with pytest.raises(SignatureVerificationError):
        Webhook.construct_event(reserialised, headers(BODY), SECRET, now=NOW)


def test_the_wrong_secret_fails():
    other = "whsec_" + base64.b64encode(b"another-secret").decode()
    with pytest.raises(SignatureVerificationError):
        Webhook.construct_event(BODY, headers(), other, now=NOW)


@pytest.mark.parametrize("offset", [-301, 301, -3600, 3600])
def test_timestamps_outside_the_tolerance_fail_even_when_signed(offset):
    with pytest.raises(SignatureVerificationError):
        Webhook.construct_event(BODY, headers(timestamp=NOW + offset), SECRET, now=NOW)


@pytest.mark.parametrize("offset", [-300, 300, 0])
def test_timestamps_within_the_tolerance_pass(offset):
    Webhook.construct_event(BODY, headers(timestamp=NOW + offset), SECRET, now=NOW)


def test_the_tolerance_is_configurable():
    stale = headers(timestamp=NOW - 1000)
    Webhook.construct_event(BODY, stale, SECRET, now=NOW, tolerance=1200)
    with pytest.raises(SignatureVerificationError):
        Webhook.construct_event(BODY, headers(timestamp=NOW - 20), SECRET, now=NOW, tolerance=10)


@pytest.mark.parametrize("missing", ["webhook-id", "webhook-timestamp", "webhook-signature"])
def test_a_missing_header_fails(missing):
    incomplete = {k: v for k, v in headers().items() if k != missing}
    with pytest.raises(SignatureVerificationError):
        Webhook.construct_event(BODY, incomplete, SECRET, now=NOW)


def test_a_valid_signature_among_several_passes():
    wrong = sign(BODY, key=b"rotated-out-secret")
    several = " ".join([wrong, "v2,bm90LWEtdjEtc2ln", sign(BODY)])
    assert Webhook.construct_event(BODY, headers(signature=several), SECRET, now=NOW).id == "evt_1"


def test_only_invalid_signatures_fail():
    several = " ".join([sign(BODY, key=b"one"), sign(BODY, key=b"two")])
    with pytest.raises(SignatureVerificationError):
        Webhook.construct_event(BODY, headers(signature=several), SECRET, now=NOW)


def test_a_signature_of_another_version_is_not_accepted():
    right_digest = sign(BODY).split(",", 1)[1]
    with pytest.raises(SignatureVerificationError):
        Webhook.construct_event(BODY, headers(signature="v2," + right_digest), SECRET, now=NOW)


def test_header_names_match_whatever_their_case():
    mixed = {"Webhook-Id": "evt_1", "WEBHOOK-TIMESTAMP": str(NOW), "Webhook-Signature": sign(BODY)}
    assert Webhook.construct_event(BODY, mixed, SECRET, now=NOW).id == "evt_1"


def test_the_signed_id_is_the_header_id():
    forged = dict(headers(), **{"webhook-id": "evt_2"})
    with pytest.raises(SignatureVerificationError):
        Webhook.construct_event(BODY, forged, SECRET, now=NOW)


def test_a_malformed_secret_is_a_usage_error():
    with pytest.raises(ValueError):
        Webhook.construct_event(BODY, headers(), "whsec_***not base64***", now=NOW)
