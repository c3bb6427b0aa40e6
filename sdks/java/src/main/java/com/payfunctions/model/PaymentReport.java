package com.payfunctions.model;

import java.util.List;

/** The payment report: totals per group over a range of days. */
public final class PaymentReport extends PayFunctionsObject {
    private String object;
    private String groupBy;
    private String from;
    private String to;
    private String timeZone;
    private Boolean livemode;
    private List<ReportRow> data;

    public String getObject() {
        return object;
    }

    public String getGroupBy() {
        return groupBy;
    }

    public String getFrom() {
        return from;
    }

    public String getTo() {
        return to;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public Boolean getLivemode() {
        return livemode;
    }

    public List<ReportRow> getData() {
        return data;
    }
}
