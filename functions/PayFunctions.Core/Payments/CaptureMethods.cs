using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Checkout;
using PayFunctions.Core.Http;

namespace PayFunctions.Core.Payments;

/// <summary>
/// <c>capture_method</c>: <c>automatic</c> takes the payer's money as soon as the channel has it; <c>manual</c> leaves it
/// authorized (held at the channel) until the merchant captures it, which only channels that declare
/// <see cref="ChannelOperations.Capture"/> can do.
/// </summary>
public static class CaptureMethods
{
    public const string Automatic = "automatic";
    public const string Manual = "manual";

    /// <summary>Whether the request asks for manual capture, or the problem with its <c>capture_method</c>.</summary>
    /// <param name="methods">The methods the payment may be paid with: the one asked for, or a checkout's choices.</param>
    public static (bool CaptureLater, ApiError? Error) Check(string? captureMethod, IReadOnlyList<string> methods)
    {
        switch (captureMethod)
        {
            case null or Automatic:
                return (false, null);
            case not Manual:
                return (false, ApiError.InvalidRequest("capture_method", $"capture_method must be \"{Automatic}\" or \"{Manual}\"."));
        }

        var cannot = methods.FirstOrDefault(m => !CapturesLater(m));
        return cannot is null && methods.Count > 0
            ? (true, null)
            : (false, ApiError.InvalidRequest(
                "capture_method",
                cannot is null || cannot == CheckoutMethods.Name
                    ? "Manual capture needs the payment's methods listed in payment_method_types, each one that captures later."
                    : $"{cannot} takes the payer's money at once; it cannot capture later."));
    }

    private static bool CapturesLater(string method) =>
        ChannelRegistry.TryGetMethod(method, out var module, out _) && module.Capabilities.Supports(ChannelOperations.Capture);
}
