"""Lists: one page, then every item across pages via starting_after; typed objects over JSON."""

from payfunctions.models import Payment, PaymentReport
from scripted_server import Reply


def page(ids, has_more):
    return Reply(200, {
        "object": "list", "url": "/api/v1/payments", "has_more": has_more,
        "data": [{"id": i, "object": "payment", "amount": 100, "currency": "cny"} for i in ids],
    })


def test_auto_paging_follows_starting_after_until_has_more_is_false(server, client):
    server.replies[:] = [page(["pay_5", "pay_4"], True), page(["pay_3", "pay_2"], True),
                         page(["pay_1"], False)]

    first = client.payments.list(limit=2, status="succeeded")
    assert [p.id for p in first.data] == ["pay_5", "pay_4"]
    assert first.has_more is True

    ids = [p.id for p in first.auto_paging_iter()]

    assert ids == ["pay_5", "pay_4", "pay_3", "pay_2", "pay_1"]
    queries = [r.query for r in server.requests]
    assert queries == [
        {"limit": "2", "status": "succeeded"},
        {"limit": "2", "status": "succeeded", "starting_after": "pay_4"},
        {"limit": "2", "status": "succeeded", "starting_after": "pay_2"},
    ]
    assert all(isinstance(p, Payment) for p in first.data)


def test_refunds_of_a_payment_paginate_under_its_path(server, client):
    server.replies[:] = [
        Reply(200, {"object": "list", "data": [{"id": "re_2"}], "has_more": True}),
        Reply(200, {"object": "list", "data": [{"id": "re_1"}], "has_more": False}),
    ]
    assert [r.id for r in client.refunds.list("pay_1", limit=1).auto_paging_iter()] == [
        "re_2", "re_1"]
    assert [r.path for r in server.requests] == ["/api/v1/payments/pay_1/refunds"] * 2
    assert server.requests[1].query["starting_after"] == "re_2"


def test_nested_objects_are_typed_and_unknown_fields_kept(server, client):
    server.replies[:] = [Reply(200, {
        "id": "pay_1", "object": "payment", "amount": 10000, "currency": "cny",
        "next_action": {"type": "display_qr_code", "display_qr_code": {"data": "weixin://x"}},
        "allocations": [{"account": "mch_demo", "role": "merchant", "amount": 9940,
                         "currency": "cny"}],
        "brand_new_field": {"nested": True},
    })]

    payment = client.payments.retrieve("pay_1")

    assert isinstance(payment.amount, int)
    assert payment.next_action.display_qr_code.data == "weixin://x"
    assert payment.allocations[0].amount == 9940
    assert payment.brand_new_field == {"nested": True}
    assert payment["brand_new_field"]["nested"] is True
    assert payment.failure_code is None  # declared, absent
    assert payment.to_dict()["next_action"]["display_qr_code"]["data"] == "weixin://x"


def test_report_query_names_and_the_from_field(server, client):
    server.replies[:] = [Reply(200, {"object": "report", "from": "2026-11-01", "to": "2026-11-30",
                                     "data": [{"key": "wechat_pay.native", "amount": 5}]})]
    report = client.reports.payments(from_="2026-11-01", to="2026-11-30", group_by="method")
    assert isinstance(report, PaymentReport)
    assert report.from_ == "2026-11-01"
    assert report.data[0].amount == 5
    assert server.requests[0].query == {"from": "2026-11-01", "to": "2026-11-30",
                                        "group_by": "method"}


def test_store_qr_images_are_bytes(server, client):
    png = b"\x89PNG\r\n\x1a\n\x00binary"
    server.replies[:] = [Reply(200, png, content_type="image/png")]
    assert client.stores.qr_png("store_1") == png
    assert server.requests[0].path == "/api/v1/stores/store_1/qr.png"


def test_ids_are_escaped_in_paths(server, client):
    server.replies[:] = [Reply(200, {"id": "x"})]
    client.refunds.retrieve("re/../1")
    assert server.requests[0].path == "/api/v1/refunds/re%2F..%2F1"


def test_request_bodies_use_the_documents_names_and_leave_out_unset_fields(server, client):
    server.replies[:] = [Reply(201, {"id": "re_1", "object": "refund"})]
    client.refunds.create("pay_1", amount=300, reason="Spilled")
    sent = server.requests[0]
    assert sent.path == "/api/v1/payments/pay_1/refunds"
    assert sent.headers["content-type"] == "application/json"
    assert sent.json() == {"amount": 300, "reason": "Spilled"}

