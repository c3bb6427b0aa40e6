package com.payfunctions;

import com.payfunctions.model.PaymentReport;
import com.payfunctions.param.PaymentReportParams;

/** Reports: {@code /v1/reports}. */
public final class ReportService extends ApiService {
    ReportService(ApiRequestor requestor) {
        super(requestor);
    }

    /** Payment totals per group over a range of days, in JSON. */
    public PaymentReport payments(PaymentReportParams params) {
        return fetch("/v1/reports/payments", params, PaymentReport.class);
    }

    public PaymentReport payments() {
        return payments(null);
    }
}
