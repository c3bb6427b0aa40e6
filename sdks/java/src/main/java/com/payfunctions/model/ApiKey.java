package com.payfunctions.model;

import java.time.OffsetDateTime;
import java.util.List;

/** An API key of the merchant. The secret is only answered when the key is created or rolled. */
public final class ApiKey extends PayFunctionsObject implements HasId {
    private String id;
    private String object;
    private String name;
    private String prefix;
    private List<String> scopes;
    private Boolean signatureRequired;
    private String status;
    private OffsetDateTime createdAt;
    private OffsetDateTime expiresAt;
    private OffsetDateTime revokedAt;
    private String secret;
    private String signingSecret;
    private Boolean secretRedacted;

    @Override
    public String getId() {
        return id;
    }

    public String getObject() {
        return object;
    }

    public String getName() {
        return name;
    }

    public String getPrefix() {
        return prefix;
    }

    public List<String> getScopes() {
        return scopes;
    }

    public Boolean getSignatureRequired() {
        return signatureRequired;
    }

    /** {@code active}, {@code expiring}, {@code expired} or {@code revoked}. */
    public String getStatus() {
        return status;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getExpiresAt() {
        return expiresAt;
    }

    public OffsetDateTime getRevokedAt() {
        return revokedAt;
    }

    public String getSecret() {
        return secret;
    }

    public String getSigningSecret() {
        return signingSecret;
    }

    public Boolean getSecretRedacted() {
        return secretRedacted;
    }
}
