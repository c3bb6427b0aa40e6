using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using PayFunctions.Domain;

namespace PayFunctions.Channels.BankTransfer;

/// <summary>
/// Bank transfer to the platform's own bank account (SEPA credit transfer in euro): the payer quotes an ISO 11649
/// reference, and the bank reports the credits in ISO 20022 camt.054 notifications and camt.053 statements dropped in the
/// platform's inbox. Refunds are pain.001 credit transfers left in the platform's outbox for the bank to execute.
/// </summary>
public sealed partial class BankTransferModule : IChannelModule, IChannelStatementFormat
{
    /// <summary>The channel's name.</summary>
    public const string ChannelName = "bank_transfer";

    /// <summary>Pay to the account with a reference per payment.</summary>
    public const string ReferenceMethod = ChannelName + ".reference";

    /// <summary>The account's IBAN.</summary>
    public const string IbanSetting = "Iban";

    /// <summary>The account holder's name, as payers enter it.</summary>
    public const string HolderNameSetting = "HolderName";

    /// <summary>The bank's BIC (optional: SEPA transfers need only the IBAN).</summary>
    public const string BicSetting = "Bic";

    /// <summary>The largest file read: a day's statement of a busy account fits many times over.</summary>
    internal const long MaxFileBytes = 16 * 1024 * 1024;

    private static readonly string[] Euro = ["EUR"];

    // The SEPA scheme's countries and territories that use the euro or send euro transfers.
    private static readonly string[] Sepa =
    [
        "AD", "AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GR", "HR", "HU", "IE", "IS", "IT",
        "LI", "LT", "LU", "LV", "MC", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK", "SM", "VA",
    ];

    /// <inheritdoc />
    public ChannelCapabilities Capabilities { get; } = new(
        ChannelName,
        "Bank transfer",
        "BankTransfer",
        [
            // SEPA credit transfers carry at most 999 999 999.99 euro.
            new PaymentMethodCapability(ReferenceMethod, NextActionType.DisplayTransferInstructions, Euro, Sepa, 1, 999_999_999_99, PayerDetails.None),
        ],
        ChannelOperations.Close | ChannelOperations.Refund | ChannelOperations.PartialRefund | ChannelOperations.RefundNotification
            | ChannelOperations.Statements,
        [IbanSetting, HolderNameSetting],
        [])
    {
        LocalNames = new Dictionary<string, string> { ["zh"] = "银行转账" },
        HostSettings = [],
    };

    /// <inheritdoc />
    public IPaymentChannel Create(ChannelAccount account, HttpClient httpClient, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!Iban.TryNormalize(account.Setting(IbanSetting), out var iban))
        {
            throw new ArgumentException($"Channel account '{account.Id}' has an IBAN whose check digits are wrong.", nameof(account));
        }

        var bic = account.OptionalSetting(BicSetting);
        if (bic is not null && !Bic().IsMatch(bic))
        {
            throw new ArgumentException($"Channel account '{account.Id}' has a malformed BIC.", nameof(account));
        }

        return new BankTransferChannel(new BankTransferAccount(iban, bic, account.Setting(HolderNameSetting)), account.Outbox, timeProvider);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChannelStatementLine> ReadAsync(Stream statement, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        var report = CamtReader.Read(statement, MaxFileBytes);
        foreach (var entry in report.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return StatementLine(entry);
        }
    }

    private static ChannelStatementLine StatementLine(BankEntry entry)
    {
        var zero = Money.Zero(entry.Amount.Currency);
        var refund = entry.EndToEndId is not null && PaymentReferences.IsOrderNumber(entry.InstructionId);
        return (entry.IsCredit, entry.IsReturn, refund) switch
        {
            (true, false, _) => new ChannelStatementLine(
                ChannelStatementLineType.Payment, entry.Reference, PaymentOrder(entry), null, entry.Amount, zero, entry.BookedOn),
            (false, false, true) => new ChannelStatementLine(
                ChannelStatementLineType.Refund, entry.Reference, entry.InstructionId, entry.EndToEndId, entry.Amount, zero, entry.BookedOn),
            _ => new ChannelStatementLine(ChannelStatementLineType.Adjustment, entry.Reference, null, null, entry.Amount, zero, entry.BookedOn),
        };
    }

    internal static string? PaymentOrder(BankEntry entry) =>
        entry.CreditorReference is { } reference && PaymentReferences.TryOrderOf(reference, out var order) ? order : null;

    /// <summary>ISO 9362: bank, country, location, optional branch.</summary>
    [GeneratedRegex("^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Bic();
}
