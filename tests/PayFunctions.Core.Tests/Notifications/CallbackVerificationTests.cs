using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Notifications;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Tests.Orchestration;
using PayFunctions.Core.Tests.Screening;
using PayFunctions.Core.Tests.Secrets;
using PayFunctions.Core.Tests.Storage;
using PayFunctions.Domain;

namespace PayFunctions.Core.Tests.Notifications;

/// <summary>
/// A channel callback is verified with the default account first and with another account only when the default's
/// keys refuse it or the dispatcher asks whether the payment's own account verifies it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CallbackVerificationTests(AzuriteFixture azurite)
{
    private const string Default = "main";
    private const string Second = "second";
    private const string Third = "third";

    private readonly Dictionary<string, int> reads = new(StringComparer.Ordinal);
    private readonly Mock<DurableTaskClient> durable = new("test");
    private readonly string paymentId = new PaymentIdGenerator(TimeProvider.System).NewId();
    private ChannelPayer? payer;

    [Fact]
    public async Task A_callback_from_the_default_account_costs_one_verification()
    {
        PaymentAt(Default);
        var verification = Verification(verifying: [Default]);

        Assert.Equal(NotificationOutcome.Accepted, await DispatchAsync(verification));

        Assert.Equal(new Dictionary<string, int> { [Default] = 1 }, reads);
        durable.Verify(d => d.RaiseEventAsync(paymentId, PaymentEvents.ChannelNotification, It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task The_payer_a_callback_reports_reaches_the_payment_with_the_account_as_its_keyed_hash()
    {
        PaymentAt(Default);
        payer = new ChannelPayer("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", "CMC", null, null);
        object? raised = null;
        durable.Setup(d => d.RaiseEventAsync(paymentId, PaymentEvents.ChannelNotification, It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .Callback<string, string, object?, CancellationToken>((_, _, payload, _) => raised = payload)
            .Returns(Task.CompletedTask);

        Assert.Equal(NotificationOutcome.Accepted, await DispatchAsync(Verification(verifying: [Default])));

        var paid = Assert.IsType<ChannelPaymentEvent>(raised);
        Assert.Equal("CMC", paid.Payer?.Bank);
        Assert.Matches("^[0-9a-f]{64}$", paid.Payer?.Account);
    }

    [Fact]
    public async Task A_callback_from_a_second_account_is_verified_by_its_keys()
    {
        PaymentAt(Second);
        var verification = Verification(verifying: [Second]);

        Assert.Equal(NotificationOutcome.Accepted, await DispatchAsync(verification));

        Assert.Equal(new Dictionary<string, int> { [Default] = 1, [Second] = 1 }, reads);
    }

    [Fact]
    public async Task A_callback_read_with_a_shared_key_counts_once_the_payments_own_account_verifies_it()
    {
        PaymentAt(Third);
        var verification = Verification(verifying: [Default, Third]);

        Assert.Equal(NotificationOutcome.Accepted, await DispatchAsync(verification));

        Assert.Equal(new Dictionary<string, int> { [Default] = 1, [Third] = 1 }, reads);
    }

    [Fact]
    public async Task A_callback_the_payments_account_does_not_verify_is_for_an_unknown_order()
    {
        PaymentAt(Second);
        var verification = Verification(verifying: [Default]);

        Assert.Equal(NotificationOutcome.UnknownOrder, await DispatchAsync(verification));

        durable.Verify(d => d.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_callback_no_account_verifies_is_refused_as_unauthenticated()
    {
        var verification = Verification(verifying: []);

        var (notification, rejection) = await verification.ReadAsync(CancellationToken.None);

        Assert.Null(notification);
        Assert.True(rejection!.IsAuthenticationFailure);
        Assert.Equal("signature_invalid", rejection.Reason);
        Assert.Equal(new Dictionary<string, int> { [Default] = 1, [Second] = 1, [Third] = 1 }, reads);
    }

    [Fact]
    public async Task A_verified_callback_whose_content_cannot_be_used_is_refused_with_its_reason()
    {
        var verification = new CallbackVerification([Default, Second], (account, _) =>
            account == Default ? throw new ChannelNotificationException("resource_invalid") : Task.FromResult(Notification()));

        var (notification, rejection) = await verification.ReadAsync(CancellationToken.None);

        Assert.Null(notification);
        Assert.False(rejection!.IsAuthenticationFailure);
        Assert.Equal("resource_invalid", rejection.Reason);
    }

    private async Task<NotificationOutcome> DispatchAsync(CallbackVerification verification)
    {
        var (notification, rejection) = await verification.ReadAsync(CancellationToken.None);
        Assert.Null(rejection);
        var dispatcher = new NotificationDispatcher(
            new NotificationLog(azurite.Storage, new SecretEnvelope(VersionedSecrets.WithKeyEncryptionKey()), TimeProvider.System), Mock.Of<IChannelWorkQueue>(), new PaymentStore(azurite.Storage),
            new ChannelPayerIntake(Secrets(), new RecordingScreener()), NullLogger<NotificationDispatcher>.Instance);
        return (await dispatcher.DispatchAsync("wechat_pay", verification, notification!, durable.Object, CancellationToken.None)).Outcome;
    }

    /// <summary>The channel's three accounts, of which those in <paramref name="verifying"/> hold keys that verify the callback.</summary>
    private CallbackVerification Verification(IReadOnlyCollection<string> verifying) =>
        new([Default, Second, Third], (account, _) =>
        {
            reads[account] = reads.GetValueOrDefault(account) + 1;
            return verifying.Contains(account)
                ? Task.FromResult(Notification())
                : throw ChannelNotificationException.Unauthenticated("signature_invalid");
        });

    private void PaymentAt(string account)
    {
        var input = PaymentHarness.Input(paymentId, TimeSpan.FromHours(1)) with { ChannelAccount = account };
        durable.Setup(d => d.GetInstanceAsync(paymentId, true, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(nameof(PaymentOrchestrator), paymentId)
            {
                RuntimeStatus = OrchestrationRuntimeStatus.Running,
                SerializedInput = JsonDataConverter.Default.Serialize(input),
                DataConverter = JsonDataConverter.Default,
            });
    }

    private ChannelNotification Notification() =>
        new("wechat_pay", "evt-" + paymentId, "TRANSACTION.SUCCESS", "1900000109", "wx1", paymentId, "4200000001", ChannelTradeState.Succeeded,
            new Money(1999, Currency.Parse("CNY")), DateTimeOffset.UtcNow)
        {
            Payer = payer,
        };

    private static VersionedSecrets Secrets()
    {
        var secrets = VersionedSecrets.WithKeyEncryptionKey();
        secrets.AddVersion(ApiKeyHasher.PepperSecretName, "1", VersionedSecrets.NewKey());
        return secrets;
    }
}
