using Microsoft.Extensions.Time.Testing;
using Moq;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Stores;

namespace PayFunctions.Core.Tests.Stores;

public sealed class StoreAuthorizationStateTests
{
    private const string Store = "AbCdEfGhIjKlMnOpQrSt_-";
    private const string Nonce = "n0nce-with_dash-and_us";
    private const string Channel = "wallet_x";
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero));
    private readonly StoreAuthorizationState states;

    public StoreAuthorizationStateTests()
    {
        var secrets = new Mock<ISecretStore>();
        secrets.Setup(s => s.GetCurrentAsync(ApiKeyHasher.PepperSecretName, It.IsAny<CancellationToken>())).ReturnsAsync(new SecretVersion("pepper", "1"));
        states = new StoreAuthorizationState(secrets.Object, time);
    }

    [Fact]
    public async Task A_state_reads_back_for_its_store_and_channel_and_fits_the_strictest_wallet()
    {
        var state = await states.IssueAsync(Store, Channel, Nonce, 100_000_000_00, CancellationToken.None);

        Assert.Matches("^[A-Za-z0-9]{1,128}$", state);
        Assert.Equal((Nonce, 100_000_000_00L), await states.ReadAsync(Store, Channel, state, CancellationToken.None));
    }

    [Fact]
    public async Task A_changed_amount_another_store_or_another_wallet_is_refused()
    {
        var state = await states.IssueAsync(Store, Channel, Nonce, 1250, CancellationToken.None);

        Assert.Null(await states.ReadAsync(Store, Channel, state[..^4] + "9999", CancellationToken.None));
        Assert.Null(await states.ReadAsync(Store, Channel, state[..^1], CancellationToken.None));
        Assert.Null(await states.ReadAsync("ZZZZZZZZZZZZZZZZZZZZZZ", Channel, state, CancellationToken.None));
        Assert.Null(await states.ReadAsync(Store, "other_wallet", state, CancellationToken.None));
        Assert.Null(await states.ReadAsync(Store, Channel, "", CancellationToken.None));
        Assert.Null(await states.ReadAsync(Store, Channel, null, CancellationToken.None));
        Assert.Null(await states.ReadAsync(Store, Channel, new string('A', 200), CancellationToken.None));
    }

    [Fact]
    public async Task A_state_lapses_after_its_lifetime()
    {
        var state = await states.IssueAsync(Store, Channel, Nonce, 1250, CancellationToken.None);

        time.Advance(StoreAuthorizationState.Lifetime - TimeSpan.FromSeconds(1));
        var inTime = await states.ReadAsync(Store, Channel, state, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.NotNull(inTime);
        Assert.Null(await states.ReadAsync(Store, Channel, state, CancellationToken.None));
    }
}
