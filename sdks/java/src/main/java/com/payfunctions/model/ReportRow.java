package com.payfunctions.model;

/** One group's totals in one currency. */
public final class ReportRow extends PayFunctionsObject {
    private String key;
    private String currency;
    private Long payments;
    private Long succeeded;
    private Long failed;
    private Double successRate;
    private Long amount;
    private Long refunds;
    private Long refundedAmount;
    private Long fees;

    public String getKey() {
        return key;
    }

    public String getCurrency() {
        return currency;
    }

    public Long getPayments() {
        return payments;
    }

    public Long getSucceeded() {
        return succeeded;
    }

    public Long getFailed() {
        return failed;
    }

    public Double getSuccessRate() {
        return successRate;
    }

    public Long getAmount() {
        return amount;
    }

    public Long getRefunds() {
        return refunds;
    }

    public Long getRefundedAmount() {
        return refundedAmount;
    }

    public Long getFees() {
        return fees;
    }
}
