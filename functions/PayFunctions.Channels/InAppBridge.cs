namespace PayFunctions.Channels;

/// <summary>
/// How a page inside the wallet's own browser hands a <c>use_sdk</c> payment's parameters to the wallet:
/// <c>window[Object][Function](Command, parameters, callback)</c>, once <c>window[Object]</c> exists, which
/// the wallet announces with <see cref="ReadyEvent"/> on <c>document</c> when the page loads first.
/// </summary>
/// <param name="Object">The global object the wallet injects, e.g. <c>WeixinJSBridge</c>.</param>
/// <param name="Function">Its function that runs a command, e.g. <c>invoke</c>.</param>
/// <param name="Command">The payment command, e.g. <c>getBrandWCPayRequest</c>.</param>
/// <param name="ReadyEvent">The document event fired once the object exists, e.g. <c>WeixinJSBridgeReady</c>.</param>
public sealed record InAppBridge(string Object, string Function, string Command, string ReadyEvent);
