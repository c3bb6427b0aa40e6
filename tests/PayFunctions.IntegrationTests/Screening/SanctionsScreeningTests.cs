using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Screening;
using PayFunctions.Core.Settlements;
using PayFunctions.Domain;
using PayFunctions.Domain.Screening;

namespace PayFunctions.IntegrationTests.Screening;

/// <summary>
/// Sanctions screening through LocalHost on Azurite: the operator uploads OFAC's list in its published format, a split
/// receiver onboarded before it (a spelling variant of a listed party) is found by the rescreen the upload starts and
/// one onboarded after it at creation; the receiver's share of a payment paid in the sandbox stays owed while the
/// merchant is paid, and is paid by the settlement after an operator dismisses the hit. A damaged upload changes nothing.
/// The list stays loaded for the rest of the run, so the listed party is one made up for each run.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SanctionsScreeningTests(PlatformFixture platform)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    private readonly Scenario scenario = new(platform);

    [Fact]
    public async Task A_listed_receivers_payouts_are_held_until_its_hit_is_dismissed_while_the_merchant_is_paid()
    {
        var (merchant, key) = await NewMerchantAsync();
        var surname = string.Concat(Enumerable.Range(0, 4).Select(_ => "bdgklmnprstvz"[Random.Shared.Next(13)] + "aeiou"[Random.Shared.Next(5)].ToString()));
        var uid = Random.Shared.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
        var receiverName = "Alexandr " + surname + "ow";
        var receiver = await scenario.CreateAccountAsync(key, Scenario.BankAccountBody(name: receiverName));
        var payment = await PaidSplitPaymentAsync(key, receiver);

        var listed = $"<sdnEntry><uid>{uid}</uid><firstName>Aleksandr</firstName><lastName>{surname.ToUpperInvariant()}OV</lastName><sdnType>Individual</sdnType></sdnEntry>";
        var uploaded = await UploadAsync("ofac_sdn", Sample().Replace("</sdnList>", listed + "</sdnList>", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, uploaded.Status);
        Assert.Equal(("sanctions_list", "ofac_sdn", 5), ((string?)uploaded.Body["object"], (string?)uploaded.Body["source"], (int)uploaded.Body["entries"]!));

        // The receiver was onboarded before the list: the rescreen the upload started finds it.
        var hitId = ScreeningHitIds.For(ScreenedParty.Account(merchant, receiver, receiverName), SanctionsListSource.OfacSdn, uid);
        var hit = await WaitForHitAsync(hitId);
        Assert.Equal(("pending_review", receiver, "ofac_sdn", uid), ((string?)hit["status"], (string?)hit["party"]!["id"], (string?)hit["list_entry"]!["source"], (string?)hit["list_entry"]!["id"]));
        Assert.False((bool)(await AccountAsync(key, receiver))["payouts_enabled"]!);

        // New splits to it are refused; a receiver onboarded now is screened at once and held, but created.
        var refused = await CreateSplitPaymentAsync(key, receiver);
        Assert.Equal((HttpStatusCode.BadRequest, "split_recipient_blocked", "split.recipients[0].account"), (refused.Status, (string?)refused.Body["code"], (string?)refused.Body["param"]));
        using (var create = platform.Request(HttpMethod.Post, "api/v1/accounts", key, Scenario.BankAccountBody(name: "Aleksandr " + surname + "off")))
        {
            var (status, later, _) = await scenario.SendAsync(create);
            Assert.Equal((HttpStatusCode.Created, false), (status, (bool)later["payouts_enabled"]!));
            var laterHit = ScreeningHitIds.For(ScreenedParty.Account(merchant, (string)later["id"]!, ""), SanctionsListSource.OfacSdn, uid);
            Assert.Equal("pending_review", (string?)(await GetHitAsync(laterHit)).Body["status"]);
        }

        var run = await SettleAsync(null);
        var day = DateOnly.ParseExact((string)run["settlement_date"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains(run["held"]!.AsArray(), h => (string?)h!["account"] == receiver && (string?)h["currency"] == "cny" && (string?)h["reason"] == "screening_hit");
        Assert.True(await SettledAsync(merchant, day), $"the merchant of {payment} was not paid: {run.ToJsonString()}");
        Assert.False(await SettledAsync(receiver, day));

        var dismissed = await ReviewAsync(hitId, """{"decision":"dismiss","note":"Different person: the payout account's holder was born in 1991"}""");
        Assert.Equal(HttpStatusCode.OK, dismissed.Status);
        Assert.Equal(("dismissed", "dismiss"), ((string?)dismissed.Body["status"], (string?)dismissed.Body["review"]!["decision"]));
        Assert.StartsWith("operator:", (string?)dismissed.Body["review"]!["reviewed_by"], StringComparison.Ordinal);
        var again = await ReviewAsync(hitId, """{"decision":"confirm","note":"second look"}""");
        Assert.Equal((HttpStatusCode.Conflict, "screening_hit_reviewed"), (again.Status, (string?)again.Body["code"]));
        Assert.Equal(hitId, (string?)(await AuditEventsAsync("screening_hit.reviewed"))[0]["subject"]);
        Assert.True((bool)(await AccountAsync(key, receiver))["payouts_enabled"]!);

        var rerun = await SettleAsync(day);
        Assert.DoesNotContain(rerun["held"]!.AsArray(), h => (string?)h!["account"] == receiver);
        Assert.True(await SettledAsync(receiver, day));
        await scenario.AssertLedgerInvariantAsync();
    }

    [Fact]
    public async Task A_damaged_or_unknown_list_is_refused_and_changes_nothing()
    {
        var sample = Sample();
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync("ofac_sdn", sample)).Status);
        var before = await ListsAsync();

        var damaged = await UploadAsync("ofac_sdn", sample.Replace("<sdnType>Entity</sdnType>", "<sdnType>Company</sdnType>", StringComparison.Ordinal));
        var unknown = await UploadAsync("..%2Fofac_sdn", sample);
        var other = await UploadAsync("eu_consolidated", sample);

        Assert.Equal((HttpStatusCode.BadRequest, "sanctions_list_invalid"), (damaged.Status, (string?)damaged.Body["code"]));
        Assert.Contains("sdn.xml line 47", (string?)damaged.Body["detail"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal((HttpStatusCode.NotFound, "source"), (other.Status, (string?)other.Body["param"]));
        Assert.Equal(before, await ListsAsync());
    }

    private static string Sample() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Screening", "sdn.xml"));

    private async Task<(string Merchant, string ApiKey)> NewMerchantAsync()
    {
        var id = "mch_it_scr_" + Guid.NewGuid().ToString("N")[..10];
        var key = "sk_test_it_" + Guid.NewGuid().ToString("N");
        await platform.Merchants(TimeProvider.System).SeedAsync(
            new MerchantEntity { Id = id, Name = "Harbour Tea House", FeeBasisPoints = 60 }, key, PlatformFixture.WebhookSecret, CancellationToken.None);
        return (id, key);
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> CreateSplitPaymentAsync(string key, string receiver)
    {
        var json = Scenario.PaymentBody(Scenario.NewOrderId(), 10_000, $$""","split":{"recipients":[{"account":"{{receiver}}","basis_points":3000}]}""");
        using var request = platform.Request(HttpMethod.Post, "api/v1/payments", key, json);
        var (status, body, _) = await scenario.SendAsync(request);
        return (status, body);
    }

    /// <summary>Paid 26 hours ago, so that the latest day that may be settled settles it.</summary>
    private async Task<string> PaidSplitPaymentAsync(string key, string receiver)
    {
        var (status, created) = await CreateSplitPaymentAsync(key, receiver);
        Assert.True(status == HttpStatusCode.Created, created.ToJsonString());
        var id = (string)created["id"]!;
        var paidAt = DateTimeOffset.UtcNow.AddHours(-26).ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.OK, await scenario.PayAsync(id, $$"""{"success_time":"{{paidAt}}"}"""));
        await scenario.WaitForStatusAsync(id, "succeeded", Within, key);
        return id;
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> UploadAsync(string source, string xml)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"api/ops/sanctions_lists/{source}") { Content = new StringContent(xml, Encoding.UTF8, "application/xml") };
        request.Headers.Authorization = new("Bearer", PlatformFixture.OperatorKey);
        var (status, body, _) = await scenario.SendAsync(request);
        return (status, body);
    }

    private async Task<string> ListsAsync() => (await OperatorGetAsync("api/ops/sanctions_lists")).Body.ToJsonString();

    private Task<(HttpStatusCode Status, JsonObject Body)> GetHitAsync(string id) => OperatorGetAsync($"api/ops/screening/hits/{id}");

    private async Task<JsonObject> WaitForHitAsync(string id)
    {
        var until = DateTimeOffset.UtcNow + Within;
        while (true)
        {
            var (status, body) = await GetHitAsync(id);
            if (status == HttpStatusCode.OK)
            {
                return body;
            }

            Assert.True(DateTimeOffset.UtcNow < until, $"no hit {id} after the rescreen: {status} {body}\n{platform.HostLogTail()}");
            await Task.Delay(250);
        }
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> ReviewAsync(string id, string json)
    {
        using var request = platform.Request(HttpMethod.Post, $"api/ops/screening/hits/{id}/review", PlatformFixture.OperatorKey, json);
        var (status, body, _) = await scenario.SendAsync(request);
        return (status, body);
    }

    private async Task<IReadOnlyList<JsonObject>> AuditEventsAsync(string type)
    {
        var (status, body) = await OperatorGetAsync($"api/ops/audit_events?type={type}");
        Assert.Equal(HttpStatusCode.OK, status);
        return [.. body["data"]!.AsArray().Select(e => e!.AsObject())];
    }

    private async Task<JsonObject> AccountAsync(string key, string account)
    {
        using var request = platform.Request(HttpMethod.Get, $"api/v1/accounts/{account}", key);
        var (status, body, _) = await scenario.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    private async Task<JsonObject> SettleAsync(DateOnly? day)
    {
        var path = day is { } d ? $"api/ops/settlements?date={d:yyyy-MM-dd}" : "api/ops/settlements";
        using var request = platform.Request(HttpMethod.Post, path, PlatformFixture.OperatorKey);
        var (status, body, _) = await scenario.SendAsync(request);
        Assert.True(status == HttpStatusCode.OK, $"{status} {body}\n{platform.HostLogTail()}");
        return body;
    }

    private async Task<bool> SettledAsync(string account, DateOnly day) =>
        await new SettlementStore(platform.Storage).ExistsAsync(account, SettlementPlanner.SettlementId(day, account, Currency.Cny), CancellationToken.None);

    private async Task<(HttpStatusCode Status, JsonObject Body)> OperatorGetAsync(string path)
    {
        using var request = platform.Request(HttpMethod.Get, path, PlatformFixture.OperatorKey);
        var (status, body, _) = await scenario.SendAsync(request);
        return (status, body);
    }
}
