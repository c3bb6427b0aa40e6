package com.payfunctions;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * The PayFunctions merchant API client. Thread-safe: make one and share it.
 *
 * <pre>{@code
 * PayFunctionsClient client = new PayFunctionsClient("sk_test_...");
 * Payment payment = client.payments().create(PaymentCreateParams.builder()
 *         .amount(1234).currency("cny").method("wechat_pay.native").merchantOrderId("order-1").build());
 * }</pre>
 */
public final class PayFunctionsClient {
    public static final String VERSION = "0.1.0";
    public static final String DEFAULT_BASE_URL = "http://127.0.0.1:7071/api";
    public static final int DEFAULT_MAX_RETRIES = 2;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(80);

    private final PaymentService payments;
    private final RefundService refunds;
    private final AccountService accounts;
    private final ApiKeyService apiKeys;
    private final StoreService stores;
    private final RoutingService routing;
    private final ChannelAccountService channelAccounts;
    private final SettlementService settlements;
    private final BalanceService balance;
    private final WebhookEndpointService webhookEndpoints;
    private final ReportService reports;
    private final RiskRuleService riskRules;

    /** A client with the default base URL, retries and timeout. */
    public PayFunctionsClient(String apiKey) {
        this(builder().apiKey(apiKey));
    }

    private PayFunctionsClient(Builder builder) {
        if (builder.apiKey == null || builder.apiKey.isBlank()) {
            throw new IllegalArgumentException("an API key is required");
        }
        ApiRequestor requestor = new ApiRequestor(builder.apiKey, builder.baseUrl, builder.maxRetries,
                builder.timeout, builder.sleeper, new RetryPolicy(builder.random, builder.clock));
        payments = new PaymentService(requestor);
        refunds = new RefundService(requestor);
        accounts = new AccountService(requestor);
        apiKeys = new ApiKeyService(requestor);
        stores = new StoreService(requestor);
        routing = new RoutingService(requestor);
        channelAccounts = new ChannelAccountService(requestor);
        settlements = new SettlementService(requestor);
        balance = new BalanceService(requestor);
        webhookEndpoints = new WebhookEndpointService(requestor);
        reports = new ReportService(requestor);
        riskRules = new RiskRuleService(requestor);
    }

    public static Builder builder() {
        return new Builder();
    }

    public PaymentService payments() {
        return payments;
    }

    public RefundService refunds() {
        return refunds;
    }

    public AccountService accounts() {
        return accounts;
    }

    public ApiKeyService apiKeys() {
        return apiKeys;
    }

    public StoreService stores() {
        return stores;
    }

    public RoutingService routing() {
        return routing;
    }

    public ChannelAccountService channelAccounts() {
        return channelAccounts;
    }

    public SettlementService settlements() {
        return settlements;
    }

    public BalanceService balance() {
        return balance;
    }

    public WebhookEndpointService webhookEndpoints() {
        return webhookEndpoints;
    }

    public ReportService reports() {
        return reports;
    }

    public RiskRuleService riskRules() {
        return riskRules;
    }

    /** Configures a {@link PayFunctionsClient}; only the API key is required. */
    public static final class Builder {
        private String apiKey;
        private String baseUrl = DEFAULT_BASE_URL;
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Sleeper sleeper = Sleeper.THREAD;
        private Random random = new Random();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The merchant's secret key, {@code sk_test_…} or {@code sk_live_…}. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** The API's base URL, ending in {@code /api}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** How many times a failed request is retried (default 2); 0 turns retries off. */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must not be negative");
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /** The time one attempt may take (default 80 s). */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        /** What waits between retries (default: the calling thread sleeps). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The source of the retry jitter. */
        public Builder random(Random random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** The clock an HTTP-date {@code Retry-After} is measured against. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public PayFunctionsClient build() {
            return new PayFunctionsClient(this);
        }
    }
}
