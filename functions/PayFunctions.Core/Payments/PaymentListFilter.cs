using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Checkout;
using PayFunctions.Core.Http;
using PayFunctions.Domain;

namespace PayFunctions.Core.Payments;

/// <summary>
/// The narrowing parameters of <c>GET /api/v1/payments</c>: <c>status</c>, <c>method</c>, <c>created[gte]</c> and
/// <c>created[lt]</c> (RFC 3339 times) and <c>merchant_order_id</c>. Each is checked against what it can be before
/// it reaches a query, so a bad value is a 400 problem naming it, never a filter the table refuses.
/// </summary>
public sealed partial record PaymentListFilter(PaymentStatus? Status, string? Method, DateTimeOffset? CreatedFrom, DateTimeOffset? CreatedBefore, string? MerchantOrderId)
{
    public const string CreatedFromParam = "created[gte]";
    public const string CreatedBeforeParam = "created[lt]";

    /// <summary>As long as a create accepts it.</summary>
    private const int MaxOrderIdLength = 64;

    private static readonly Dictionary<string, PaymentStatus> Statuses =
        Enum.GetValues<PaymentStatus>().ToDictionary(s => JsonNamingPolicy.SnakeCaseLower.ConvertName(s.ToString()), StringComparer.Ordinal);

    public static (PaymentListFilter? Filter, ApiError? Error) Parse(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query;
        PaymentStatus? status = null;
        if (query["status"].ToString() is { Length: > 0 } statusText)
        {
            if (!Statuses.TryGetValue(statusText, out var parsed))
            {
                return (null, ApiError.InvalidRequest("status", $"status must be one of {string.Join(", ", Statuses.Keys)}."));
            }

            status = parsed;
        }

        var method = query["method"].ToString();
        if (method.Length > 0 && method != CheckoutMethods.Name && !ChannelRegistry.MethodNames.Contains(method))
        {
            return (null, ApiError.InvalidRequest("method", $"method must be one of the platform's payment methods or \"{CheckoutMethods.Name}\"."));
        }

        var (from, fromError) = Time(request, CreatedFromParam);
        var (before, beforeError) = Time(request, CreatedBeforeParam);
        if ((fromError ?? beforeError) is { } timeError)
        {
            return (null, timeError);
        }

        if (from is not null && before is not null && before <= from)
        {
            return (null, ApiError.InvalidRequest(CreatedBeforeParam, $"{CreatedBeforeParam} must be later than {CreatedFromParam}."));
        }

        var orderId = query["merchant_order_id"].ToString();
        if (orderId.Length > MaxOrderIdLength || orderId.Any(char.IsControl))
        {
            return (null, ApiError.InvalidRequest("merchant_order_id", $"merchant_order_id must be at most {MaxOrderIdLength} printable characters."));
        }

        return (new PaymentListFilter(status, method.Length > 0 ? method : null, from, before, orderId.Length > 0 ? orderId : null), null);
    }

    /// <summary>The conditions on a payment row, joined to the caller's key range; empty when nothing narrows.</summary>
    public string TableConditions()
    {
        var parts = new List<string>(4);
        if (Status is { } status)
        {
            parts.Add(TableClient.CreateQueryFilter($"Status eq {status.ToString()}"));
        }

        if (Method is { } method)
        {
            parts.Add(TableClient.CreateQueryFilter($"Method eq {method}"));
        }

        if (CreatedFrom is { } from)
        {
            parts.Add(TableClient.CreateQueryFilter($"CreatedAt ge {from}"));
        }

        if (CreatedBefore is { } before)
        {
            parts.Add(TableClient.CreateQueryFilter($"CreatedAt lt {before}"));
        }

        return string.Join(" and ", parts);
    }

    /// <summary>Whether a row fetched by its order id passes the other conditions too.</summary>
    public bool Matches(PaymentEntity payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return (Status is null || payment.StatusValue == Status)
            && (Method is null || payment.Method == Method)
            && (CreatedFrom is null || payment.CreatedAt >= CreatedFrom)
            && (CreatedBefore is null || payment.CreatedAt < CreatedBefore);
    }

    private static (DateTimeOffset? Value, ApiError? Error) Time(HttpRequest request, string param)
    {
        var text = request.Query[param].ToString();
        if (text.Length == 0)
        {
            return (null, null);
        }

        // RFC 3339 demands the offset; a time without one would be read in the server's zone.
        return Rfc3339().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? (value.ToUniversalTime(), null)
            : (null, ApiError.InvalidRequest(param, $"{param} must be an RFC 3339 time with its offset, e.g. \"2026-01-31T16:00:00Z\"."));
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}
