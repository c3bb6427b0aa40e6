using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Screening;
using PayFunctions.Core.Security;
using PayFunctions.Core.Webhooks;
using PayFunctions.Domain;

namespace PayFunctions.Core.Merchants;

/// <summary>
/// Operators onboard merchants. The API key and webhook secret are shown in the create answer
/// only: the platform keeps a keyed hash of the key and the secret sealed, and a replay of the
/// create answers the merchant without them.
/// </summary>
public sealed class MerchantEndpoints(
    MerchantStore merchants, ApiKeyStore apiKeys, IdempotentPost idempotentPost, AuditLog audit, SanctionsScreener screener, IOptions<WebhookOptions> webhooks)
{
    public const int DefaultFeeBasisPoints = 60;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const char IdSeparator = ' ';

    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is not { } caller)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var actor = caller.Actor;
        var (body, parsed, parseError) = await RequestBody.ReadAsync<CreateMerchantRequest>(request, null, cancellationToken);
        if (parseError is not null)
        {
            return parseError.ToResult();
        }

        var invalid = Validate(parsed!, webhooks.Value.AllowPrivateNetworks);
        if (invalid is not null)
        {
            return invalid.ToResult();
        }

        // The idempotency row keeps the ids, so a retry onboards the same merchant under the same key ids.
        return await idempotentPost.RunAsync(
            request,
            // Each operator's keys are its own: two operators reusing a key do not get each other's merchant.
            caller.OperatorId,
            body!,
            () => string.Join(IdSeparator, NewMerchantId(), apiKeys.NewKeyId(), apiKeys.NewKeyId()),
            ids => ids.Split(IdSeparator) is [var merchantId, var keyId, var testKeyId]
                ? CreateWithIdsAsync(
                    new OnboardingIds(merchantId, keyId, testKeyId),
                    parsed!,
                    new AuditEvent(
                        AuditEventTypes.MerchantCreated, actor, merchantId, new Dictionary<string, object?> { ["api_key"] = keyId, ["test_api_key"] = testKeyId }, AuditRequests.IdOf(request)),
                    cancellationToken)
                : throw new InvalidOperationException("The idempotency record holds no merchant and key ids."),
            cancellationToken);
    }

    private static ApiError? Validate(CreateMerchantRequest r, bool allowPrivateNetworks)
    {
        if (string.IsNullOrWhiteSpace(r.Name))
        {
            return ApiError.MissingParameter("name");
        }

        if (r.Name.Length > 100 || r.Name.Any(char.IsControl))
        {
            return ApiError.InvalidRequest("name", "name must be at most 100 printable characters.");
        }

        if (r.WebhookUrl is not null && WebhookUrlPolicy.Check(r.WebhookUrl, allowPrivateNetworks) is { } webhookUrlProblem)
        {
            return ApiError.InvalidRequest("webhook_url", webhookUrlProblem);
        }

        if (r.FeeBasisPoints is < 0 or > 10_000)
        {
            return ApiError.InvalidRequest("fee_basis_points", "fee_basis_points must be between 0 and 10000.");
        }

        return r.SettlementCurrency is not null && !Currency.TryParse(r.SettlementCurrency, out _)
            ? ApiError.InvalidRequest("settlement_currency", "settlement_currency must be a supported ISO 4217 currency code, e.g. \"cny\" or \"usd\".")
            : null;
    }

    /// <summary>
    /// Onboards the live merchant and its test-mode twin, each with its first key. The twin shares the profile, the
    /// webhook address and its secret (events say which mode they are of), but none of the objects: its keys reach
    /// its own partition only. The twin goes first, so a live merchant never exists without it.
    /// </summary>
    private async Task<StoredResponse> CreateWithIdsAsync(OnboardingIds ids, CreateMerchantRequest r, AuditEvent done, CancellationToken cancellationToken)
    {
        var (apiKey, testApiKey) = (ApiKeyStore.NewSecret(testMode: false), ApiKeyStore.NewSecret(testMode: true));
        var webhookSecret = WebhookSigner.NewSecret();
        var testMerchantId = MerchantEntity.TestTwinId(ids.MerchantId);
        var merchant = new MerchantEntity
        {
            Id = ids.MerchantId,
            Name = r.Name!,
            WebhookUrl = r.WebhookUrl,
            FeeBasisPoints = r.FeeBasisPoints ?? DefaultFeeBasisPoints,
            SettlementCurrency = r.SettlementCurrency is null ? Currency.Cny.Code : Currency.Parse(r.SettlementCurrency).Code,
            TwinId = testMerchantId,
        };
        var twin = new MerchantEntity
        {
            Id = testMerchantId,
            Name = merchant.Name,
            WebhookUrl = merchant.WebhookUrl,
            FeeBasisPoints = merchant.FeeBasisPoints,
            SettlementCurrency = merchant.SettlementCurrency,
            TestMode = true,
            TwinId = ids.MerchantId,
        };
        await merchants.OnboardAsync(twin, ids.TestKeyId, testApiKey, webhookSecret, cancellationToken);
        await merchants.OnboardAsync(merchant, ids.KeyId, apiKey, webhookSecret, cancellationToken);

        // A hit does not stop onboarding: it holds the merchant's payouts until an operator has reviewed it.
        await screener.ScreenAsync(ScreenedParty.Merchant(merchant.Id, merchant.Name), cancellationToken);
        await audit.AppendAsync(done);
        var shown = new MerchantResource(
            ids.MerchantId, "merchant", merchant.Name, merchant.WebhookUrl, merchant.FeeBasisPoints, merchant.SettlementCurrency.ToLowerInvariant(), apiKey, testApiKey, webhookSecret, SecretsRedacted: false);
        var redacted = shown with { ApiKey = null, TestApiKey = null, WebhookSecret = null, SecretsRedacted = true };
        return new StoredResponse(
            StatusCodes.Status201Created,
            JsonSerializer.Serialize(shown, ApiJson.Options),
            "application/json",
            ReplayJson: JsonSerializer.Serialize(redacted, ApiJson.Options));
    }

    private static string NewMerchantId() => "mch_" + RandomNumberGenerator.GetString(Alphabet, 16);

    private sealed record OnboardingIds(string MerchantId, string KeyId, string TestKeyId);

    /// <summary>The secrets are null, and <c>secrets_redacted</c> true, in every answer but the first.</summary>
    internal sealed record MerchantResource(
        string Id,
        string Object,
        string Name,
        string? WebhookUrl,
        int FeeBasisPoints,
        string SettlementCurrency,
        string? ApiKey,
        string? TestApiKey,
        string? WebhookSecret,
        bool SecretsRedacted);
}
