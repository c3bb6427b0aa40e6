using PayFunctions.Channels;
using PayFunctions.Core.Channels;

namespace PayFunctions.Core.OpenApi;

/// <summary>Example values the operations' examples share. Channel and method names come from the registry.</summary>
public static class ApiExamples
{
    public const string PaymentId = "pay_0mzq7k2c4v9x1b3n5m7p9r1t";
    public const string RefundId = "re_0mzq7k2c4v9x1b3n5m7p9r1t";
    public const string AccountId = "acct_0mzq7k2c4v9x1b3n5m7p9r1t";
    public const string ApiKeyId = "key_0mzq7k2c4v9x1b3n5m7p9r1t";
    public const string StoreId = "store_0mzq7k2c4v9x1b3n5m7p9r1t";
    public const string StoreCode = "fElQsLP1pEoUqznm_W2qOg";
    public const string RiskRuleId = "rule_000000000000000000000000";
    public const string OperatorId = "op_0mzq7k2c4v9x1b3n5m7p9r1t";
    public const string MerchantId = "mch_k7d2q9x4m1v8c3b5";
    public const string DifferenceId = "rdif_20200102_00000000000000000000000000000000";
    public const string ScreeningHitId = "sh_00000000000000000000000000000000";
    public const string AmlCaseId = "amlc_20200102_00000000000000000000000000000000";
    public const string Day = "2020-01-02";
    public const string RiskRule = """{"kind":"list","action":"review","field":"payer_id","values":["payer-under-watch"]}""";

    /// <summary>A method that answers a QR code and needs nothing of the payer: the simplest payment to show.</summary>
    public static string Method { get; } = ChannelRegistry.MethodNames.Order(StringComparer.Ordinal).First(m =>
        ChannelRegistry.TryGetMethod(m, out _, out var capability)
        && capability.NextAction == NextActionType.DisplayQrCode && capability.Requires == PayerDetails.None && capability.Currencies.Contains("CNY"));

    /// <summary>The channel <see cref="Method"/> is paid through.</summary>
    public static string MethodChannel { get; } =
        ChannelRegistry.TryGetMethod(Method, out var module, out _) ? module.Capabilities.Name : throw new InvalidOperationException($"{Method} has no channel.");

    /// <summary>A method whose channel holds the money until the merchant captures it (<c>capture_method: manual</c>).</summary>
    public static string CaptureMethod { get; } = ChannelRegistry.MethodNames.Order(StringComparer.Ordinal).First(m =>
        ChannelRegistry.TryGetMethod(m, out var module, out var capability)
        && module.Capabilities.Supports(ChannelOperations.Capture) && capability.Currencies.Contains("CNY"));

    /// <summary>The channel <see cref="CaptureMethod"/> is paid through.</summary>
    public static string CaptureChannel { get; } =
        ChannelRegistry.TryGetMethod(CaptureMethod, out var module, out _) ? module.Capabilities.Name : throw new InvalidOperationException($"{CaptureMethod} has no channel.");

    /// <summary>A channel the platform speaks.</summary>
    public static string Channel { get; } = ChannelRegistry.ChannelNames.Order(StringComparer.Ordinal).First();

    /// <summary>The run that reconciles <see cref="Channel"/>'s account <c>main</c> on <see cref="Day"/>.</summary>
    public static string ReconciliationRunId { get; } = $"recon_{Day.Replace("-", "", StringComparison.Ordinal)}_{Channel}_main";
}
