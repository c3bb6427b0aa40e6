using System.Text.Json;
using PayFunctions.Channels;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Screening;
using PayFunctions.Core.Tests.Screening;
using PayFunctions.Core.Tests.Secrets;
using PayFunctions.Domain;

namespace PayFunctions.Core.Tests.Payments;

public sealed class ChannelPayerIntakeTests
{
    private const string OpenId = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";
    private static readonly DateTimeOffset PaidAt = new(2026, 3, 1, 12, 1, 2, TimeSpan.FromHours(8));

    [Fact]
    public async Task A_query_answer_enters_with_the_account_hashed_and_the_rest_clear()
    {
        var order = new ChannelOrder("pay_1", ChannelTradeState.Succeeded, "4200000001", new Money(1999, Currency.Cny), PaidAt)
        {
            Payer = new ChannelPayer(OpenId, "CMC", "CN", "Xt5EWLLDS7FJjR1c"),
        };

        var paid = await Intake(WithPepper("pepper-1")).EventOfAsync(order, "mch_1", "pay_1", CancellationToken.None);

        Assert.Equal(new ChannelPaymentEvent("4200000001", ChannelTradeState.Succeeded, PaidAt, 1999, "CNY") { Payer = paid.Payer }, paid);
        Assert.Equal(new ChannelPayer(Hex(OpenId, "pepper-1"), "CMC", "CN", "Xt5EWLLDS7FJjR1c"), paid.Payer);
        Assert.DoesNotContain(OpenId, JsonSerializer.Serialize(paid), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_notification_enters_with_the_same_hash_as_a_query_of_the_same_payer()
    {
        var intake = Intake(WithPepper("pepper-1"));
        var notification = new ChannelNotification(
            "wechat_pay", "EV-1", "TRANSACTION.SUCCESS", "1900000001", "wx1", "pay_1", "4200000001", ChannelTradeState.Succeeded, new Money(1999, Currency.Cny), PaidAt)
        {
            Payer = new ChannelPayer(OpenId, "OTHERS", null, null),
        };
        var order = new ChannelOrder("pay_2", ChannelTradeState.Succeeded, "4200000002", new Money(500, Currency.Cny), PaidAt) { Payer = new ChannelPayer(OpenId, null, null, null) };

        var notified = await intake.EventOfAsync(notification, "mch_1", "pay_1", CancellationToken.None);
        var queried = await intake.EventOfAsync(order, "mch_1", "pay_2", CancellationToken.None);

        Assert.Equal(new ChannelPaymentEvent("4200000001", ChannelTradeState.Succeeded, PaidAt, 1999, "CNY") { Payer = notified.Payer }, notified);
        Assert.Equal(queried.Payer!.Account, notified.Payer!.Account);
        Assert.Equal("OTHERS", notified.Payer.Bank);
    }

    [Fact]
    public async Task Another_pepper_gives_another_hash()
    {
        var payer = new ChannelPayer(OpenId, null, null, null);

        var first = await Intake(WithPepper("pepper-1")).HashAsync(payer, CancellationToken.None);
        var second = await Intake(WithPepper("pepper-2")).HashAsync(payer, CancellationToken.None);

        Assert.NotEqual(first!.Account, second!.Account);
    }

    [Fact]
    public async Task A_payer_without_an_account_needs_no_pepper_and_is_carried_as_it_is()
    {
        var intake = Intake(new VersionedSecrets());
        var payer = new ChannelPayer(null, "visa/credit", "US", "Xt5EWLLDS7FJjR1c");

        Assert.Equal(payer, await intake.HashAsync(payer, CancellationToken.None));
        Assert.Null(await intake.HashAsync(null, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => intake.HashAsync(payer with { Account = OpenId }, CancellationToken.None));
    }

    [Fact]
    public void The_payer_survives_the_trip_through_durable_history()
    {
        var paid = new ChannelPaymentEvent("4200000001", ChannelTradeState.Succeeded, PaidAt, 1999, "CNY") { Payer = new ChannelPayer("ab12", "CMC", "CN", null) };

        Assert.Equal(paid, JsonSerializer.Deserialize<ChannelPaymentEvent>(JsonSerializer.Serialize(paid)));
    }

    [Fact]
    public async Task A_payers_name_is_screened_as_the_payments_payer_and_dropped_the_event_saying_only_that_it_hit()
    {
        var screener = new RecordingScreener { Status = ScreeningHitStatuses.PendingReview };
        var notification = new ChannelNotification(
            "bank_transfer", "AS-1", "CREDIT", "DE89370400440532013000", "", "pay_1", "AS-1", ChannelTradeState.Succeeded, new Money(12_000, Currency.Parse("EUR")), PaidAt)
        {
            Payer = new ChannelPayer("FR1420041010050500013M02606", null, "FR", null) { Name = "Marie Dupont" },
        };

        var paid = await new ChannelPayerIntake(WithPepper("pepper-1"), screener).EventOfAsync(notification, "mch_1", "pay_1", CancellationToken.None);

        Assert.Equal(ScreenedParty.Payer("mch_1", "pay_1", "Marie Dupont"), Assert.Single(screener.Asked));
        Assert.Equal(new ChannelPayer(Hex("FR1420041010050500013M02606", "pepper-1"), null, "FR", null), paid.Payer);
        Assert.True(paid.PayerSanctionsHit);
        Assert.DoesNotContain("Dupont", JsonSerializer.Serialize(paid), StringComparison.Ordinal);
        Assert.True(JsonSerializer.Deserialize<ChannelPaymentEvent>(JsonSerializer.Serialize(paid))!.PayerSanctionsHit);
    }

    [Theory]
    [InlineData(ScreeningHitStatuses.Confirmed, true)]
    [InlineData(ScreeningHitStatuses.Dismissed, false)]
    [InlineData(null, false)]
    public async Task Only_a_hit_pending_review_or_confirmed_is_a_hit_and_a_payer_named_and_nothing_else_enters_as_none(string? status, bool hit)
    {
        var screener = new RecordingScreener { Status = status };
        var order = new ChannelOrder("pay_1", ChannelTradeState.Succeeded, "4200000001", new Money(1999, Currency.Cny), PaidAt)
        {
            Payer = new ChannelPayer(null, null, null, null) { Name = "Marie Dupont" },
        };

        var paid = await new ChannelPayerIntake(new VersionedSecrets(), screener).EventOfAsync(order, null, "pay_1", CancellationToken.None);

        Assert.Equal(new ScreenedParty(ScreenedPartyTypes.Payer, "pay_1", "", "Marie Dupont"), Assert.Single(screener.Asked));
        Assert.Equal(hit, paid.PayerSanctionsHit);
        Assert.Null(paid.Payer);
    }

    [Fact]
    public async Task A_payer_without_a_name_is_not_screened()
    {
        var screener = new RecordingScreener { Status = ScreeningHitStatuses.PendingReview };
        var order = new ChannelOrder("pay_1", ChannelTradeState.Succeeded, "4200000001", new Money(1999, Currency.Cny), PaidAt) { Payer = new ChannelPayer(null, "CMC", null, null) };

        var paid = await new ChannelPayerIntake(new VersionedSecrets(), screener).EventOfAsync(order, "mch_1", "pay_1", CancellationToken.None);

        Assert.Empty(screener.Asked);
        Assert.False(paid.PayerSanctionsHit);
    }

    private static ChannelPayerIntake Intake(VersionedSecrets secrets) => new(secrets, new RecordingScreener());

    private static VersionedSecrets WithPepper(string pepper)
    {
        var secrets = new VersionedSecrets();
        secrets.AddVersion(ApiKeyHasher.PepperSecretName, "1", pepper);
        return secrets;
    }

    /// <summary>HMAC-SHA256 of the account under the key HKDF derives from the pepper for payers' accounts, computed apart from the code under test.</summary>
    private static string Hex(string account, string pepper)
    {
        var key = System.Security.Cryptography.HKDF.DeriveKey(
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Text.Encoding.UTF8.GetBytes(pepper), 32, salt: [], info: System.Text.Encoding.ASCII.GetBytes("payfunctions payer account v1"));
        return Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(key, System.Text.Encoding.UTF8.GetBytes(account)));
    }
}
