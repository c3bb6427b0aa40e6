namespace PayFunctions.Core.Security;

public enum Audience
{
    /// <summary>Anyone: payers' pages, channels' callbacks, the token endpoint, health.</summary>
    Public,
    Merchant,
    Operator,
}

/// <summary>
/// Who may call a route and with which scope. Every route in <see cref="Http.ApiRoutes"/> declares
/// one, and both hosts check it before the handler runs (<see cref="ApiGate"/>).
/// </summary>
public sealed record RouteAccess(Audience Audience, string? Scope)
{
    public static RouteAccess Public { get; } = new(Audience.Public, null);

    public static RouteAccess Merchant(string scope) => new(Audience.Merchant, scope);

    public static RouteAccess Operator(string scope) => new(Audience.Operator, scope);
}
