using PayFunctions.Channels;
using PayFunctions.Channels.AlipayPlus;
using PayFunctions.Channels.BankTransfer;
using PayFunctions.Channels.PayPal;
using PayFunctions.Channels.Stripe;
using PayFunctions.Channels.WeChatPay;
using PayFunctions.FuzzTests.Harness;

namespace PayFunctions.FuzzTests.Channels;

/// <summary>
/// The channels' statement files (reconciliation input, written by someone else): each is read to the end or refused
/// with the documented <see cref="FormatException"/>, whatever its bytes.
/// </summary>
public sealed class StatementFuzzTests(FuzzLog output) : IClassFixture<FuzzLog>
{
    private const int Cases = 3_000;

    [Fact]
    public void PayPal() => Run("statement_paypal", new PayPalModule());

    [Fact]
    public void Stripe() => Run("statement_stripe", new StripeModule());

    [Fact]
    public void AlipayPlus() => Run("statement_alipay_plus", new AlipayPlusModule());

    [Fact]
    public void BankTransfer() => Run("statement_bank_transfer", new BankTransferModule());

    [Fact]
    public void WeChatPay() => Run("statement_wechat_pay", new WeChatPayModule());

    private void Run(string target, IChannelStatementFormat format)
    {
        var seeds = Corpus.Seeds(target);
        Assert.NotEmpty(seeds);
        foreach (var seed in seeds)
        {
            Assert.NotEmpty(Read(format, seed));
        }

        Fuzz.Run(output, target, Cases, Corpus.All(target), Mutations.Of(seeds), file =>
        {
            try
            {
                Read(format, file);
            }
            catch (FormatException)
            {
            }
        }, b => Convert.ToBase64String(b));
    }

    private static List<ChannelStatementLine> Read(IChannelStatementFormat format, byte[] file) =>
        format.ReadAsync(new MemoryStream(file), CancellationToken.None).ToBlockingEnumerable().ToList();
}
