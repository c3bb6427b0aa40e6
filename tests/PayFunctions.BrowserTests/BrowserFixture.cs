using Microsoft.Playwright;
using PayFunctions.IntegrationTests;

namespace PayFunctions.BrowserTests;

/// <summary>
/// Headless Chromium from the system (<c>/usr/bin/chromium</c>, Debian's package; CI installs it),
/// driven by Playwright without its own browser download.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: <c>BROWSER_TEST_ARTIFACTS</c>, else TestResults/screenshots under the repository.</summary>
    public static string ArtifactsDirectory { get; } =
        Environment.GetEnvironmentVariable("BROWSER_TEST_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(PlatformFixture.RepositoryRoot, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install -y chromium.");
        }

        Directory.CreateDirectory(ArtifactsDirectory);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox"],
        });
    }

    /// <summary>A fresh context (no shared cookies or cache) with the given viewport and User-Agent.</summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 390, int height = 844, string? userAgent = null, string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            UserAgent = userAgent,
            Locale = locale,
            IsMobile = width < 600,
            HasTouch = width < 600,
        });

        // The platform shares a small machine with the other test runs: a payment's next step can take a while.
        context.SetDefaultTimeout(60_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<PlatformFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
