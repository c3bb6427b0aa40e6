using PayFunctions.Domain;

namespace PayFunctions.Channels.BankTransfer;

/// <summary>
/// One bank account of the platform. Nothing is sent to the bank to place an order: the payment's reference is computed
/// from its id and the payer is shown the account, the amount and the reference. Credits arrive as camt files; refunds
/// leave as pain.001 files. The bank has no API to ask, so there is no query: what the platform knows of a transfer is
/// what the files it ingested say.
/// </summary>
internal sealed class BankTransferChannel(BankTransferAccount account, IChannelOutbox? outbox, TimeProvider time) : IPaymentChannel, IChannelNotificationFiles
{
    /// <summary>The event type of a credit to the account.</summary>
    public const string CreditEvent = "CRDT";

    /// <summary>The event type of a debit from the account (a refund executed) or of a refund returned.</summary>
    public const string RefundEvent = "REFUND";

    /// <inheritdoc />
    public string Name => BankTransferModule.ChannelName;

    /// <inheritdoc />
    public long MaxFileBytes => BankTransferModule.MaxFileBytes;

    /// <inheritdoc />
    public ChannelReply SuccessReply { get; } = new(200, "text/plain", "OK");

    /// <inheritdoc />
    public Task<PrepayResult> PrepayAsync(PrepayRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method != BankTransferModule.ReferenceMethod)
        {
            throw new ChannelException($"Bank transfer has no method '{request.Method}'.", "METHOD_UNSUPPORTED", null, isTransient: false);
        }

        string reference;
        try
        {
            reference = PaymentReferences.ForOrder(request.OutTradeNo);
        }
        catch (ArgumentException e)
        {
            throw new ChannelException("The order number cannot be turned into a transfer reference.", "ORDER_NUMBER_INVALID", null, isTransient: false, e);
        }

        return Task.FromResult(PrepayResult.Placed(new DisplayTransferInstructions(account.HolderName, account.Iban, account.Bic, request.Amount, reference)));
    }

    /// <inheritdoc />
    public Task<ChannelOrder> QueryAsync(ChannelOrderRef order, CancellationToken cancellationToken) =>
        throw new NotSupportedException("A bank has no order to ask about: credits are known from the files it reports.");

    /// <summary>
    /// The reference is the platform's, not the bank's: closing it is the platform's own decision, and any credit quoting
    /// it afterwards is a late payment. Nothing is sent.
    /// </summary>
    public Task<CloseOutcome> CloseAsync(ChannelOrderRef order, CancellationToken cancellationToken) => Task.FromResult(CloseOutcome.Closed);

    /// <summary>
    /// A refund is a credit transfer back to the account the money came from: a pain.001 left in the outbox under the
    /// refund's number, so a repeat finds it there and leaves it. It is processing until the bank reports it booked.
    /// </summary>
    public async Task<ChannelRefund> RefundAsync(ChannelRefundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (outbox is null)
        {
            throw new InvalidOperationException("Bank transfer refunds need the platform's outbox.");
        }

        if (!PayerAccounts.TryParse(request.ChannelTradeNo, out var iban, out var name))
        {
            throw new ChannelException("The credit does not name the payer's account, so it cannot be sent back.", "PAYER_ACCOUNT_UNKNOWN", null, isTransient: false);
        }

        var transfer = new OutgoingTransfer(
            request.OutRefundNo, request.OutTradeNo, request.Amount, name, iban, $"Refund {request.OutRefundNo} {request.Reason}".Trim());
        await outbox.PutAsync(request.OutRefundNo + ".xml", Pain001Writer.Write(transfer, account, time.GetUtcNow()), cancellationToken);
        return new ChannelRefund(request.OutRefundNo, ChannelRefundState.Processing, null, null, null);
    }

    /// <summary>The bank posts nothing: every callback to the notify route is refused as not the bank's.</summary>
    public ChannelNotification ParseNotification(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body) =>
        throw ChannelNotificationException.Unauthenticated("bank_sends_files_only");

    /// <inheritdoc />
    public ChannelReply FailureReply(string message) => new(400, "text/plain", message);

    /// <inheritdoc />
    public async Task<IReadOnlyList<ChannelNotification>> ReadAsync(Stream file, CancellationToken cancellationToken)
    {
        BankReport report;
        try
        {
            using var copy = new MemoryStream();
            await file.CopyToAsync(copy, cancellationToken);
            copy.Position = 0;
            report = CamtReader.Read(copy, MaxFileBytes);
        }
        catch (FormatException e)
        {
            throw new ChannelNotificationException("file_malformed", e);
        }

        if (report.AccountIban != account.Iban)
        {
            throw ChannelNotificationException.Unauthenticated("account_mismatch");
        }

        return [.. report.Entries.Select(Notification).OfType<ChannelNotification>()];
    }

    private ChannelNotification? Notification(BankEntry entry)
    {
        var refundOf = entry.EndToEndId is not null && PaymentReferences.IsOrderNumber(entry.InstructionId) ? entry.InstructionId : null;
        if (refundOf is not null && (!entry.IsCredit || entry.IsReturn))
        {
            // A debit naming a refund is the refund executed; a credit returning it is the refund failed (the payer's account refused it).
            var state = entry.IsCredit ? ChannelRefundState.Failed : ChannelRefundState.Succeeded;
            var refund = new ChannelRefund(entry.EndToEndId!, state, entry.Reference, entry.Amount, entry.BookedOn);
            return Notification(entry, RefundEvent, refundOf, entry.Reference, ChannelTradeState.Refunded) with { Refund = refund };
        }

        if (!entry.IsCredit || entry.IsReturn)
        {
            return null;
        }

        // An unmatched credit keeps what the payer quoted (at most a reference's length) for whoever looks into it.
        var order = BankTransferModule.PaymentOrder(entry) ?? entry.CreditorReference ?? string.Empty;
        var debtorIban = entry.DebtorIban is { } iban && Iban.TryNormalize(iban, out var normalized) ? normalized : null;
        var tradeNo = debtorIban is not null && entry.DebtorName is { } name
            ? PayerAccounts.TradeNo(entry.Reference, debtorIban, name)
            : entry.Reference;

        // The payer is the account the money came from (DbtrAcct's IBAN), the country that IBAN was issued in (its first
        // two letters) and the debtor's name (Dbtr/Nm).
        return Notification(entry, CreditEvent, order, tradeNo, ChannelTradeState.Succeeded) with
        {
            Payer = ChannelPayers.From(debtorIban, null, debtorIban?[..2], null, entry.DebtorName),
        };
    }

    private ChannelNotification Notification(BankEntry entry, string type, string order, string tradeNo, ChannelTradeState state) =>
        new(Name, entry.Reference, type, account.Iban, string.Empty, order, tradeNo, state, entry.Amount, entry.BookedOn);
}
