using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PayFunctions.Channels.BankTransfer;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Screening;
using PayFunctions.Domain;
using PayFunctions.Domain.Screening;

namespace PayFunctions.IntegrationTests.Screening;

/// <summary>
/// A payer screened through LocalHost: the operator uploads OFAC's list naming a party made up for the run, and a bank
/// transfer whose debtor is a spelling variant of it pays a payment. The payment succeeds with its money held for
/// review (the risk decision names <c>sanctions_payer</c>), cannot be refunded, and is not released until the payer's
/// hit is dismissed; then the release moves its money to the merchant.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class PayerScreeningTests(PlatformFixture platform)
{
    private const long Amount = 12_000;
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    private readonly Scenario scenario = new(platform);

    [Fact]
    public async Task A_payment_from_a_listed_payer_is_held_and_released_only_once_the_payers_hit_is_dismissed()
    {
        var surname = string.Concat(Enumerable.Range(0, 4).Select(_ => "bdgklmnprstvz"[Random.Shared.Next(13)] + "aeiou"[Random.Shared.Next(5)].ToString()));
        var uid = Random.Shared.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
        await UploadListNamingAsync(uid, "Aleksandr", surname.ToUpperInvariant() + "OV");

        var (id, reference) = await CreateTransferPaymentAsync();
        await BankPostAsync("sandbox/bank-transfer/transfers", $$"""{"reference":"{{reference}}","amount":{{Amount}},"debtor_name":"Alexandr {{surname}}ow"}""");
        var paid = await scenario.WaitForStatusAsync(id, "succeeded", Within);

        var risk = paid["risk"]!.AsObject();
        Assert.Equal(("review", "pending"), ((string?)risk["outcome"], (string?)risk["review"]));
        Assert.Contains(risk["decisions"]!.AsArray(), d => d!["rules"]!.AsArray().Any(r => (string?)r!["id"] == "sanctions_payer" && (string?)r["action"] == "review"));
        Assert.DoesNotContain(surname, paid.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        var capture = Assert.Single(await scenario.LedgerEntriesForAsync(id));
        Assert.Contains(capture.Lines, l => l.Account == LedgerAccounts.RiskHold(PlatformFixture.DemoMerchantId) && l.Side == EntrySide.Credit);
        var (refundStatus, refund) = await scenario.CreateRefundAsync(id, "{}");
        Assert.Equal((HttpStatusCode.Conflict, "payment_under_review"), (refundStatus, (string?)refund["code"]));

        var hitId = ScreeningHitIds.For(ScreenedParty.Payer(null, id, ""), SanctionsListSource.OfacSdn, uid);
        var (hitStatus, hit) = await OperatorAsync(HttpMethod.Get, $"api/ops/screening/hits/{hitId}");
        Assert.Equal(HttpStatusCode.OK, hitStatus);
        Assert.Equal(("pending_review", "payer", id, PlatformFixture.DemoMerchantId), ((string?)hit["status"], (string?)hit["party"]!["type"], (string?)hit["party"]!["id"], (string?)hit["party"]!["merchant"]));

        var (refused, problem) = await ReleaseAsync(id);
        Assert.Equal((HttpStatusCode.Conflict, "screening_hit_open"), (refused, (string?)problem["code"]));
        Assert.Contains(hitId, (string?)problem["detail"], StringComparison.Ordinal);

        var (reviewed, _) = await OperatorAsync(HttpMethod.Post, $"api/ops/screening/hits/{hitId}/review", """{"decision":"dismiss","note":"Different person: the payer's bank confirmed the date of birth"}""");
        Assert.Equal(HttpStatusCode.OK, reviewed);
        var (released, review) = await ReleaseAsync(id);

        Assert.True(released == HttpStatusCode.OK, review.ToJsonString());
        Assert.Equal("released", (string?)(await scenario.GetPaymentAsync(id))["risk"]!["review"]);
        Assert.Contains(await scenario.LedgerEntriesForAsync(id), e => e.Kind == Postings.RiskReleaseKind);
        await scenario.AssertLedgerInvariantAsync();
    }

    /// <summary>
    /// Uploads the sample list with the party added, and waits until the list is in use: a connected account onboarded
    /// beforehand under the party's name is found by the rescreen the upload starts, which loads the list first.
    /// </summary>
    private async Task UploadListNamingAsync(string uid, string firstName, string lastName)
    {
        var merchant = "mch_it_pscr_" + Guid.NewGuid().ToString("N")[..10];
        var key = "sk_test_it_" + Guid.NewGuid().ToString("N");
        await platform.Merchants(TimeProvider.System).SeedAsync(
            new MerchantEntity { Id = merchant, Name = "Harbour Tea House", FeeBasisPoints = 60 }, key, PlatformFixture.WebhookSecret, CancellationToken.None);
        var probeName = firstName + " " + lastName;
        var probe = await scenario.CreateAccountAsync(key, Scenario.BankAccountBody(name: probeName));

        var sample = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Screening", "sdn.xml"));
        var listed = $"<sdnEntry><uid>{uid}</uid><firstName>{firstName}</firstName><lastName>{lastName}</lastName><sdnType>Individual</sdnType></sdnEntry>";
        using (var upload = new HttpRequestMessage(HttpMethod.Put, "api/ops/sanctions_lists/ofac_sdn")
        {
            Content = new StringContent(sample.Replace("</sdnList>", listed + "</sdnList>", StringComparison.Ordinal), Encoding.UTF8, "application/xml"),
        })
        {
            upload.Headers.Authorization = new("Bearer", PlatformFixture.OperatorKey);
            var (status, body, _) = await scenario.SendAsync(upload);
            Assert.True(status == HttpStatusCode.OK, $"{status} {body}");
        }

        var probeHit = ScreeningHitIds.For(ScreenedParty.Account(merchant, probe, probeName), SanctionsListSource.OfacSdn, uid);
        var until = DateTimeOffset.UtcNow + Within;
        while ((await OperatorAsync(HttpMethod.Get, $"api/ops/screening/hits/{probeHit}")).Status != HttpStatusCode.OK)
        {
            Assert.True(DateTimeOffset.UtcNow < until, $"the list was not in use after {Within}\n{platform.HostLogTail()}");
            await Task.Delay(250);
        }
    }

    private async Task<(string Id, string Reference)> CreateTransferPaymentAsync()
    {
        var body = $$"""{"amount":{{Amount}},"currency":"eur","method":"{{BankTransferModule.ReferenceMethod}}","merchant_order_id":"{{Scenario.NewOrderId()}}","description":"Invoice"}""";
        using var request = platform.Request(HttpMethod.Post, "api/v1/payments", json: body);
        var (status, created, _) = await scenario.SendAsync(request);
        Assert.True(status == HttpStatusCode.Created, $"create answered {status}: {created}");
        return ((string)created["id"]!, (string)created["next_action"]!["display_transfer_instructions"]!["reference"]!);
    }

    private Task<(HttpStatusCode Status, JsonObject Body)> ReleaseAsync(string id) =>
        OperatorAsync(HttpMethod.Post, $"api/ops/risk/reviews/{id}/release", """{"note":"The payer's match was reviewed."}""");

    private async Task<(HttpStatusCode Status, JsonObject Body)> OperatorAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = platform.Request(method, path, PlatformFixture.OperatorKey, json);
        var (status, body, _) = await scenario.SendAsync(request);
        return (status, body);
    }

    private async Task<JsonObject> BankPostAsync(string path, string json)
    {
        using var response = await platform.Sandbox.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
