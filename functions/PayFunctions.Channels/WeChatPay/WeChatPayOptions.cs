namespace PayFunctions.Channels.WeChatPay;

/// <summary>
/// Non-secret settings of one WeChat Pay APIv3 merchant account: a direct merchant, or, with <see cref="SubMchId"/>, a
/// service provider (服务商) placing orders for one sub-merchant (子商户).
/// </summary>
public sealed class WeChatPayOptions
{
    /// <summary>The API host; the documented primary domain unless overridden (e.g. api2 or a test server).</summary>
    public Uri BaseUrl { get; set; } = new("https://api.mch.weixin.qq.com");

    /// <summary>The host of the official account's web authorization page (网页授权, <c>/connect/oauth2/authorize</c>).</summary>
    public Uri OAuthPageBaseUrl { get; set; } = new("https://open.weixin.qq.com");

    /// <summary>The host of the official-account API that exchanges a web authorization code (<c>/sns/oauth2/access_token</c>).</summary>
    public Uri OAuthApiBaseUrl { get; set; } = new("https://api.weixin.qq.com");

    /// <summary>The merchant id (<c>mchid</c>).</summary>
    public string MchId { get; set; } = string.Empty;

    /// <summary>
    /// The sub-merchant (<c>sub_mchid</c>) this account places orders for; when set, the account is a service provider,
    /// <see cref="MchId"/> and <see cref="AppId"/> are its <c>sp_mchid</c> and <c>sp_appid</c>, and the partner API is used.
    /// </summary>
    public string? SubMchId { get; set; }

    /// <summary>
    /// The sub-merchant's own application (<c>sub_appid</c>), bound to it by the service provider; orders placed under it
    /// (e.g. a mini-program set as <see cref="MiniProgramAppId"/>) send the payer as <c>sub_openid</c>.
    /// </summary>
    public string? SubAppId { get; set; }

    /// <summary>The official account's application id (<c>appid</c>): Native, JSAPI and H5 orders are created under it.</summary>
    public string AppId { get; set; } = string.Empty;

    /// <summary>The mini-program's application id for mini-program orders; <see cref="AppId"/> when not set.</summary>
    public string? MiniProgramAppId { get; set; }

    /// <summary>The mobile application's id (from the WeChat Open Platform) for App orders; <see cref="AppId"/> when not set.</summary>
    public string? MobileAppId { get; set; }

    /// <summary>The merchant's own code for the store its tills send payment codes from (<c>scene_info.store_info.out_id</c>); <see cref="MchId"/> when not set.</summary>
    public string? StoreId { get; set; }

    /// <summary>Serial number of the merchant API certificate whose private key signs requests.</summary>
    public string MerchantSerialNo { get; set; } = string.Empty;

    /// <summary>
    /// The serials of the WeChat Pay keys that sign responses and callbacks, comma-separated, one per PEM block of the
    /// platform key secret in the same order: a platform certificate's serial number (may be left empty, the
    /// certificate names itself) or a WeChat Pay public key's id (<c>PUB_KEY_ID_...</c>, required).
    /// </summary>
    public string PlatformSerialNo { get; set; } = string.Empty;

    /// <summary>How far a signed timestamp may differ from now before the message is treated as a replay.</summary>
    public TimeSpan NotificationTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The application ids whose orders this account's callbacks may be about.</summary>
    internal IEnumerable<string> AppIds() =>
        new[] { AppId, MiniProgramAppId, MobileAppId }.OfType<string>().Where(id => id.Length > 0).Distinct(StringComparer.Ordinal);

    /// <summary><see cref="PlatformSerialNo"/> as a list, entries trimmed and empty ones kept in place.</summary>
    internal IReadOnlyList<string> PlatformSerials() => PlatformSerialNo.Split(',', StringSplitOptions.TrimEntries);
}
