using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Operators;
using PayFunctions.Core.RateLimiting;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Security;
using PayFunctions.Core.Storage;
using PayFunctions.Core.Tests.Secrets;

namespace PayFunctions.Core.Tests.Security;

/// <summary>The gate, the token service and the stores behind them, on Azurite, with a clock the test moves.</summary>
internal sealed class SecurityHarness
{
    public const string BootstrapKey = "bootstrap_unit_test_0000000000000";

    /// <summary>Requests one key (and its tokens) may make before the gate answers 429.</summary>
    public const int KeyLimit = 20;

    public SecurityHarness(StorageClients storage)
    {
        Secrets.AddVersion(ApiKeyHasher.PepperSecretName, "1", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        Secrets.AddVersion(OperatorStore.BootstrapKeySecretName, "1", BootstrapKey);
        Secrets.AddVersion(SecretEnvelope.KeySecretName, "1", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        RotateSigningKey("k1");
        Storage = storage;
        ApiKeys = new ApiKeyStore(storage, Secrets, new SecretEnvelope(Secrets), Time);
        Operators = new OperatorStore(storage, Secrets, Time);
        SigningKeys = new TokenSigningKeys(Secrets, Time);
        Tokens = new AccessTokens(SigningKeys, ApiKeys, Operators, Options.Create(new AuthOptions()), Time);
        Signatures = new RequestSignature(ApiKeys, Time);
        AuditOptions = Options.Create(new AuditOptions { Chain = "sec" + Guid.NewGuid().ToString("N")[..16] });
        Audit = new AuditLog(storage, AuditOptions, Time, NullLogger<AuditLog>.Instance);
        Limiter = new ApiRateLimiter(
            Options.Create(new RateLimitOptions { ApiKey = new() { Limit = KeyLimit, Window = TimeSpan.FromHours(1) } }), Time, NullLogger<ApiRateLimiter>.Instance);
        Gate = new ApiGate(ApiKeys, Operators, Tokens, Signatures, Limiter);
    }

    public VersionedSecrets Secrets { get; } = new();

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public StorageClients Storage { get; }

    public ApiKeyStore ApiKeys { get; }

    public OperatorStore Operators { get; }

    public TokenSigningKeys SigningKeys { get; }

    public AccessTokens Tokens { get; }

    public RequestSignature Signatures { get; }

    public IOptions<AuditOptions> AuditOptions { get; }

    /// <summary>An audit chain of this harness's own.</summary>
    public AuditLog Audit { get; }

    public ApiRateLimiter Limiter { get; }

    public ApiGate Gate { get; }

    public void RotateSigningKey(string version) =>
        Secrets.AddVersion(TokenSigningKeys.SecretName, version, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    /// <summary>A new merchant with one key of the given scopes (null: every scope).</summary>
    public async Task<(string MerchantId, string KeyId, string Key)> MerchantWithKeyAsync(string? scopes = null)
    {
        var (merchantId, issued) = await MerchantWithIssuedKeyAsync(scopes, signatureRequired: false);
        return (merchantId, issued.Key.Id, issued.Secret);
    }

    public async Task<(string MerchantId, IssuedKey Issued)> MerchantWithIssuedKeyAsync(string? scopes, bool signatureRequired)
    {
        var merchant = new MerchantEntity { Id = "mch_" + Guid.NewGuid().ToString("N")[..16], Name = "Security test" };
        await Storage.Tables.GetTableClient(TableNames.Merchants).AddEntityAsync(merchant);
        return (merchant.Id, await ApiKeys.IssueAsync(merchant, ApiKeys.NewKeyId(), null, scopes, signatureRequired, CancellationToken.None));
    }

    /// <summary>What the gate answers for <paramref name="route"/> with this Authorization header: its status (200 when admitted) and the caller.</summary>
    public async Task<(int Status, ApiCaller? Caller, HttpContext Http)> AdmitAsync(ApiRoute route, string? bearer, Action<HttpRequest>? prepare = null)
    {
        var http = new DefaultHttpContext();
        prepare?.Invoke(http.Request);
        if (bearer is not null)
        {
            http.Request.Headers.Authorization = "Bearer " + bearer;
        }

        var refused = await Gate.AdmitAsync(http, route, CancellationToken.None);
        return (refused is IStatusCodeHttpResult { StatusCode: { } status } ? status : StatusCodes.Status200OK, ApiCaller.Of(http), http);
    }
}
