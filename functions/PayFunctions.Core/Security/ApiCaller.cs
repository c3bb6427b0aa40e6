using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Merchants;

namespace PayFunctions.Core.Security;

/// <summary>Who is calling, as <see cref="ApiGate"/> established it, with what the credential allows.</summary>
public abstract record ApiCaller(IReadOnlySet<string> Scopes)
{
    /// <summary>How audit records and logs name the caller: <c>merchant:…</c> or <c>operator:…</c>.</summary>
    public abstract string Actor { get; }

    /// <summary>The caller the gate admitted for this request, or null when it admitted none.</summary>
    public static ApiCaller? Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Items.TryGetValue(typeof(ApiCaller), out var caller) ? caller as ApiCaller : null;
    }

    /// <summary>The merchant the gate admitted, or null: a handler answers 401 then, so a route the gate missed stays closed.</summary>
    public static MerchantEntity? MerchantOf(HttpRequest request) =>
        (Of(request?.HttpContext ?? throw new ArgumentNullException(nameof(request))) as MerchantCaller)?.Merchant;

    /// <summary>The operator the gate admitted, or null.</summary>
    public static OperatorCaller? OperatorOf(HttpRequest request) =>
        Of(request?.HttpContext ?? throw new ArgumentNullException(nameof(request))) as OperatorCaller;

    public void AttachTo(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Items[typeof(ApiCaller)] = this;
    }
}

/// <summary>A merchant, by one of its API keys or a token issued from one.</summary>
public sealed record MerchantCaller(MerchantEntity Merchant, ApiKeyEntity Key, IReadOnlySet<string> Scopes) : ApiCaller(Scopes)
{
    public string KeyId => Key.Id;

    public override string Actor => "merchant:" + Merchant.Id;
}

/// <summary>An operator of the platform, by its own key or a token issued from it.</summary>
public sealed record OperatorCaller(string OperatorId, IReadOnlySet<string> Scopes) : ApiCaller(Scopes)
{
    public override string Actor => "operator:" + OperatorId;
}
