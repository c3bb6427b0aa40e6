using System.Text;
using PayFunctions.Core.Http;
using PayFunctions.Domain;

namespace PayFunctions.Core.Stores;

/// <summary>The body of <c>POST /api/v1/stores</c>: a name, and a fixed amount or none (the payer enters it).</summary>
public sealed record CreateStoreRequest([property: RequiredParameter] string? Name, long? Amount, string? Currency)
{
    /// <summary>A store's payments default to the currency every wallet in the catalogue takes.</summary>
    public const string DefaultCurrency = "CNY";

    /// <summary>The name becomes each payment's description, so it obeys the same 127-byte limit.</summary>
    public (string Name, long? Amount, Currency Currency, ApiError? Error) Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            return Fail(ApiError.MissingParameter("name"));
        }

        if (Encoding.UTF8.GetByteCount(Name) > 127 || Name.Any(char.IsControl))
        {
            return Fail(ApiError.InvalidRequest("name", "name must be at most 127 bytes of UTF-8 and printable."));
        }

        if (!Domain.Currency.TryParse(Currency ?? DefaultCurrency, out var currency))
        {
            return Fail(ApiError.InvalidRequest("currency", $"'{Currency}' is not a supported ISO 4217 currency."));
        }

        if (Amount is < 1 or > 100_000_000_00)
        {
            return Fail(ApiError.InvalidRequest("amount", "amount must be a positive integer in the currency's minor unit, at most 10000000000."));
        }

        return (Name, Amount, currency, null);
    }

    private static (string, long?, Currency, ApiError?) Fail(ApiError error) => ("", null, default, error);
}
