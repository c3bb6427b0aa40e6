using System.Net;
using PayFunctions.Channels;
using PayFunctions.Core.Checkout;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Http;
using PayFunctions.Domain;

namespace PayFunctions.Core.Payments;

/// <summary>
/// Resolves the requested method to a channel's declared method (<c>auto</c> by the payment code's
/// issuer) and checks the request against that declaration: currency, amount limits and the payer
/// details the method needs.
/// </summary>
public static class PaymentMethodCheck
{
    public const string Auto = "auto";
    private const int MaxReturnUrlLength = 1024;
    private const int MaxDeviceIdLength = 128;
    private const int MaxPayerIdLength = 128;

    public sealed record Resolved(string Method, string Channel, PayerInput? Payer)
    {
        public IReadOnlyList<string>? PaymentMethodTypes { get; init; }

        public string? PayerCountry { get; init; }
    }

    public static (Resolved? Value, ApiError? Error) Resolve(CreatePaymentRequest r, Money amount)
    {
        string? country = null;
        if (r.Payer?.Country is { } given && !CountryCodes.TryNormalize(given, out country))
        {
            return (null, ApiError.InvalidRequest("payer.country", "payer.country must be an ISO 3166-1 alpha-2 country code, e.g. \"CN\"."));
        }

        if (r.Method == CheckoutMethods.Name)
        {
            return ResolveCheckout(r, amount, country);
        }

        ApiError? unknown;
        var capability = r.Method == Auto ? ByPaymentCode(r.PaymentCode, out unknown) : ByName(r.Method!, out unknown);
        if (capability is null)
        {
            return (null, unknown);
        }

        if (!capability.Currencies.Contains(amount.Currency.Code))
        {
            return (null, ApiError.InvalidRequest("currency", $"{capability.Method} accepts {string.Join(", ", capability.Currencies).ToLowerInvariant()} only."));
        }

        if (amount.MinorUnits < capability.MinAmount || amount.MinorUnits > capability.MaxAmount)
        {
            return (null, ApiError.InvalidRequest("amount", $"{capability.Method} takes amounts from {capability.MinAmount} to {capability.MaxAmount}."));
        }

        if (country is not null && !capability.Countries.Contains(country))
        {
            return (null, ApiError.InvalidRequest("payer.country", $"{capability.Method} serves payers in {string.Join(", ", capability.Countries)} only."));
        }

        if (PayerError(r, capability) is { } payerError)
        {
            return (null, payerError);
        }

        if (r.PaymentMethodTypes is not null)
        {
            return (null, ApiError.InvalidRequest("payment_method_types", $"payment_method_types is for method \"{CheckoutMethods.Name}\" only."));
        }

        var payer = r.PaymentCode is null && r.ReturnUrl is null && r.Payer?.Id is null && r.Payer?.Ip is null && r.Payer?.DeviceId is null
            ? null
            : new PayerInput(r.Payer?.Id, r.PaymentCode, r.ReturnUrl, r.Payer?.Ip) { DeviceId = r.Payer?.DeviceId };
        ChannelRegistry.TryGetMethod(capability.Method, out var module, out _);
        return (new Resolved(capability.Method, module.Capabilities.Name, payer) { PayerCountry = country }, null);
    }

    private static (Resolved? Value, ApiError? Error) ResolveCheckout(CreatePaymentRequest r, Money amount, string? country)
    {
        var (types, typesError) = CheckoutMethods.Resolve(r.PaymentMethodTypes, amount, country);
        if (typesError is not null)
        {
            return (null, typesError);
        }

        if (r.Payer is { Id: not null } or { Ip: not null })
        {
            return (null, ApiError.InvalidRequest("payer", "A checkout payment takes no payer but its country; the checkout page supplies what the chosen method needs."));
        }

        if (PayerError(r, CheckoutMethods.Capability) is { } payerError)
        {
            return (null, payerError);
        }

        var payer = r.ReturnUrl is null && r.Payer?.DeviceId is null ? null : new PayerInput(null, null, r.ReturnUrl, null) { DeviceId = r.Payer?.DeviceId };
        return (new Resolved(CheckoutMethods.Name, "", payer) { PaymentMethodTypes = types, PayerCountry = country }, null);
    }

    private static PaymentMethodCapability? ByName(string method, out ApiError? error)
    {
        error = null;
        if (ChannelRegistry.TryGetMethod(method, out _, out var capability))
        {
            return capability;
        }

        error = ApiError.InvalidRequest("method", $"Supported methods: {string.Join(", ", ChannelRegistry.MethodNames.Append(Auto))}.");
        return null;
    }

    private static PaymentMethodCapability? ByPaymentCode(string? paymentCode, out ApiError? error)
    {
        error = null;
        if (string.IsNullOrEmpty(paymentCode))
        {
            error = ApiError.MissingParameter("payment_code");
            return null;
        }

        var capability = paymentCode.All(char.IsAsciiDigit) ? ChannelRegistry.MethodForPaymentCode(paymentCode) : null;
        if (capability is null)
        {
            error = new ApiError(400, "payment_code_unrecognized", "The payment code is not one any channel issues.", "Scan the code on the customer's payment app again.", "payment_code");
        }

        return capability;
    }

    private static ApiError? PayerError(CreatePaymentRequest r, PaymentMethodCapability capability)
    {
        var requires = capability.Requires;
        if (requires.HasFlag(PayerDetails.PaymentCode))
        {
            if (string.IsNullOrEmpty(r.PaymentCode))
            {
                return ApiError.MissingParameter("payment_code");
            }

            if (capability.PaymentCodePattern is { } pattern && !pattern.IsMatch(r.PaymentCode))
            {
                return ApiError.InvalidRequest("payment_code", $"This is not a payment code for {capability.Method}.");
            }
        }
        else if (r.PaymentCode is not null)
        {
            return ApiError.InvalidRequest("payment_code", $"{capability.Method} does not take a payment_code.");
        }

        if (requires.HasFlag(PayerDetails.ReturnUrl) && string.IsNullOrEmpty(r.ReturnUrl))
        {
            return ApiError.MissingParameter("return_url");
        }

        if (r.ReturnUrl is not null
            && (r.ReturnUrl.Length > MaxReturnUrlLength || !Uri.TryCreate(r.ReturnUrl, UriKind.Absolute, out var returnUrl)
                || returnUrl.Scheme is not ("https" or "http") || returnUrl.UserInfo.Length > 0))
        {
            return ApiError.InvalidRequest("return_url", $"return_url must be an absolute http(s) URL without credentials, at most {MaxReturnUrlLength} characters.");
        }

        if (requires.HasFlag(PayerDetails.PayerId) && string.IsNullOrEmpty(r.Payer?.Id))
        {
            return ApiError.MissingParameter("payer.id");
        }

        if (r.Payer?.Id is { } id && (id.Length > MaxPayerIdLength || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return ApiError.InvalidRequest("payer.id", $"payer.id must be 1 to {MaxPayerIdLength} letters, digits, '-' or '_'.");
        }

        if (r.Payer?.DeviceId is { } device && (device.Length is 0 or > MaxDeviceIdLength || !device.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':')))
        {
            return ApiError.InvalidRequest("payer.device_id", $"payer.device_id must be 1 to {MaxDeviceIdLength} letters, digits, '-', '_', '.' or ':'.");
        }

        if (requires.HasFlag(PayerDetails.ClientIp) && string.IsNullOrEmpty(r.Payer?.Ip))
        {
            return ApiError.MissingParameter("payer.ip");
        }

        return r.Payer?.Ip is { } ip && !IPAddress.TryParse(ip, out _)
            ? ApiError.InvalidRequest("payer.ip", "payer.ip must be an IPv4 or IPv6 address.")
            : null;
    }
}
