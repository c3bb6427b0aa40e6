using System.Text;
using System.Xml.Linq;
using PayFunctions.Channels.BankTransfer;
using PayFunctions.Channels.Tests.UnionPay;
using PayFunctions.Domain;

namespace PayFunctions.Channels.Tests.BankTransfer;

/// <summary>The adapter: instructions at prepay, camt files into notifications, pain.001 refunds into the outbox.</summary>
public sealed class BankTransferChannelTests
{
    private static readonly Currency Eur = Currency.Parse("EUR");
    private static readonly string PaymentId = PlatformIds.At(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));
    private static readonly string Reference = PaymentReferences.ForOrder(PaymentId);
    private readonly RecordingOutbox outbox = new();

    [Fact]
    public async Task Prepay_shows_the_account_the_exact_amount_and_the_payments_reference()
    {
        var result = await Channel().PrepayAsync(
            new PrepayRequest(PaymentId, BankTransferModule.ReferenceMethod, new Money(12_50, Eur), "Order", DateTimeOffset.UnixEpoch, new Uri("https://p.example/n"), null),
            CancellationToken.None);

        Assert.Equal(PrepayStatus.Placed, result.Status);
        var instructions = Assert.IsType<DisplayTransferInstructions>(result.NextAction);
        Assert.Equal(new DisplayTransferInstructions("PayFunctions Ltd", CamtSamples.AccountIban, "COBADEFFXXX", new Money(12_50, Eur), Reference), instructions);
        Assert.Equal(NextActionType.DisplayTransferInstructions, instructions.Type);
    }

    [Fact]
    public async Task A_credit_quoting_the_reference_is_a_success_of_that_payment_with_the_payer_kept()
    {
        var notifications = await Read(CamtSamples.Notification(CamtSamples.Credit(CreditorReference.Grouped(Reference), "12.50")));

        var credit = Assert.Single(notifications);
        Assert.Equal(("AS-20261129-0001", PaymentId, ChannelTradeState.Succeeded, new Money(12_50, Eur)), (credit.EventId, credit.OutTradeNo, credit.State, credit.Amount));
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero), credit.PaidAt);
        Assert.Equal(CamtSamples.AccountIban, credit.MerchantId);
        Assert.StartsWith("AS-20261129-0001~" + CamtSamples.PayerIban + "~", credit.ChannelTradeNo, StringComparison.Ordinal);
        Assert.Equal(new ChannelPayer(CamtSamples.PayerIban, null, "FR", null) { Name = "Marie Dupont" }, credit.Payer);
        Assert.Null(credit.Refund);
    }

    [Fact]
    public async Task A_credit_from_an_account_that_is_no_iban_names_the_payer_by_name_alone()
    {
        var entry = CamtSamples.Credit(CreditorReference.Grouped(Reference), "12.50").Replace(CamtSamples.PayerIban, "FR14<b>2004", StringComparison.Ordinal);

        var credit = Assert.Single(await Read(CamtSamples.Notification(entry.Replace("<b>", "&lt;b&gt;", StringComparison.Ordinal))));

        Assert.Equal(ChannelTradeState.Succeeded, credit.State);
        Assert.Equal(new ChannelPayer(null, null, null, null) { Name = "Marie Dupont" }, credit.Payer);
    }

    [Theory]
    [InlineData("<Dbtr><Nm>  Jan   Jansen </Nm></Dbtr>", "Jan   Jansen")]
    [InlineData("<Dbtr><Pty><Nm>Jan&#x0A;Jansen</Nm></Pty></Dbtr>", null)]
    [InlineData("<Dbtr><Pty><Nm>4111 1111 1111 1111</Nm></Pty></Dbtr>", null)]
    [InlineData("", null)]
    public async Task The_debtors_name_is_read_where_either_camt_version_puts_it_and_dropped_when_malformed(string debtor, string? name)
    {
        var entry = CamtSamples.Credit(CreditorReference.Grouped(Reference), "12.50").Replace("<Dbtr><Pty><Nm>Marie Dupont</Nm></Pty></Dbtr>", debtor, StringComparison.Ordinal);

        var credit = Assert.Single(await Read(CamtSamples.Notification(entry)));

        Assert.Equal(new ChannelPayer(CamtSamples.PayerIban, null, "FR", null) { Name = name }, credit.Payer);
    }

    [Fact]
    public async Task A_reference_typed_into_free_text_is_found()
    {
        var text = "Invoice 77 " + CreditorReference.Grouped(Reference).ToLowerInvariant() + " thanks";

        var credit = Assert.Single(await Read(CamtSamples.Notification(CamtSamples.UnstructuredCredit(text, "12.50", "AS-2"))));

        Assert.Equal(PaymentId, credit.OutTradeNo);
    }

    [Fact]
    public async Task A_credit_with_a_mistyped_reference_names_no_payment_but_keeps_what_was_quoted()
    {
        var credit = Assert.Single(await Read(CamtSamples.Notification(CamtSamples.Credit("RF18539007547034", "3.00"))));

        Assert.Equal("RF18539007547034", credit.OutTradeNo);
        Assert.Equal(ChannelTradeState.Succeeded, credit.State);
    }

    [Fact]
    public async Task A_statement_repeats_the_credits_of_the_days_notifications_under_the_same_event_ids()
    {
        var entries = CamtSamples.Credit(Reference, "12.50") + CamtSamples.RefundDebit("re_0000000000000000000000ab", PaymentId, "2.00", "AS-DBIT-1");

        var fromNotification = await Read(CamtSamples.Notification(entries));
        var fromStatement = await Read(CamtSamples.Statement(entries));

        Assert.Equal(fromNotification.Select(n => n.EventId), fromStatement.Select(n => n.EventId));
        Assert.Equal(fromNotification.Select(n => n.ChannelTradeNo), fromStatement.Select(n => n.ChannelTradeNo));
    }

    [Fact]
    public async Task A_debit_naming_a_refund_reports_that_refund_executed()
    {
        var notification = Assert.Single(await Read(CamtSamples.Notification(CamtSamples.RefundDebit("re_0000000000000000000000ab", PaymentId, "2.00", "AS-DBIT-1"))));

        Assert.Equal(PaymentId, notification.OutTradeNo);
        Assert.Equal(new ChannelRefund("re_0000000000000000000000ab", ChannelRefundState.Succeeded, "AS-DBIT-1", new Money(2_00, Eur), new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero)), notification.Refund);
    }

    [Fact]
    public async Task Pending_entries_are_not_money_yet()
    {
        Assert.Empty(await Read(CamtSamples.Notification(CamtSamples.Pending("12.50"))));
    }

    [Theory]
    [InlineData("<Document")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e "x">]><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"/>""")]
    [InlineData("""<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"><CstmrCdtTrfInitn/></Document>""")]
    public async Task A_file_that_is_not_a_camt_document_is_rejected_whole(string text)
    {
        var error = await Assert.ThrowsAsync<ChannelNotificationException>(() => Read(Encoding.UTF8.GetBytes(text)));

        Assert.Equal("file_malformed", error.Reason);
        Assert.False(error.IsAuthenticationFailure);
    }

    [Theory]
    [InlineData("12.505")] // more decimals than the euro has
    [InlineData("-12.50")]
    [InlineData("1.2e1")]
    [InlineData("0.00")]
    public async Task One_bad_amount_rejects_the_whole_file(string amount)
    {
        var entries = CamtSamples.Credit(Reference, "12.50") + CamtSamples.Credit(Reference, amount, "AS-2");

        var error = await Assert.ThrowsAsync<ChannelNotificationException>(() => Read(CamtSamples.Notification(entries)));

        Assert.Equal("file_malformed", error.Reason);
    }

    [Fact]
    public async Task A_file_about_another_account_is_not_this_accounts()
    {
        var error = await Assert.ThrowsAsync<ChannelNotificationException>(
            () => Read(CamtSamples.Notification(CamtSamples.Credit(Reference, "12.50"), iban: "GB82WEST12345698765432")));

        Assert.True(error.IsAuthenticationFailure);
    }

    [Fact]
    public async Task A_refund_leaves_one_pain001_transfer_back_to_the_payers_account()
    {
        var credit = Assert.Single(await Read(CamtSamples.Notification(CamtSamples.Credit(Reference, "12.50"))));
        var request = new ChannelRefundRequest(PaymentId, "re_0000000000000000000000ab", new Money(5_00, Eur), new Money(12_50, Eur), "Returned goods", new Uri("https://p.example/n"))
        {
            ChannelTradeNo = credit.ChannelTradeNo,
        };

        var refund = await Channel().RefundAsync(request, CancellationToken.None);
        await Channel().RefundAsync(request, CancellationToken.None);

        Assert.Equal(ChannelRefundState.Processing, refund.State);
        var (name, content) = Assert.Single(outbox.Files);
        Assert.Equal("re_0000000000000000000000ab.xml", name);
        XNamespace x = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";
        var document = XDocument.Parse(Encoding.UTF8.GetString(content));
        var transfer = document.Descendants(x + "CdtTrfTxInf").Single();
        Assert.Equal("re_0000000000000000000000ab", transfer.Element(x + "PmtId")!.Element(x + "EndToEndId")!.Value);
        Assert.Equal(PaymentId, transfer.Element(x + "PmtId")!.Element(x + "InstrId")!.Value);
        Assert.Equal("5.00", transfer.Element(x + "Amt")!.Element(x + "InstdAmt")!.Value);
        Assert.Equal("EUR", transfer.Element(x + "Amt")!.Element(x + "InstdAmt")!.Attribute("Ccy")!.Value);
        Assert.Equal(CamtSamples.PayerIban, transfer.Element(x + "CdtrAcct")!.Descendants(x + "IBAN").Single().Value);
        Assert.Equal("Marie Dupont", transfer.Element(x + "Cdtr")!.Element(x + "Nm")!.Value);
        Assert.Equal(CamtSamples.AccountIban, document.Descendants(x + "DbtrAcct").Single().Descendants(x + "IBAN").Single().Value);
        Assert.Equal("5.00", document.Descendants(x + "GrpHdr").Single().Element(x + "CtrlSum")!.Value);
    }

    [Fact]
    public async Task A_credit_without_the_payers_account_cannot_be_refunded()
    {
        var request = new ChannelRefundRequest(PaymentId, "re_0000000000000000000000ab", new Money(5_00, Eur), new Money(12_50, Eur), null, new Uri("https://p.example/n"))
        {
            ChannelTradeNo = "AS-20261129-0001",
        };

        var error = await Assert.ThrowsAsync<ChannelException>(() => Channel().RefundAsync(request, CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Empty(outbox.Files);
    }

    [Fact]
    public async Task Closing_the_reference_sends_nothing_and_callbacks_are_never_the_banks()
    {
        Assert.Equal(CloseOutcome.Closed, await Channel().CloseAsync(new ChannelOrderRef(PaymentId), CancellationToken.None));
        Assert.True(Assert.Throws<ChannelNotificationException>(() => Channel().ParseNotification(new Dictionary<string, string>(), "x"u8)).IsAuthenticationFailure);
    }

    [Fact]
    public async Task The_module_reads_a_statement_into_payment_refund_and_other_lines()
    {
        var entries = CamtSamples.Credit(Reference, "12.50") + CamtSamples.RefundDebit("re_0000000000000000000000ab", PaymentId, "2.00", "AS-DBIT-1")
            + CamtSamples.Credit("RF18539007547034", "3.00", "AS-UNKNOWN");

        var lines = new List<ChannelStatementLine>();
        await foreach (var line in new BankTransferModule().ReadAsync(new MemoryStream(CamtSamples.Statement(entries)), CancellationToken.None))
        {
            lines.Add(line);
        }

        Assert.Equal(
            [(ChannelStatementLineType.Payment, PaymentId, (string?)null, 12_50L), (ChannelStatementLineType.Refund, PaymentId, "re_0000000000000000000000ab", 2_00L), (ChannelStatementLineType.Payment, null, null, 3_00L)],
            lines.Select(l => (l.Type, l.OutTradeNo, l.OutRefundNo, l.Amount.MinorUnits)));
    }

    [Theory]
    [InlineData("DE89370400440532013001", null)]
    [InlineData("DE89370400440532013000", "COBA")]
    public void An_account_with_a_wrong_iban_or_bic_fails_when_it_is_built(string iban, string? bic)
    {
        var settings = new Dictionary<string, string> { ["Iban"] = iban, ["HolderName"] = "PayFunctions Ltd" };
        if (bic is not null)
        {
            settings["Bic"] = bic;
        }

        Assert.Throws<ArgumentException>(() => new BankTransferModule().Create(new ChannelAccount("main", settings, new Dictionary<string, string>()), new HttpClient(), TimeProvider.System));
    }

    private IPaymentChannel Channel() => new BankTransferModule().Create(
        new ChannelAccount(
            "main",
            new Dictionary<string, string> { ["Iban"] = "DE89 3704 0044 0532 0130 00", ["HolderName"] = "PayFunctions Ltd", ["Bic"] = "COBADEFFXXX" },
            new Dictionary<string, string>()) { Outbox = outbox },
        new HttpClient(),
        TimeProvider.System);

    private Task<IReadOnlyList<ChannelNotification>> Read(byte[] file) =>
        ((IChannelNotificationFiles)Channel()).ReadAsync(new MemoryStream(file), CancellationToken.None);

    private sealed class RecordingOutbox : IChannelOutbox
    {
        public List<(string Name, byte[] Content)> Files { get; } = [];

        public Task<bool> PutAsync(string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
        {
            if (Files.Any(f => f.Name == fileName))
            {
                return Task.FromResult(false);
            }

            Files.Add((fileName, content.ToArray()));
            return Task.FromResult(true);
        }
    }
}
