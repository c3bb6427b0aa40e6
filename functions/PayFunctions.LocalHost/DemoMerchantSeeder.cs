using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Api;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Secrets;

namespace PayFunctions.LocalHost;

/// <summary>
/// Gives a development machine what onboarding gives a real deployment: an API-key pepper, the
/// admin key and the documented demo merchant, so the README's curl walk-through works at once.
/// </summary>
public sealed class DemoMerchantSeeder(IOptions<DemoMerchantOptions> options, MerchantStore merchants, ISecretStore secrets, ILogger<DemoMerchantSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await secrets.GetAsync(ApiKeyHasher.PepperSecretName, cancellationToken) is null)
        {
            await secrets.SetAsync(ApiKeyHasher.PepperSecretName, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), cancellationToken);
        }

        var demo = options.Value;
        if (!demo.Enabled)
        {
            return;
        }

        await secrets.SetAsync(AdminAuthenticator.AdminKeySecretName, demo.AdminKey, cancellationToken);
        await merchants.UpsertAsync(
            new MerchantEntity { RowKey = demo.Id, Name = demo.Name, WebhookUrl = demo.WebhookUrl, FeeBasisPoints = demo.FeeBasisPoints },
            demo.ApiKey,
            demo.WebhookSecret,
            cancellationToken);
        logger.LogInformation("Demo merchant {MerchantId} ready; API key {ApiKey}", demo.Id, demo.ApiKey);
    }
}
