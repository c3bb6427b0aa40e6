package com.payfunctions.model;

/** The answer to deleting a risk rule. */
public final class DeletedRiskRule extends PayFunctionsObject implements HasId {
    private String id;
    private String object;
    private Boolean deleted;

    @Override
    public String getId() {
        return id;
    }

    public String getObject() {
        return object;
    }

    public Boolean getDeleted() {
        return deleted;
    }
}
