using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Reconciliation;
using PayFunctions.Core.Refunds;
using PayFunctions.Core.Storage;
using PayFunctions.Core.Tests.Routing;
using PayFunctions.Core.Tests.Storage;
using PayFunctions.Domain;
using PayFunctions.Domain.Reconciliation;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Tests.Reconciliation;

/// <summary>The index reconciliation reads instead of the merchants' payments, on the emulator.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReconciliationIndexTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>An index over WeChat Pay accounts <c>main</c> and <paramref name="accounts"/>, charged 0.6%, as the completion activities use it.</summary>
    public static ReconciliationIndex Index(StorageClients storage, params string[] accounts)
    {
        var settings = new Dictionary<string, string?>();
        foreach (var account in accounts.Append("main"))
        {
            foreach (var (key, value) in TestRouting.Account(account))
            {
                settings[key] = value;
            }

            settings[$"Channels:WeChatPay:Accounts:{account}:{ChannelRegistry.FeeRateSetting}"] = "60";
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ReconciliationIndex(storage, TestRouting.Over(configuration, storage, TimeProvider.System).Channels, Options.Create(new ReconciliationOptions()));
    }

    [Fact]
    public async Task EndedRecords_AreReadForTheirBookingDayAndEachNeighbour_WithTheExpectedFee_AndOnlyForTheirAccount()
    {
        var account = NewAccount();
        var index = Index(azurite.Storage, account.Account);
        var lateNight = new DateTimeOffset(2026, 3, 1, 23, 59, 58, China);
        var paid = Payment(account, 10_000, nameof(PaymentStatus.Succeeded), lateNight);
        var closed = Payment(account, 500, nameof(PaymentStatus.Expired), null);
        var refund = Refund(account, paid.Id, 2_500, lateNight.AddHours(12));

        foreach (var write in (Func<Task>[])[
            () => index.RecordPaymentAsync(paid, CancellationToken.None),
            () => index.RecordPaymentAsync(paid, CancellationToken.None),
            () => index.RecordPaymentAsync(closed, CancellationToken.None),
            () => index.RecordRefundAsync(refund, CancellationToken.None),
            () => index.RecordPaymentAsync(Payment(NewAccount(), 700, nameof(PaymentStatus.Succeeded), lateNight), CancellationToken.None)])
        {
            await write();
        }

        var nextDay = await index.ReadAsync(account, new DateOnly(2026, 3, 2), CancellationToken.None);
        Assert.Equal(
            [new PlatformPayment(paid.Id, new Money(10_000, Currency.Cny), new Money(60, Currency.Cny), PlatformPaymentStatus.Succeeded, lateNight)],
            nextDay.Payments.Where(p => p.Id == paid.Id));
        Assert.Equal(PlatformPaymentStatus.Closed, Assert.Single(nextDay.Payments, p => p.Id == closed.Id).Status);
        Assert.Null(Assert.Single(nextDay.Payments, p => p.Id == closed.Id).ExpectedFee);
        Assert.Equal(
            [new PlatformRefund(refund.RefundId, paid.Id, new Money(2_500, Currency.Cny), PlatformRefundStatus.Succeeded, lateNight.AddHours(12))],
            nextDay.Refunds);
        Assert.Equal(2, nextDay.Payments.Count);
        Assert.Equal(paid.MerchantId, nextDay.Merchants[paid.Id]);

        Assert.DoesNotContain(paid.Id, (await index.ReadAsync(account, new DateOnly(2026, 3, 3), CancellationToken.None)).Payments.Select(p => p.Id));
        Assert.Contains(paid.Id, (await index.ReadAsync(account, new DateOnly(2026, 2, 28), CancellationToken.None)).Payments.Select(p => p.Id));
    }

    private static ChannelAccountId NewAccount() => new("wechat_pay", "main-" + Guid.NewGuid().ToString("N")[..8]);

    private static PaymentEntity Payment(ChannelAccountId account, long amount, string status, DateTimeOffset? paidAt) =>
        new()
        {
            PartitionKey = "mch_" + Guid.NewGuid().ToString("N")[..10],
            RowKey = "pay_" + Guid.NewGuid().ToString("N")[..24],
            Channel = account.Channel,
            ChannelAccount = account.Account,
            Amount = amount,
            Currency = "CNY",
            Status = status,
            CreatedAt = new DateTimeOffset(2026, 3, 1, 12, 0, 0, China),
            PaidAt = paidAt,
            CompletedAt = paidAt ?? new DateTimeOffset(2026, 3, 1, 12, 30, 0, China),
            PlacedAtChannel = true,
        };

    private static RefundEntity Refund(ChannelAccountId account, string paymentId, long amount, DateTimeOffset succeededAt) =>
        new()
        {
            PartitionKey = "mch_" + Guid.NewGuid().ToString("N")[..10],
            RowKey = "re_" + Guid.NewGuid().ToString("N")[..24],
            RefundId = "re_" + Guid.NewGuid().ToString("N")[..24],
            PaymentId = paymentId,
            Channel = account.Channel,
            ChannelAccount = account.Account,
            Amount = amount,
            Currency = "CNY",
            Status = RefundStatuses.Succeeded,
            CreatedAt = succeededAt.AddMinutes(-1),
            SucceededAt = succeededAt,
        };
}
