using System.Globalization;
using System.Runtime.CompilerServices;
using PayFunctions.Domain;

namespace PayFunctions.Channels.Stripe;

/// <summary>
/// Stripe's itemized balance report (<c>balance_change_from_activity.itemized.3</c>, the Balance report's CSV in the
/// Dashboard or from the Reports API; docs.stripe.com/reports/report-types/balance): one balance transaction a row,
/// columns named by the header (a report run may choose and order them), amounts in the currency's major unit with
/// <c>.</c> as the decimal separator, times in UTC as <c>yyyy-MM-dd HH:mm:ss</c>. The platform's numbers come from the
/// columns <c>payment_metadata[out_trade_no]</c> and <c>refund_metadata[out_refund_no]</c>, which the report run must ask for.
/// </summary>
internal static class StripeBalanceReport
{
    public const string IdColumn = "balance_transaction_id";
    public const string CreatedColumn = "created_utc";
    public const string CurrencyColumn = "currency";
    public const string GrossColumn = "gross";
    public const string FeeColumn = "fee";
    public const string CategoryColumn = "reporting_category";
    public const string OutTradeNoColumn = "payment_metadata[out_trade_no]";
    public const string OutRefundNoColumn = "refund_metadata[out_refund_no]";

    private static readonly string[] Required = [IdColumn, CreatedColumn, CurrencyColumn, GrossColumn, FeeColumn, CategoryColumn];

    public static async IAsyncEnumerable<ChannelStatementLine> ReadAsync(Stream statement, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statement);
        using var reader = new StreamReader(statement, leaveOpen: true);
        var header = await CsvRecords.ReadAsync(reader, cancellationToken).ConfigureAwait(false)
            ?? throw new FormatException("The Stripe balance report is empty.");
        if (header.Select(name => name.Trim()).Distinct(StringComparer.Ordinal).Count() != header.Count)
        {
            throw new FormatException("The Stripe balance report names a column twice.");
        }

        var columns = header.Select((name, index) => (name: name.Trim(), index)).ToDictionary(c => c.name, c => c.index, StringComparer.Ordinal);
        if (Required.FirstOrDefault(name => !columns.ContainsKey(name)) is { } missing)
        {
            throw new FormatException($"The Stripe balance report has no '{missing}' column.");
        }

        var row = 1;
        while (await CsvRecords.ReadAsync(reader, cancellationToken).ConfigureAwait(false) is { } fields)
        {
            row++;
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            if (fields.Count != header.Count)
            {
                throw new FormatException($"Row {row} of the Stripe balance report has {fields.Count} fields, not {header.Count}.");
            }

            yield return Line(fields, columns, row);
        }
    }

    private static ChannelStatementLine Line(IReadOnlyList<string> fields, Dictionary<string, int> columns, int row)
    {
        string Field(string name) => fields[columns[name]];
        string? Optional(string name) => columns.TryGetValue(name, out var index) && fields[index].Length > 0 ? fields[index] : null;

        if (!Currency.TryParse(Field(CurrencyColumn), out var currency))
        {
            throw new FormatException($"Row {row}: currency '{Field(CurrencyColumn)}' is not one the platform knows.");
        }

        if (!DateTime.TryParseExact(Field(CreatedColumn), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var created))
        {
            throw new FormatException($"Row {row}: created_utc '{Field(CreatedColumn)}' is not yyyy-MM-dd HH:mm:ss.");
        }

        var id = Field(IdColumn);
        if (id.Length == 0)
        {
            throw new FormatException($"Row {row} has no balance_transaction_id.");
        }

        return new ChannelStatementLine(
            TypeOf(Field(CategoryColumn)),
            id,
            Optional(OutTradeNoColumn),
            Optional(OutRefundNoColumn),
            new Money(MajorUnits.ToMinorUnits(Field(GrossColumn), currency, row), currency),
            new Money(MajorUnits.ToMinorUnits(Field(FeeColumn), currency, row), currency),
            new DateTimeOffset(created, TimeSpan.Zero));
    }

    /// <summary>Stripe's reporting categories (docs.stripe.com/reports/reporting-categories) in the platform's terms.</summary>
    private static ChannelStatementLineType TypeOf(string category) => category switch
    {
        "charge" or "payment" => ChannelStatementLineType.Payment,
        "refund" => ChannelStatementLineType.Refund,
        "fee" => ChannelStatementLineType.Fee,
        "payout" => ChannelStatementLineType.Payout,
        _ => ChannelStatementLineType.Adjustment,
    };
}
