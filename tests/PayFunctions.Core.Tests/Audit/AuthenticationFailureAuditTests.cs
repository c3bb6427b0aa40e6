using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Http;
using PayFunctions.Core.Tests.Storage;

namespace PayFunctions.Core.Tests.Audit;

[Collection(AzuriteCollection.Name)]
public sealed class AuthenticationFailureAuditTests(AzuriteFixture azurite)
{
    private static readonly IResult Unauthorized = ApiError.Unauthenticated().ToResult();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
    private readonly AuditOptions options = new() { Chain = "f" + Guid.NewGuid().ToString("N")[..16], FailuresPerMinute = 3 };

    [Fact]
    public async Task OneAddress_IsRecordedOnceAMinute_AndTheFailuresInBetweenAreCountedIntoTheNextRecord()
    {
        using var log = Log();
        var audit = new AuthenticationFailureAudit(log, Options.Create(options), time);
        for (var i = 0; i < 5; i++)
        {
            await audit.ObserveAsync(From("203.0.113.7"), ApiRoutes.GetBalance, Unauthorized);
        }

        await audit.ObserveAsync(From("198.51.100.1"), ApiRoutes.RunSettlement, Unauthorized);
        time.Advance(TimeSpan.FromMinutes(1));
        await audit.ObserveAsync(From("203.0.113.7"), ApiRoutes.GetBalance, Unauthorized);

        Assert.Equal(
            [
                ("anonymous:203.0.113.7", "GetBalance", """{"method":"GET","unrecorded_failures_before":0}"""),
                ("anonymous:198.51.100.1", "RunSettlement", """{"method":"POST","unrecorded_failures_before":4}"""),
                ("anonymous:203.0.113.7", "GetBalance", """{"method":"GET","unrecorded_failures_before":0}"""),
            ],
            (await RecordsAsync()).Select(r => (r.Actor, r.Subject, r.Detail)));
    }

    [Fact]
    public async Task ManyAddresses_AreRecordedOnlyUpToTheInstancesBoundAMinute()
    {
        using var log = Log();
        var audit = new AuthenticationFailureAudit(log, Options.Create(options), time);
        for (var i = 1; i <= 20; i++)
        {
            await audit.ObserveAsync(From("203.0.113." + i), ApiRoutes.ListPayments, Unauthorized);
        }

        Assert.Equal(3, (await RecordsAsync()).Count);
    }

    [Fact]
    public async Task OtherAnswers_AndRoutesWithoutAuthentication_AreNotRecorded()
    {
        using var log = Log();
        var audit = new AuthenticationFailureAudit(log, Options.Create(options), time);

        await audit.ObserveAsync(From("203.0.113.9"), ApiRoutes.GetBalance, Results.Ok());
        await audit.ObserveAsync(From("203.0.113.9"), ApiRoutes.CheckoutPage, Unauthorized);
        await audit.ObserveAsync(From("203.0.113.9"), ApiRoutes.GetBalance, null);

        Assert.Empty(await RecordsAsync());
    }

    private static DefaultHttpContext From(string address)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(address);
        return http;
    }

    private async Task<List<AuditEntity>> RecordsAsync()
    {
        var query = new AuditQuery(azurite.Storage, Options.Create(options));
        var (page, _) = await query.ListAsync(new AuditFilter(AuditEventTypes.AuthenticationFailed, null, null, null), 100, null, CancellationToken.None);
        return [.. page.Reverse()];
    }

    private AuditLog Log() => new(azurite.Storage, Options.Create(options), time, NullLogger<AuditLog>.Instance);
}
