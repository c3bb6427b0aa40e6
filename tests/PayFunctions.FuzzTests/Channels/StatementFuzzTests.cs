using PayFunctions.FuzzTargets;
using PayFunctions.FuzzTests.Harness;

namespace PayFunctions.FuzzTests.Channels;

/// <summary>
/// The channels' statement files (<see cref="StatementTargets"/>): each seed is read with its lines, and every
/// mutation is read to the end or refused with the documented <see cref="FormatException"/>.
/// </summary>
public sealed class StatementFuzzTests(FuzzLog output) : IClassFixture<FuzzLog>
{
    private const int Cases = 3_000;

    [Fact]
    public void PayPal() => Run("statement_paypal");

    [Fact]
    public void Stripe() => Run("statement_stripe");

    [Fact]
    public void AlipayPlus() => Run("statement_alipay_plus");

    [Fact]
    public void BankTransfer() => Run("statement_bank_transfer");

    [Fact]
    public void WeChatPay() => Run("statement_wechat_pay");

    [Fact]
    public void Alipay() => Run("statement_alipay");

    [Fact]
    public void UnionPay() => Run("statement_unionpay");

    private void Run(string target)
    {
        using var call = FuzzTargetTable.Named(target).Open();
        var seeds = Corpus.Seeds(target);
        Assert.NotEmpty(seeds);
        Assert.All(seeds, seed => Assert.True(call.Run(seed)));

        Fuzz.Run(output, target, Cases, Corpus.All(target), Mutations.Of(seeds), file => call.Run(file), b => Convert.ToBase64String(b));
    }
}
