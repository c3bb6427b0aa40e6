package com.payfunctions;

import com.payfunctions.model.Payment;
import com.payfunctions.model.TimelineEvent;
import com.payfunctions.param.PaymentCreateParams;
import com.payfunctions.param.PaymentListParams;

/** Payments: {@code /v1/payments}. */
public final class PaymentService extends ApiService {
    PaymentService(ApiRequestor requestor) {
        super(requestor);
    }

    /**
     * Creates a payment. It usually answers {@code requires_action} with the payer's next step; under load
     * it may answer {@code processing}, to be retrieved later or awaited by webhook.
     */
    public Payment create(PaymentCreateParams params) {
        return create(params, RequestOptions.none());
    }

    public Payment create(PaymentCreateParams params, RequestOptions options) {
        return send("/v1/payments", params, options, Payment.class);
    }

    /** One page of the merchant's payments, newest first. */
    public Page<Payment> list(PaymentListParams params) {
        return fetchPagedList("/v1/payments", params, Payment.class);
    }

    public Page<Payment> list() {
        return list(null);
    }

    public Payment retrieve(String id) {
        return fetch("/v1/payments/" + id(id), null, Payment.class);
    }

    /** Closes an unpaid payment, at the channel first, so the payer can no longer pay it. */
    public Payment close(String id) {
        return close(id, RequestOptions.none());
    }

    public Payment close(String id, RequestOptions options) {
        return send("/v1/payments/" + id(id) + "/close", null, options, Payment.class);
    }

    /** Captures a payment created with {@code capture_method} {@code manual}. */
    public Payment capture(String id) {
        return capture(id, RequestOptions.none());
    }

    public Payment capture(String id, RequestOptions options) {
        return send("/v1/payments/" + id(id) + "/capture", null, options, Payment.class);
    }

    /** The payment's history: routing, risk, channel, webhook and ledger steps, oldest first. */
    public Page<TimelineEvent> timeline(String id) {
        return fetchList("/v1/payments/" + id(id) + "/timeline", TimelineEvent.class);
    }
}
