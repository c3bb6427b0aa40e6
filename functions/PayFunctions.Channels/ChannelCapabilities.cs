namespace PayFunctions.Channels;

/// <summary>
/// What a channel can do, declared once by its module. The platform validates requests, creates
/// queues, reads secrets and answers unsupported operations from this declaration alone.
/// </summary>
/// <param name="Name">The stable channel name used in method names, ids, ledger accounts and routes: lower-case snake_case.</param>
/// <param name="DisplayName">The channel's name for people, e.g. "WeChat Pay".</param>
/// <param name="ConfigurationKey">The configuration section under <c>Channels:</c> that holds the channel's accounts, in PascalCase.</param>
/// <param name="Methods">The payment methods the channel serves.</param>
/// <param name="Operations">The operations beyond placing an order.</param>
/// <param name="SettingNames">The non-secret settings every account needs, e.g. "MchId".</param>
/// <param name="SecretNames">The secrets every account needs, e.g. "merchant-private-key"; stored per account as <c>{channel}-{account}-{secret}</c>.</param>
public sealed record ChannelCapabilities(
    string Name,
    string DisplayName,
    string ConfigurationKey,
    IReadOnlyList<PaymentMethodCapability> Methods,
    ChannelOperations Operations,
    IReadOnlyList<string> SettingNames,
    IReadOnlyList<string> SecretNames)
{
    /// <summary>
    /// The callback headers that carry the channel's signature (e.g. timestamp, nonce, serial), kept with
    /// the archived body as evidence; channels that sign inside the body declare none.
    /// </summary>
    public IReadOnlyList<string> EvidenceHeaders { get; init; } = [];

    /// <summary>
    /// The channel's name for people in other languages, by language (e.g. "zh"), as payers there know it;
    /// <see cref="DisplayName"/> in any other.
    /// </summary>
    public IReadOnlyDictionary<string, string> LocalNames { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The optional settings that name the channel's hosts, each the channel's production host when not set, so a
    /// deployment or a test can point every one of them at a stand-in such as the sandbox.
    /// </summary>
    public IReadOnlyList<string> HostSettings { get; init; } = ["BaseUrl"];

    /// <summary>
    /// Text found in the User-Agent of the channel's own app browser (the wallet a payer scans a store
    /// code with), so a store code can open the channel's in-app payment; empty when there is none.
    /// </summary>
    public IReadOnlyList<string> InAppBrowserMarkers { get; init; } = [];

    /// <summary>
    /// The channel's methods for a payer inside its app browser, in order of preference. One that requires
    /// <see cref="PayerDetails.PayerId"/> is usable there when the account's adapter implements
    /// <see cref="IPayerAuthorization"/>, which identifies the payer by the wallet's OAuth.
    /// </summary>
    public IReadOnlyList<string> InAppMethods { get; init; } = [];

    /// <summary>How a page in the app browser starts the payment of an in-app <c>use_sdk</c> method; null when it cannot.</summary>
    public InAppBridge? InAppBridge { get; init; }

    /// <summary>
    /// For a channel that declares <see cref="ChannelOperations.Capture"/>, how long it holds an authorization before
    /// releasing it by itself: the platform releases an uncaptured one before then.
    /// </summary>
    public TimeSpan? AuthorizationValidity { get; init; }

    /// <summary>The channel's name for people who read <paramref name="language"/>.</summary>
    public string DisplayNameIn(string language) => LocalNames.TryGetValue(language, out var name) ? name : DisplayName;

    /// <summary>Whether the channel can do every one of <paramref name="operations"/>.</summary>
    public bool Supports(ChannelOperations operations) => (Operations & operations) == operations;
}

/// <summary>One payment method of a channel: what the merchant asks for and what the payer then does.</summary>
/// <param name="Method">The method name merchants send, <c>{channel}.{scenario}</c>.</param>
/// <param name="NextAction">What the merchant shows the payer once the order is placed.</param>
/// <param name="Currencies">ISO 4217 codes the method accepts, upper case.</param>
/// <param name="Countries">ISO 3166-1 alpha-2 codes of the payers' countries the method serves.</param>
/// <param name="MinAmount">The smallest amount in minor units.</param>
/// <param name="MaxAmount">The largest amount in minor units.</param>
/// <param name="Requires">The payer details the method cannot do without.</param>
public sealed record PaymentMethodCapability(
    string Method,
    NextActionType NextAction,
    IReadOnlyList<string> Currencies,
    IReadOnlyList<string> Countries,
    long MinAmount,
    long MaxAmount,
    PayerDetails Requires)
{
    /// <summary>
    /// For a barcode method, the payment codes the channel issues (e.g. WeChat Pay: 18 digits starting
    /// 10 to 15), so that <c>method: "auto"</c> can tell the channel from the code alone.
    /// </summary>
    public System.Text.RegularExpressions.Regex? PaymentCodePattern { get; init; }

    /// <summary>
    /// The channel sends the payer back by posting its result to the return address (a front notification), which a
    /// merchant's page need not accept: the platform takes the post and sends the payer on with a GET.
    /// </summary>
    public bool ReturnsPayerByPost { get; init; }
}

/// <summary>The operations a channel supports beyond placing an order.</summary>
[Flags]
public enum ChannelOperations
{
    /// <summary>Nothing beyond placing an order.</summary>
    None = 0,

    /// <summary>Read an order's state.</summary>
    Query = 1,

    /// <summary>Close an unpaid order so that it can no longer be paid.</summary>
    Close = 2,

    /// <summary>Cancel (reverse) an order whatever its state: an unpaid one is closed, a paid one refunded (barcode payments).</summary>
    Cancel = 4,

    /// <summary>Refund a paid order in full.</summary>
    Refund = 8,

    /// <summary>Refund part of a paid order, several times up to its amount.</summary>
    PartialRefund = 16,

    /// <summary>Read a refund's state.</summary>
    RefundQuery = 32,

    /// <summary>The channel notifies the refund's final state.</summary>
    RefundNotification = 64,

    /// <summary>The channel publishes daily statements.</summary>
    Statements = 128,

    /// <summary>
    /// Orders can be placed to authorize only: the payer's money is held until the platform captures it (all or less)
    /// or releases it by cancelling or closing the order.
    /// </summary>
    Capture = 256,

    /// <summary>
    /// The platform fetches each day's statement from the channel (<see cref="IPaymentChannel.DownloadStatementAsync"/>),
    /// so the daily reconciliation runs for the channel's accounts. A channel that publishes statements without it delivers
    /// them as files.
    /// </summary>
    StatementDownload = 512,
}

/// <summary>What the payer is shown or asked to do after the order is placed.</summary>
public enum NextActionType
{
    /// <summary>Nothing: the payment completes at the till (barcode) and is polled or notified.</summary>
    None,

    /// <summary>Show a QR code for the payer to scan.</summary>
    DisplayQrCode,

    /// <summary>Send the payer's browser to the channel's page.</summary>
    RedirectToUrl,

    /// <summary>Hand signed parameters to the channel's SDK in an app, mini-program or in-app browser.</summary>
    UseSdk,

    /// <summary>Show the account to pay by bank transfer, the exact amount and the reference the transfer must carry.</summary>
    DisplayTransferInstructions,
}

/// <summary>Payer details a method needs, given in the create request.</summary>
[Flags]
public enum PayerDetails
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>The payer's id at the channel, e.g. a WeChat openid for JSAPI.</summary>
    PayerId = 1,

    /// <summary>The code on the payer's phone, scanned at the till.</summary>
    PaymentCode = 2,

    /// <summary>Where the channel's page sends the payer back.</summary>
    ReturnUrl = 4,

    /// <summary>The payer's IP address (H5 and mobile web payments).</summary>
    ClientIp = 8,
}
