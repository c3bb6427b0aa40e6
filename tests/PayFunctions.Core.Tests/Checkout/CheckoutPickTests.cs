using System.Net;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PayFunctions.Core.Aml;
using PayFunctions.Core.Checkout;
using PayFunctions.Core.Fx;
using PayFunctions.Core.Http;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Reports;
using PayFunctions.Core.Routing;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Tests.Routing;
using PayFunctions.Core.Tests.Secrets;
using PayFunctions.Core.Tests.Storage;
using PayFunctions.Domain;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Tests.Checkout;

[Collection(AzuriteCollection.Name)]
public sealed class CheckoutPickTests(AzuriteFixture azurite)
{
    private const string Method = "wechat_pay.native";
    private static readonly ChannelAccountId Main = new("wechat_pay", "main");

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 1, 4, 0, 0, TimeSpan.Zero));
    private readonly string merchant = "mch_" + Guid.NewGuid().ToString("N")[..16];
    private readonly Mock<DurableTaskClient> durable = new("test");

    [Fact]
    public async Task Repeated_picks_of_one_payment_are_routed_counted_and_handed_on_once()
    {
        var (checkout, usage, payment) = await ArrangeAsync();

        for (var i = 0; i < 20; i++)
        {
            Assert.True(await PickAsync(checkout, payment));
        }

        Assert.Equal(new RoutingUsageSnapshot(1999, 1, 1), usage.Get(merchant, Main, time.GetUtcNow(), TimeSpan.FromHours(8)));
        durable.Verify(
            d => d.RaiseEventAsync(payment.Id, CheckoutEvents.MethodChosen, It.Is<MethodChoice>(c => c.Method == Method && c.ChannelAccount == "main"), It.IsAny<CancellationToken>()),
            Times.Once);
    }

    [Fact]
    public async Task The_region_of_the_payer_whose_pick_is_taken_is_written_on_the_payment()
    {
        var (checkout, _, payment) = await ArrangeAsync();

        // 192.0.2.0/25 is Guangdong in the shipped database; the address itself is not kept.
        Assert.True(await checkout.ChooseAsync(payment, Method, "https://pay.example/api/checkout/x", IPAddress.Parse("192.0.2.9"), durable.Object, CancellationToken.None));

        var stored = (await new PaymentStore(azurite.Storage).GetAsync(merchant, payment.Id, CancellationToken.None))!;
        Assert.Equal("CN-GD", stored.PayerRegion);
    }

    [Fact]
    public async Task A_pick_after_the_payment_took_its_method_costs_nothing()
    {
        var (checkout, usage, payment) = await ArrangeAsync();
        await new PaymentStore(azurite.Storage).UpdateAsync(merchant, payment.Id, p =>
        {
            p.Method = Method;
            return true;
        }, CancellationToken.None);

        Assert.True(await PickAsync(checkout, payment));

        Assert.Equal(default, usage.Get(merchant, Main, time.GetUtcNow(), TimeSpan.FromHours(8)));
        durable.Verify(
            d => d.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_pick_whose_hand_over_failed_can_be_made_again_and_is_counted_once()
    {
        var (checkout, usage, payment) = await ArrangeAsync();
        durable.SetupSequence(d => d.RaiseEventAsync(payment.Id, CheckoutEvents.MethodChosen, It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("the task hub did not answer"))
            .Returns(Task.CompletedTask);

        await Assert.ThrowsAsync<InvalidOperationException>(() => PickAsync(checkout, payment));
        Assert.Equal(default, usage.Get(merchant, Main, time.GetUtcNow(), TimeSpan.FromHours(8)));
        Assert.True(await PickAsync(checkout, payment));

        Assert.Equal(1, usage.Get(merchant, Main, time.GetUtcNow(), TimeSpan.FromHours(8)).DayCount);
    }

    [Fact]
    public async Task A_claim_an_instance_never_handed_on_lapses_so_the_payment_can_still_take_a_pick()
    {
        var (checkout, usage, payment) = await ArrangeAsync();
        Assert.True(await new CheckoutPicks(new PaymentStore(azurite.Storage), time).TakeAsync(payment, Method, null, CancellationToken.None));

        time.Advance(CheckoutPicks.ClaimLease - TimeSpan.FromSeconds(1));
        Assert.True(await PickAsync(checkout, payment));
        durable.Verify(
            d => d.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await PickAsync(checkout, payment));
        Assert.Equal(1, usage.Get(merchant, Main, time.GetUtcNow(), TimeSpan.FromHours(8)).DayCount);
        durable.Verify(
            d => d.RaiseEventAsync(payment.Id, CheckoutEvents.MethodChosen, It.IsAny<MethodChoice>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    private Task<bool> PickAsync(CheckoutEndpoints checkout, PaymentEntity payment) =>
        checkout.ChooseAsync(payment, Method, "https://pay.example/api/checkout/x", IPAddress.Loopback, durable.Object, CancellationToken.None);

    private async Task<(CheckoutEndpoints Checkout, RoutingUsage Usage, PaymentEntity Payment)> ArrangeAsync()
    {
        var storage = azurite.Storage;
        var (channels, usage, router) = TestRouting.Over(new ConfigurationBuilder().AddInMemoryCollection(TestRouting.Account("main")).Build(), storage, time);
        var payments = new PaymentStore(storage);
        var sealing = new PayerSealing(new SecretEnvelope(VersionedSecrets.WithKeyEncryptionKey()));
        var regions = new IpRegions(storage, time, NullLogger<IpRegions>.Instance);
        var starter = new PaymentStarter(
            channels, router, payments, new FxQuotes(new FxRatesStore(storage), Options.Create(new FxOptions()), time),
            sealing, new PayerPseudonyms(Mock.Of<ISecretStore>()), regions, time, Options.Create(new PaymentOptions()), NullLogger<PaymentStarter>.Instance);
        var checkout = new CheckoutEndpoints(
            new CheckoutLinks(Mock.Of<ISecretStore>(), Options.Create(new ApiOptions())), router, new CheckoutPicks(payments, time), payments, starter, sealing, regions,
            new PaymentProgress(), time, NullLogger<CheckoutEndpoints>.Instance);
        var inserted = await payments.CreateAsync(
            new PaymentEntity
            {
                PartitionKey = merchant,
                RowKey = "pay_" + Guid.NewGuid().ToString("N")[..24],
                MerchantOrderId = "order-1",
                Method = CheckoutMethods.Name,
                Amount = 1999,
                Currency = "CNY",
                Status = nameof(PaymentStatus.RequiresAction),
                CreatedAt = time.GetUtcNow(),
                ExpiresAt = time.GetUtcNow().AddHours(1),
                PaymentMethodTypes = Method,
            },
            CancellationToken.None);
        return (checkout, usage, Assert.IsType<PaymentInsert.Inserted>(inserted).Payment);
    }
}
