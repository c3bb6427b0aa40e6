using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Http;

namespace PayFunctions.Core.OpenApi;

/// <summary>
/// The stable problem <c>code</c>s and the status each is answered with. Codes every route of a kind shares (its
/// credential, its body, its path parameter, its <c>Idempotency-Key</c>) are added here by the route's shape, so
/// the catalog lists only an operation's own.
/// </summary>
public static class ProblemCodes
{
    public static IReadOnlyDictionary<string, int> Status { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["account_inactive"] = StatusCodes.Status400BadRequest,
        ["account_missing"] = StatusCodes.Status400BadRequest,
        ["aml_case_closed"] = StatusCodes.Status409Conflict,
        ["aml_case_not_open"] = StatusCodes.Status409Conflict,
        ["aml_case_notes_full"] = StatusCodes.Status409Conflict,
        ["amount_too_large"] = StatusCodes.Status400BadRequest,
        ["api_key_invalid"] = StatusCodes.Status401Unauthorized,
        ["api_key_last_usable"] = StatusCodes.Status409Conflict,
        ["api_key_unexpected_state"] = StatusCodes.Status409Conflict,
        ["body_invalid"] = StatusCodes.Status400BadRequest,
        ["exception_not_open"] = StatusCodes.Status409Conflict,
        ["exception_resolved"] = StatusCodes.Status409Conflict,
        ["fx_rates_conflict"] = StatusCodes.Status409Conflict,
        ["fx_rates_invalid"] = StatusCodes.Status400BadRequest,
        ["fx_rates_unavailable"] = StatusCodes.Status503ServiceUnavailable,
        ["idempotency_key_in_use"] = StatusCodes.Status409Conflict,
        ["idempotency_key_reused"] = StatusCodes.Status422UnprocessableEntity,
        ["insufficient_scope"] = StatusCodes.Status403Forbidden,
        ["internal_error"] = StatusCodes.Status500InternalServerError,
        ["ip_regions_invalid"] = StatusCodes.Status400BadRequest,
        ["ip_regions_too_large"] = StatusCodes.Status413PayloadTooLarge,
        ["merchant_order_id_in_use"] = StatusCodes.Status409Conflict,
        ["no_route_available"] = StatusCodes.Status409Conflict,
        ["parameter_invalid"] = StatusCodes.Status400BadRequest,
        ["parameter_missing"] = StatusCodes.Status400BadRequest,
        ["payment_close_unsupported"] = StatusCodes.Status409Conflict,
        ["payment_code_unrecognized"] = StatusCodes.Status400BadRequest,
        ["payment_method_unavailable"] = StatusCodes.Status400BadRequest,
        ["payment_under_review"] = StatusCodes.Status409Conflict,
        ["payment_unexpected_state"] = StatusCodes.Status409Conflict,
        ["rate_limited"] = StatusCodes.Status429TooManyRequests,
        ["refund_limit_reached"] = StatusCodes.Status400BadRequest,
        ["refund_unsupported"] = StatusCodes.Status400BadRequest,
        ["request_invalid"] = StatusCodes.Status400BadRequest,
        ["request_too_large"] = StatusCodes.Status413PayloadTooLarge,
        ["resource_missing"] = StatusCodes.Status404NotFound,
        ["review_released"] = StatusCodes.Status409Conflict,
        ["review_voided"] = StatusCodes.Status409Conflict,
        ["risk_rule_too_large"] = StatusCodes.Status400BadRequest,
        ["risk_rules_limit_reached"] = StatusCodes.Status400BadRequest,
        ["routing_policy_too_large"] = StatusCodes.Status400BadRequest,
        ["sanctions_list_invalid"] = StatusCodes.Status400BadRequest,
        ["sanctions_list_too_large"] = StatusCodes.Status413PayloadTooLarge,
        ["screening_hit_open"] = StatusCodes.Status409Conflict,
        ["screening_hit_reviewed"] = StatusCodes.Status409Conflict,
        ["settlement_date_in_future"] = StatusCodes.Status400BadRequest,
        ["signature_invalid"] = StatusCodes.Status401Unauthorized,
        ["split_recipient_blocked"] = StatusCodes.Status400BadRequest,
        ["webhook_endpoint_missing"] = StatusCodes.Status409Conflict,
    };

    /// <summary>Every code <paramref name="route"/> can answer: those of its shape, then its own.</summary>
    public static IReadOnlyList<string> Of(ApiRoute route, ApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(operation);
        var codes = new List<string> { "rate_limited", "internal_error" };
        if (route.Access.Audience != Security.Audience.Public)
        {
            codes.AddRange(["api_key_invalid", "signature_invalid", "insufficient_scope"]);
        }

        if (operation.Request?.MediaType == "application/json" || operation.Paginated || operation.Idempotent)
        {
            codes.AddRange(["body_invalid", "parameter_invalid", "parameter_missing"]);
        }

        if (operation.Request is not null)
        {
            codes.AddRange(["request_invalid", "request_too_large"]);
        }

        if (route.Template.Contains('{', StringComparison.Ordinal))
        {
            codes.Add("resource_missing");
        }

        if (operation.Idempotent)
        {
            codes.AddRange(["idempotency_key_in_use", "idempotency_key_reused"]);
        }

        codes.AddRange(operation.Problems);
        return [.. codes.Distinct(StringComparer.Ordinal)];
    }
}
