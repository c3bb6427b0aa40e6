package com.payfunctions;

import com.payfunctions.model.Refund;
import com.payfunctions.param.ListParams;
import com.payfunctions.param.RefundCreateParams;

/** Refunds of payments: {@code /v1/payments/{id}/refunds} and {@code /v1/refunds}. */
public final class RefundService extends ApiService {
    RefundService(ApiRequestor requestor) {
        super(requestor);
    }

    /** Refunds part or all of a succeeded payment; the refund is usually {@code pending} at first. */
    public Refund create(String paymentId, RefundCreateParams params) {
        return create(paymentId, params, RequestOptions.none());
    }

    public Refund create(String paymentId, RefundCreateParams params, RequestOptions options) {
        return send("/v1/payments/" + id(paymentId) + "/refunds", params, options, Refund.class);
    }

    /** One page of a payment's refunds, newest first. */
    public Page<Refund> list(String paymentId, ListParams params) {
        return fetchPagedList("/v1/payments/" + id(paymentId) + "/refunds", params, Refund.class);
    }

    public Page<Refund> list(String paymentId) {
        return list(paymentId, null);
    }

    public Refund retrieve(String id) {
        return fetch("/v1/refunds/" + id(id), null, Refund.class);
    }
}
