using System.Text;
using ChannelSandbox.BankTransfer;
using PayFunctions.Channels;
using PayFunctions.Channels.BankTransfer;
using PayFunctions.Domain;

namespace ChannelSandbox.Tests.BankTransfer;

/// <summary>
/// The simulated bank's files against the adapter, both ways: what the bank reports the adapter reads as the same money,
/// and what the adapter instructs the bank executes (or refuses, as a bank's file validation would).
/// </summary>
public sealed class BankFilesTests
{
    private const string PayerIban = "FR1420041010050500013M02606";
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
    private static readonly string PaymentId = "pay_" + "zzzzkxq2g1a0" + "r4nd0mt41l00";
    private readonly Outbox outbox = new();

    [Fact]
    public async Task A_credit_reported_by_notification_and_statement_reads_as_one_movement_of_the_payment()
    {
        var instructions = (DisplayTransferInstructions)(await Adapter().PrepayAsync(
            new PrepayRequest(PaymentId, BankTransferModule.ReferenceMethod, new Money(12_000, Currency.Parse("EUR")), "x", Now, new Uri("https://p.example/"), null),
            CancellationToken.None)).NextAction!;
        var credit = Credit("SBX1", instructions.Reference, 12_000);

        var notified = Assert.Single(await ReadAsync(CamtFiles.Notification("N1", [credit], BankLedger.AccountIban, Now)));
        var stated = Assert.Single(await ReadAsync(CamtFiles.Statement("S1", [credit], BankLedger.AccountIban, Now)));

        Assert.Equal((PaymentId, "SBX1", 12_000L), (notified.OutTradeNo, notified.EventId, notified.Amount.MinorUnits));
        Assert.Equal(notified, stated);
    }

    [Fact]
    public async Task The_adapters_refund_instruction_is_executed_and_its_debit_reads_as_that_refund()
    {
        var credit = Assert.Single(await ReadAsync(CamtFiles.Notification("N1", [Credit("SBX1", "RF18539007547034", 12_000)], BankLedger.AccountIban, Now)));
        await Adapter().RefundAsync(
            new ChannelRefundRequest(PaymentId, "re_zzzzkxq2g1a0r4nd0mt41l01", new Money(4_000, Currency.Parse("EUR")), new Money(12_000, Currency.Parse("EUR")), null, new Uri("https://p.example/"))
            {
                ChannelTradeNo = credit.ChannelTradeNo,
            },
            CancellationToken.None);

        var transfer = Assert.Single(CreditTransferInstructions.Read(outbox.Files.Single().Value, BankLedger.AccountIban));
        Assert.Equal(("re_zzzzkxq2g1a0r4nd0mt41l01", PaymentId, 4_000L, PayerIban, "Sandbox Payer"), (transfer.EndToEndId, transfer.InstructionId, transfer.Amount, transfer.CreditorIban, transfer.CreditorName));

        var debit = new BankMovement("SBX2", false, transfer.Amount, "EUR", DateOnly.FromDateTime(Now.UtcDateTime), transfer.CreditorName, transfer.CreditorIban, null, null, transfer.EndToEndId, transfer.InstructionId, false);
        var reported = Assert.Single(await ReadAsync(CamtFiles.Notification("N2", [debit], BankLedger.AccountIban, Now)));
        Assert.Equal(PaymentId, reported.OutTradeNo);
        Assert.Equal(("re_zzzzkxq2g1a0r4nd0mt41l01", ChannelRefundState.Succeeded, 4_000L), (reported.Refund!.OutRefundNo, reported.Refund.State, reported.Refund.Amount!.Value.MinorUnits));
    }

    [Fact]
    public void The_bank_refuses_an_instruction_from_another_account_or_with_a_wrong_control_sum()
    {
        var file = Encoding.UTF8.GetString(Pain001());

        Assert.Throws<FormatException>(() => CreditTransferInstructions.Read(Pain001(), "GB82WEST12345698765432"));
        Assert.Throws<FormatException>(() => CreditTransferInstructions.Read(Encoding.UTF8.GetBytes(file.Replace("<CtrlSum>40.00</CtrlSum>", "<CtrlSum>41.00</CtrlSum>", StringComparison.Ordinal)), BankLedger.AccountIban));
        Assert.Single(CreditTransferInstructions.Read(Pain001(), BankLedger.AccountIban));
    }

    private byte[] Pain001()
    {
        var credit = new ChannelRefundRequest(PaymentId, "re_zzzzkxq2g1a0r4nd0mt41l01", new Money(4_000, Currency.Parse("EUR")), new Money(12_000, Currency.Parse("EUR")), null, new Uri("https://p.example/"))
        {
            ChannelTradeNo = "SBX1~" + PayerIban + "~U2FuZGJveCBQYXllcg",
        };
        Adapter().RefundAsync(credit, CancellationToken.None).GetAwaiter().GetResult();
        return outbox.Files.Single().Value;
    }

    private static BankMovement Credit(string reference, string quoted, long amount) =>
        new(reference, true, amount, "EUR", DateOnly.FromDateTime(Now.UtcDateTime), "Sandbox Payer", PayerIban, quoted, null, null, null, false);

    private IPaymentChannel Adapter() => new BankTransferModule().Create(
        new ChannelAccount("main", new Dictionary<string, string> { ["Iban"] = BankLedger.AccountIban, ["HolderName"] = "PayFunctions Sandbox" }, new Dictionary<string, string>())
        {
            Outbox = outbox,
        },
        new HttpClient(),
        TimeProvider.System);

    private async Task<IReadOnlyList<ChannelNotification>> ReadAsync(byte[] file) =>
        await ((IChannelNotificationFiles)Adapter()).ReadAsync(new MemoryStream(file), CancellationToken.None);

    private sealed class Outbox : IChannelOutbox
    {
        public Dictionary<string, byte[]> Files { get; } = [];

        public Task<bool> PutAsync(string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
            Task.FromResult(Files.TryAdd(fileName, content.ToArray()));
    }
}
