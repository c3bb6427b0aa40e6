using Azure.Data.Tables;
using PayFunctions.Core.Settlements;
using PayFunctions.Core.Storage;
using PayFunctions.Domain;
using PayFunctions.Domain.Aml;

namespace PayFunctions.Core.Aml;

/// <summary>
/// The payouts rapid in-and-out compares with a day's credits: each credited receiver's settlements recorded from the
/// day's start to <see cref="AmlRules.RapidWindow"/> after its end. Settlements are partitioned by account, so it is one
/// range query per receiver credited that day.
/// </summary>
public sealed class AmlPayouts(StorageClients clients)
{
    private TableClient Table => clients.Tables.GetTableClient(TableNames.Settlements);

    public async Task<IReadOnlyList<AmlPayout>> ReadAsync(IEnumerable<string> accounts, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var payouts = new List<AmlPayout>();
        foreach (var account in accounts.Distinct(StringComparer.Ordinal))
        {
            var partition = TableKeys.Escape(account);
            await foreach (var s in Table.QueryAsync<SettlementEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {partition} and CreatedAt ge {from} and CreatedAt le {to}"), cancellationToken: cancellationToken))
            {
                if (s.Amount > 0 && Currency.TryParse(s.Currency, out var currency))
                {
                    payouts.Add(new AmlPayout(s.Id, s.AccountId, new Money(s.Amount, currency), s.CreatedAt));
                }
            }
        }

        return payouts;
    }
}
