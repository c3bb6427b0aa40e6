using System.Security.Cryptography;

namespace ChannelSandbox.Stripe;

/// <summary>
/// The account's secret API key and its webhook endpoint's signing secret, generated on first start and kept in
/// <c>{SecretsDirectory}/stripe-main-secret-key</c> and <c>stripe-main-webhook-secret</c> for the merchant side to read.
/// </summary>
public sealed record StripeKeys(string SecretKey, string WebhookSecret)
{
    public const string SecretKeyFile = "stripe-main-secret-key";
    public const string WebhookSecretFile = "stripe-main-webhook-secret";

    public static StripeKeys LoadOrCreate(SandboxOptions options)
    {
        var directory = Path.GetFullPath(options.SecretsDirectory);
        var keyPath = Path.Combine(directory, SecretKeyFile);
        var webhookPath = Path.Combine(directory, WebhookSecretFile);
        if (!File.Exists(keyPath) || !File.Exists(webhookPath))
        {
            // Stripe's shapes: sk_test_ + 99 letters and digits; whsec_ + 32 letters and digits.
            AtomicFile.WriteAllText(keyPath, "sk_test_" + RandomNumberGenerator.GetString(Alphabet, 99), ownerOnly: true);
            AtomicFile.WriteAllText(webhookPath, "whsec_" + RandomNumberGenerator.GetString(Alphabet, 32), ownerOnly: true);
        }

        return new StripeKeys(File.ReadAllText(keyPath).Trim(), File.ReadAllText(webhookPath).Trim());
    }

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
}
