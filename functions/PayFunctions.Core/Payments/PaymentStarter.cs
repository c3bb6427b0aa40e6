using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Aml;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Checkout;
using PayFunctions.Core.Fx;
using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Reports;
using PayFunctions.Core.Routing;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Payments;

/// <summary>
/// Writes a validated payment and starts its orchestration: the one way a payment comes to exist,
/// whether a merchant created it or a payer did at a store's code.
/// </summary>
public sealed partial class PaymentStarter(
    ChannelRegistry channels,
    PaymentRouter router,
    PaymentStore payments,
    FxQuotes quotes,
    PayerSealing payerSealing,
    PayerPseudonyms pseudonyms,
    IpRegions regions,
    TimeProvider time,
    IOptions<PaymentOptions> options,
    ILogger<PaymentStarter> logger)
{
    /// <summary>
    /// Whether the payment's method has a configured channel account of the merchant's mode; a checkout payment may only
    /// offer methods whose channel is configured, and gets the methods that fit when the merchant named none.
    /// </summary>
    public (CreatePaymentValidator.Valid Valid, ApiError? Error) CheckAvailable(CreatePaymentValidator.Valid valid, bool testMode)
    {
        ArgumentNullException.ThrowIfNull(valid);
        if (valid.Method != CheckoutMethods.Name)
        {
            return channels.IsConfigured(valid.Channel, testMode)
                ? (valid, null)
                : (valid, Unavailable($"{valid.Method} has no configured channel in {ModeName(testMode)} mode.", "method"));
        }

        bool IsConfigured(string method) => this.IsConfigured(method, testMode);
        var unconfigured = valid.PaymentMethodTypes?.FirstOrDefault(m => !IsConfigured(m));
        if (unconfigured is not null)
        {
            return (valid, Unavailable($"{unconfigured} has no configured channel in {ModeName(testMode)} mode.", "payment_method_types"));
        }

        IReadOnlyList<string> types = valid.PaymentMethodTypes ?? [.. CheckoutMethods.AllThatFit(valid.Amount, valid.PayerCountry).Where(IsConfigured)];
        return types.Count == 0
            ? (valid, Unavailable("No configured method can take this amount and currency, for a payer in that country, on the checkout page.", "method"))
            : (valid with { PaymentMethodTypes = types }, null);
    }

    /// <summary>
    /// The routing decision for a new payment of a known method; null for a checkout payment, which is routed when
    /// the payer picks. An error when every candidate account was eliminated.
    /// </summary>
    public async Task<(RoutingDecision? Decision, ApiError? Error)> RouteAsync(
        MerchantEntity merchant, CreatePaymentValidator.Valid valid, string paymentId, TerminalType terminal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        ArgumentNullException.ThrowIfNull(valid);
        if (valid.Method == CheckoutMethods.Name)
        {
            return (null, null);
        }

        var pending = await router.DecideAsync(
            merchant.Id, merchant.TestMode, paymentId, valid.Method, valid.Channel, valid.Amount, valid.PayerCountry, terminal, valid.Payer?.Id is not null, cancellationToken);
        router.Count(pending);
        return pending.Decision.Chosen is null ? (null, NoRoute(pending.Decision)) : (pending.Decision, null);
    }

    /// <summary>Where a payer stands for a payment the merchant's server created.</summary>
    public static TerminalType TerminalOf(CreatePaymentValidator.Valid valid) =>
        valid?.Payer?.PaymentCode is not null ? TerminalType.Till : TerminalType.Online;

    /// <summary>Whether the method's channel has an account of the mode on this platform.</summary>
    public bool IsConfigured(string method, bool testMode) =>
        ChannelRegistry.TryGetMethod(method, out var module, out _) && channels.IsConfigured(module.Capabilities.Name, testMode);

    private static string ModeName(bool testMode) => testMode ? "test" : "live";

    /// <summary>
    /// Writes the payment with its merchant order id (a retry finds its own row) and starts its orchestration
    /// unless it runs. When another payment holds the order id nothing is written and its id is returned.
    /// </summary>
    public async Task<(PaymentEntity? Payment, string? OrderIdHolder)> StartAsync(
        MerchantEntity merchant,
        CreatePaymentValidator.Valid valid,
        RoutingDecision? decision,
        string paymentId,
        DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        ArgumentNullException.ThrowIfNull(valid);
        ArgumentNullException.ThrowIfNull(durable);
        var now = time.GetUtcNow();
        var payerRegion = await regions.LocateAsync(valid.Payer?.ClientIp, cancellationToken);
        var insert = await payments.CreateAsync(
            new PaymentEntity
            {
                PartitionKey = merchant.Id,
                RowKey = paymentId,
                TestMode = merchant.TestMode,
                MerchantOrderId = valid.MerchantOrderId,
                Method = valid.Method,
                Channel = valid.Channel,
                ChannelAccount = decision?.Chosen?.Account ?? "",
                Amount = valid.Amount.MinorUnits,
                Currency = valid.Amount.Currency.Code,
                Description = valid.Description,
                CreatedAt = now,

                // A converted payment is payable exactly as long as its rate is locked.
                ExpiresAt = valid.Fx?.LockedUntil ?? now + valid.ExpiresIn,
                FeeBasisPoints = merchant.FeeBasisPoints,
                FeeFixedMinorUnits = merchant.FeeFixedMinorUnits,
                SplitRuleJson = SplitRuleSerializer.Serialize(valid.Split),
                MetadataJson = valid.MetadataJson,
                PaymentMethodTypes = valid.PaymentMethodTypes is { } types ? CheckoutMethods.Join(types) : null,
                ReturnUrl = valid.Payer?.ReturnUrl,
                CaptureLater = valid.CaptureLater,
                PayerCountry = valid.PayerCountry,
                PayerRegion = payerRegion,
                PayerPseudonym = await pseudonyms.OfAsync(valid.Payer?.Id, cancellationToken),
                FxQuoteJson = FxBody.Serialize(valid.Fx, valid.Amount.MinorUnits),
                RoutingJson = decision is null ? null : RoutingBody.From(decision).Serialize(),
            },
            cancellationToken);
        var (payment, fresh) = insert switch
        {
            PaymentInsert.Inserted inserted => (inserted.Payment, true),
            PaymentInsert.Existing existing => (existing.Payment, false),
            _ => (null, false),
        };
        if (payment is null)
        {
            return (null, ((PaymentInsert.OrderIdTaken)insert).HolderId);
        }

        // A payment written just now has no orchestration yet; only a retry needs to ask whether its first attempt started one.
        if (fresh || await durable.GetInstanceAsync(paymentId, cancellationToken) is null)
        {
            var input = new PaymentOrchestrationInput(
                paymentId, merchant.Id, payment.Channel, payment.ChannelAccount, payment.Method, payment.Amount, payment.Currency, payment.Description, payment.ExpiresAt)
            {
                Payer = await payerSealing.SealAsync(valid.Payer, merchant.Id, paymentId, cancellationToken),
                ConfirmWindow = options.Value.BarcodeConfirmWindow,
                CaptureLater = payment.CaptureLater,

                // The stored decision, not this call's: a retried create finds the row its first attempt wrote.
                Route = RoutingBody.Deserialize(payment.RoutingJson, null)?.Order,
            };
            await durable.ScheduleNewOrchestrationInstanceAsync(
                nameof(PaymentOrchestrator), input, PaymentOrchestrator.StartOptions(paymentId), cancellationToken);
            LogCreated(logger, paymentId, merchant.Id);
        }

        return (payment, null);
    }

    /// <summary>
    /// A payment a payer asked for (at a store's code): the merchant order id is the submission's own,
    /// so a repeated submission answers the payment the first one made instead of a second one.
    /// </summary>
    public async Task<(PaymentEntity? Payment, ApiError? Error)> StartForPayerAsync(
        MerchantEntity merchant, CreatePaymentRequest request, string newPaymentId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        ArgumentNullException.ThrowIfNull(request);
        var fx = await quotes.QuoterForAsync(merchant, request.Currency, cancellationToken);
        var (valid, invalid) = CreatePaymentValidator.Validate(request, merchant.Fee, fx);
        if (invalid is not null)
        {
            return (null, invalid);
        }

        var (placed, unavailable) = CheckAvailable(valid!, merchant.TestMode);
        if (unavailable is not null)
        {
            return (null, unavailable);
        }

        valid = placed;
        var (decision, unroutable) = await RouteAsync(merchant, valid, newPaymentId, TerminalType.StoreCode, cancellationToken);
        if (unroutable is not null)
        {
            return (null, unroutable);
        }

        var (payment, holder) = await StartAsync(merchant, valid, decision, newPaymentId, durable, cancellationToken);
        return (payment ?? await payments.GetAsync(merchant.Id, holder!, cancellationToken)
            ?? throw new InvalidOperationException($"Payment {holder} holds an order id but does not exist."), null);
    }

    /// <summary>Every candidate was eliminated: the merchant's limits (or the accounts' state) leave no account for the payment now.</summary>
    private static ApiError NoRoute(RoutingDecision decision) => new(
        StatusCodes.Status409Conflict,
        "no_route_available",
        "No channel account can take this payment now.",
        string.Join("; ", decision.Candidates.Select(c => $"{c.Account}: {c.Eliminated}")),
        "method");

    private static ApiError Unavailable(string detail, string param) =>
        new(StatusCodes.Status400BadRequest, "payment_method_unavailable", "This payment method is not enabled on this platform.", detail, param);

    [LoggerMessage(EventId = 7402, Level = LogLevel.Information, Message = "Payment {PaymentId} created for merchant {MerchantId}")]
    private static partial void LogCreated(ILogger logger, string paymentId, string merchantId);
}
