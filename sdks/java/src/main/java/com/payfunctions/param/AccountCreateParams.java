package com.payfunctions.param;

import java.util.Map;

/** Parameters of creating a connected account. */
public final class AccountCreateParams extends Params {
    private AccountCreateParams(Map<String, Object> values) {
        super(values);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link AccountCreateParams}. */
    public static final class Builder extends Params.Builder<Builder, AccountCreateParams> {
        private Builder() {
            super(AccountCreateParams::new);
        }

        /** {@code individual} or {@code company}. */
        public Builder type(String type) {
            return put("type", type);
        }

        public Builder name(String name) {
            return put("name", name);
        }

        /** Where the account is paid. */
        public Builder payoutMethod(PayoutMethod payoutMethod) {
            return put("payout_method", payoutMethod);
        }
    }

    /** Where an account is paid: a bank account or a WeChat Pay receiver. */
    public static final class PayoutMethod extends Params {
        private PayoutMethod(Map<String, Object> values) {
            super(values);
        }

        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link PayoutMethod}. */
        public static final class Builder extends Params.Builder<Builder, PayoutMethod> {
            private Builder() {
                super(PayoutMethod::new);
            }

            /** {@code bank_account} or {@code wechat_pay}. */
            public Builder type(String type) {
                return put("type", type);
            }

            public Builder bankAccount(BankAccount bankAccount) {
                return put("bank_account", bankAccount);
            }

            public Builder wechatPay(WeChatPay wechatPay) {
                return put("wechat_pay", wechatPay);
            }
        }
    }

    /** A bank account to pay. */
    public static final class BankAccount extends Params {
        private BankAccount(Map<String, Object> values) {
            super(values);
        }

        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link BankAccount}. */
        public static final class Builder extends Params.Builder<Builder, BankAccount> {
            private Builder() {
                super(BankAccount::new);
            }

            public Builder accountHolderName(String accountHolderName) {
                return put("account_holder_name", accountHolderName);
            }

            public Builder bankName(String bankName) {
                return put("bank_name", bankName);
            }

            public Builder accountNumber(String accountNumber) {
                return put("account_number", accountNumber);
            }
        }
    }

    /** A WeChat Pay receiver. */
    public static final class WeChatPay extends Params {
        private WeChatPay(Map<String, Object> values) {
            super(values);
        }

        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link WeChatPay}. */
        public static final class Builder extends Params.Builder<Builder, WeChatPay> {
            private Builder() {
                super(WeChatPay::new);
            }

            public Builder openid(String openid) {
                return put("openid", openid);
            }
        }
    }
}
