using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Operators;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Security;

namespace PayFunctions.LocalHost;

/// <summary>
/// Gives a development machine what the post-provision hook gives a real deployment (an API-key
/// pepper, a key-encryption key, a token-signing key, the bootstrap operator's key) and the documented demo merchant, so the README's
/// curl walk-through works at once. It writes only to a local secrets directory: against Key Vault
/// the app reads, and the hook is what writes.
/// </summary>
public sealed class DemoMerchantSeeder(
    IOptions<DemoMerchantOptions> options,
    IOptions<SecretsOptions> secretsOptions,
    MerchantStore merchants,
    ILogger<DemoMerchantSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (secretsOptions.Value.LocalDirectory is not { Length: > 0 } directory)
        {
            logger.LogInformation("Secrets come from Key Vault; nothing is seeded");
            return;
        }

        var local = new LocalDirectorySecretStore(directory);
        foreach (var name in new[] { ApiKeyHasher.PepperSecretName, SecretEnvelope.KeySecretName, TokenSigningKeys.SecretName })
        {
            if (await local.GetCurrentAsync(name, cancellationToken) is null)
            {
                await local.SetAsync(name, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), cancellationToken);
            }
        }

        var demo = options.Value;
        if (!demo.Enabled)
        {
            return;
        }

        await local.SetAsync(OperatorStore.BootstrapKeySecretName, demo.OperatorKey, cancellationToken);
        await merchants.SeedAsync(
            new MerchantEntity { Id = demo.Id, Name = demo.Name, WebhookUrl = demo.WebhookUrl, FeeBasisPoints = demo.FeeBasisPoints },
            demo.ApiKey,
            demo.WebhookSecret,
            cancellationToken);
        logger.LogInformation("Demo merchant {MerchantId} ready with the test credentials in the README", demo.Id);
    }
}
