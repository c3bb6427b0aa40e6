using PayFunctions.Core.Payments;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Tests.Payments;

/// <summary>Created payments in storage for the steps that come after creation; each has a merchant of its own.</summary>
internal static class TestPayments
{
    /// <summary>
    /// Inserts a payment created at <paramref name="createdAt"/> and open for 30 minutes, shaped further by
    /// <paramref name="shape"/> before it is written.
    /// </summary>
    public static async Task<PaymentEntity> SeedAsync(StorageClients storage, DateTimeOffset createdAt, Action<PaymentEntity> shape)
    {
        var payment = new PaymentEntity
        {
            PartitionKey = "mch_" + Guid.NewGuid().ToString("N")[..10],
            RowKey = "pay_" + Guid.NewGuid().ToString("N")[..24],
            MerchantOrderId = "order-1",
            Method = "wechat_pay.native",
            Channel = "wechat_pay",
            ChannelAccount = "main",
            Amount = 10_000,
            Currency = "CNY",
            Description = "Coffee",
            CreatedAt = createdAt,
            ExpiresAt = createdAt.AddMinutes(30),
        };
        shape(payment);
        Assert.IsType<PaymentInsert.Inserted>(await new PaymentStore(storage).CreateAsync(payment, CancellationToken.None));
        return payment;
    }
}
