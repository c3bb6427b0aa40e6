using System.Text.Json;
using PayFunctions.Core.Fx;
using PayFunctions.Core.Http;
using PayFunctions.Domain;

namespace PayFunctions.Core.Payments;

/// <summary>Checks a create request fully before anything is written; the first problem found is answered.</summary>
public static class CreatePaymentValidator
{
    public const int DefaultExpirySeconds = 15 * 60;
    public const int MinExpirySeconds = 60;
    public const int MaxExpirySeconds = 24 * 60 * 60;
    private const int MaxMetadataKeys = 50;

    /// <summary>
    /// Characters of the JSON stored for metadata. A table property holds 32K UTF-16 characters, and
    /// the payment's JSON (metadata included) is stored again as the idempotent answer and the webhook
    /// body, so half of that leaves room for the rest of the payment.
    /// </summary>
    public const int MaxMetadataJsonLength = 16 * 1024;

    /// <summary>Characters of the JSON stored for a split: ten recipients with sensible account ids fit many times over.</summary>
    public const int MaxSplitJsonLength = 4 * 1024;

    public sealed record Valid(
        Money Amount,
        string Method,
        string Channel,
        string MerchantOrderId,
        string Description,
        TimeSpan ExpiresIn,
        SplitRule? Split,
        string? MetadataJson,
        PayerInput? Payer)
    {
        public IReadOnlyList<string>? PaymentMethodTypes { get; init; }

        /// <summary>Manual capture: the channel holds the money until the merchant captures it.</summary>
        public bool CaptureLater { get; init; }
        /// <summary>The payer's country (upper-case ISO 3166-1 alpha-2), when given.</summary>
        public string? PayerCountry { get; init; }

        /// <summary>The quote locked for a payment in another currency than the merchant's settlement currency.</summary>
        public FxQuote? Fx { get; init; }
    }

    /// <summary>
    /// With <paramref name="fx"/>, a payment in another currency than the merchant's settlement currency gets a quote
    /// locked for as long as it can be paid, and its split is checked against the settlement amount it allocates;
    /// without, the payment is taken to be in the settlement currency.
    /// </summary>
    public static (Valid? Value, ApiError? Error) Validate(CreatePaymentRequest r, FeeSchedule fee, FxQuoter? fx = null)
    {
        if (r.Amount is null)
        {
            return Fail(ApiError.MissingParameter("amount"));
        }

        if (string.IsNullOrWhiteSpace(r.Currency))
        {
            return Fail(ApiError.MissingParameter("currency"));
        }

        if (!Currency.TryParse(r.Currency, out var currency))
        {
            return Fail(ApiError.InvalidRequest("currency", $"'{r.Currency}' is not a supported ISO 4217 currency."));
        }

        if (r.Amount is < 1 or > 100_000_000_00)
        {
            return Fail(ApiError.InvalidRequest("amount", "amount must be a positive integer in the currency's minor unit, at most 10000000000."));
        }

        if (string.IsNullOrWhiteSpace(r.Method))
        {
            return Fail(ApiError.MissingParameter("method"));
        }

        var (method, methodError) = PaymentMethodCheck.Resolve(r, new Money(r.Amount.Value, currency));
        if (methodError is not null)
        {
            return Fail(methodError);
        }

        var (captureLater, captureError) = CaptureMethods.Check(r.CaptureMethod, method!.PaymentMethodTypes ?? [method.Method]);
        if (captureError is not null)
        {
            return Fail(captureError);
        }

        if (string.IsNullOrWhiteSpace(r.MerchantOrderId))
        {
            return Fail(ApiError.MissingParameter("merchant_order_id"));
        }

        if (r.MerchantOrderId.Length > 64 || r.MerchantOrderId.Any(char.IsControl))
        {
            return Fail(ApiError.InvalidRequest("merchant_order_id", "merchant_order_id must be 1 to 64 printable characters."));
        }

        if (string.IsNullOrWhiteSpace(r.Description))
        {
            return Fail(ApiError.MissingParameter("description"));
        }

        // The tightest channel limit (WeChat Pay's) is 127 bytes of UTF-8.
        if (System.Text.Encoding.UTF8.GetByteCount(r.Description) > 127 || r.Description.Any(char.IsControl))
        {
            return Fail(ApiError.InvalidRequest("description", "description must be at most 127 bytes of UTF-8 and printable."));
        }

        if (r.ExpiresInSeconds is < MinExpirySeconds or > MaxExpirySeconds)
        {
            return Fail(ApiError.InvalidRequest("expires_in_seconds", $"expires_in_seconds must be between {MinExpirySeconds} and {MaxExpirySeconds}."));
        }

        var (expiresIn, quote, fxError) = Convert(new Money(r.Amount.Value, currency), r.ExpiresInSeconds, fx);
        if (fxError is not null)
        {
            return Fail(fxError);
        }

        if (r.Metadata is { } metadata
            && (metadata.Count > MaxMetadataKeys || metadata.Any(kv => kv.Key.Length is 0 or > 40 || kv.Value is null || kv.Value.Length > 500)))
        {
            return Fail(ApiError.InvalidRequest("metadata", "metadata holds at most 50 keys of up to 40 characters, with string values of up to 500 characters."));
        }

        // Measured as stored: escaping can make the JSON several times longer than the request's text.
        var metadataJson = r.Metadata is null ? null : JsonSerializer.Serialize(r.Metadata, ApiJson.Options);
        if (metadataJson?.Length > MaxMetadataJsonLength)
        {
            return Fail(ApiError.InvalidRequest("metadata", $"metadata must be at most {MaxMetadataJsonLength} characters as JSON."));
        }

        var amount = new Money(r.Amount.Value, currency);
        SplitRule? split = null;
        if (r.Split is not null)
        {
            if (r.Split.Recipients is null)
            {
                return Fail(ApiError.MissingParameter("split.recipients"));
            }

            var recipients = r.Split.Recipients;
            for (var i = 0; i < recipients.Count; i++)
            {
                if (recipients[i] is null || string.IsNullOrWhiteSpace(recipients[i].Account))
                {
                    return Fail(ApiError.MissingParameter($"split.recipients[{i}].account"));
                }
            }

            split = new SplitRule([.. recipients.Select(x => new SplitRecipient(x.Account!, x.BasisPoints, x.Amount))]);
            var errors = split.Validate(quote?.SettlementAmount(amount.MinorUnits) ?? amount, fee);
            if (errors.Count > 0)
            {
                var param = errors[0].Param.Replace("fixed_minor_units", "amount", StringComparison.Ordinal);
                return Fail(ApiError.InvalidRequest(param, errors[0].Message));
            }

            if (SplitRuleSerializer.Serialize(split)!.Length > MaxSplitJsonLength)
            {
                return Fail(ApiError.InvalidRequest("split.recipients", $"split must be at most {MaxSplitJsonLength} characters as JSON; use shorter account ids."));
            }
        }

        return (new Valid(amount, method!.Method, method.Channel, r.MerchantOrderId, r.Description, expiresIn, split, metadataJson, method.Payer)
        {
            PaymentMethodTypes = method.PaymentMethodTypes,
            CaptureLater = captureLater,
            PayerCountry = method.PayerCountry,
            Fx = quote,
        }, null);
    }

    /// <summary>The payment's expiry and, when it is converted, its quote locked until then.</summary>
    private static (TimeSpan ExpiresIn, FxQuote? Quote, ApiError? Error) Convert(Money amount, int? askedSeconds, FxQuoter? fx)
    {
        var asked = askedSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        var defaultExpiry = TimeSpan.FromSeconds(DefaultExpirySeconds);
        if (fx is null || !fx.Converts(amount.Currency))
        {
            return (asked ?? defaultExpiry, null, null);
        }

        var (expiresIn, expiryError) = fx.ExpiryFor(asked, defaultExpiry);
        if (expiryError is not null)
        {
            return (expiresIn, null, expiryError);
        }

        var (quote, quoteError) = fx.Quote(amount, fx.Now + expiresIn);
        return (expiresIn, quote, quoteError);
    }

    private static (Valid?, ApiError?) Fail(ApiError error) => (null, error);
}
