package com.payfunctions.param;

import java.util.List;
import java.util.Map;

/** Parameters of creating a payment. */
public final class PaymentCreateParams extends Params {
    private PaymentCreateParams(Map<String, Object> values) {
        super(values);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link PaymentCreateParams}. */
    public static final class Builder extends Params.Builder<Builder, PaymentCreateParams> {
        private Builder() {
            super(PaymentCreateParams::new);
        }

        /** The amount in the currency's minor unit (fen, cents), e.g. {@code 1234} for 12.34. */
        public Builder amount(long amount) {
            return put("amount", amount);
        }

        /** Three-letter ISO code, lower case, e.g. {@code cny}. */
        public Builder currency(String currency) {
            return put("currency", currency);
        }

        /** The payment method, e.g. {@code wechat_pay.native}. */
        public Builder method(String method) {
            return put("method", method);
        }

        /** The merchant's own order reference. */
        public Builder merchantOrderId(String merchantOrderId) {
            return put("merchant_order_id", merchantOrderId);
        }

        public Builder description(String description) {
            return put("description", description);
        }

        /** How long the payer has to pay. */
        public Builder expiresInSeconds(int expiresInSeconds) {
            return put("expires_in_seconds", expiresInSeconds);
        }

        /** Shares of the net amount for connected accounts. */
        public Builder split(Split split) {
            return put("split", split);
        }

        /** The merchant's own key-value pairs, answered back as given. */
        public Builder metadata(Map<String, String> metadata) {
            return put("metadata", metadata);
        }

        /** The code scanned from the payer's app, for payer-presented methods. */
        public Builder paymentCode(String paymentCode) {
            return put("payment_code", paymentCode);
        }

        /** Where a redirected payer comes back to. */
        public Builder returnUrl(String returnUrl) {
            return put("return_url", returnUrl);
        }

        /** What is known of the payer, for risk decisions. */
        public Builder payer(Payer payer) {
            return put("payer", payer);
        }

        /** The methods a hosted checkout may offer. */
        public Builder paymentMethodTypes(List<String> paymentMethodTypes) {
            return put("payment_method_types", paymentMethodTypes);
        }

        /** {@code automatic} (default) or {@code manual}. */
        public Builder captureMethod(String captureMethod) {
            return put("capture_method", captureMethod);
        }
    }

    /** How the net amount is shared. */
    public static final class Split extends Params {
        private Split(Map<String, Object> values) {
            super(values);
        }

        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Split}. */
        public static final class Builder extends Params.Builder<Builder, Split> {
            private Builder() {
                super(Split::new);
            }

            /** Adds a receiver. */
            public Builder addRecipient(SplitRecipient item) {
                return add("recipients", item);
            }
        }
    }

    /** One receiver: {@code basis_points} of the net, or a fixed {@code amount}. */
    public static final class SplitRecipient extends Params {
        private SplitRecipient(Map<String, Object> values) {
            super(values);
        }

        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link SplitRecipient}. */
        public static final class Builder extends Params.Builder<Builder, SplitRecipient> {
            private Builder() {
                super(SplitRecipient::new);
            }

            /** The connected account's id. */
            public Builder account(String account) {
                return put("account", account);
            }

            public Builder basisPoints(int basisPoints) {
                return put("basis_points", basisPoints);
            }

            public Builder amount(long amount) {
                return put("amount", amount);
            }
        }
    }

    /** What is known of the payer. */
    public static final class Payer extends Params {
        private Payer(Map<String, Object> values) {
            super(values);
        }

        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Payer}. */
        public static final class Builder extends Params.Builder<Builder, Payer> {
            private Builder() {
                super(Payer::new);
            }

            /** The merchant's id of the payer. */
            public Builder id(String id) {
                return put("id", id);
            }

            public Builder ip(String ip) {
                return put("ip", ip);
            }

            public Builder country(String country) {
                return put("country", country);
            }

            public Builder deviceId(String deviceId) {
                return put("device_id", deviceId);
            }
        }
    }
}
