using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace PayFunctions.IntegrationTests.Security;

/// <summary>
/// Generated hostile requests through the running LocalHost, after the parsers' own fuzzing: mutations of
/// a valid create-payment body and of credentials. Every answer must be below 500, and what was created
/// must be exactly what was accepted. The seed is printed; <c>API_FUZZ_SEED=&lt;seed&gt;</c> replays a run.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ApiFuzzTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const int BodyCases = 400;
    private const int CredentialCases = 200;
    private const int MaxPacedAttempts = 20;
    private const string Valid = """{"amount":1234,"currency":"cny","method":"wechat_pay.native","merchant_order_id":"fz-1","description":"Latte","metadata":{"table":"7"}}""";
    private static readonly byte[] Interesting = Encoding.UTF8.GetBytes("{}[]\":,\\-+.eE0123456789 \t\n\0\u0001nulltruefalse\u00ff\u00e9");
    private readonly Scenario scenario = new(platform);

    [Fact]
    public async Task MutatedCreatePaymentBodies_AnswerBelow500_AndCreateExactlyWhatTheyAccept()
    {
        var seed = Seed();
        var random = new Random(seed);
        var key = await NewMerchantKeyAsync();
        var accepted = 0;
        for (var i = 0; i < BodyCases; i++)
        {
            var body = Mutate(Encoding.UTF8.GetBytes(Valid), random);
            var idempotencyKey = $"fuzz-{seed}-{i}";
            using var response = await SendPacedAsync(() =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/payments") { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
                request.Headers.Add("Idempotency-Key", idempotencyKey);
                return request;
            });
            Assert.True((int)response.StatusCode < 500, $"seed {seed}, case {i}: {(int)response.StatusCode} for body (base64) {Convert.ToBase64String(body)}");
            accepted += response.IsSuccessStatusCode ? 1 : 0;
        }

        Assert.Equal(accepted, await CountPaymentsAsync(key));
        output.WriteLine($"fuzz api_create_payment: {BodyCases} cases, 0 failures ({accepted} accepted), seed {seed}");
    }

    [Fact]
    public async Task MutatedCredentials_AreRefusedWithoutA5xx()
    {
        var seed = Seed();
        var random = new Random(seed);
        var key = await NewMerchantKeyAsync();
        for (var i = 0; i < CredentialCases; i++)
        {
            // HTTP carries header values as visible ASCII; the client refuses anything else before it is sent.
            var credential = new string([.. Mutate(Encoding.ASCII.GetBytes(key), random).Select(b => (char)(b & 0x7F)).Where(c => c is >= ' ' and <= '~')]);
            var authorization = (random.Next(4) == 0 ? "bearer  " : "Bearer ") + credential;
            using (var probe = new HttpRequestMessage())
            {
                if (!probe.Headers.TryAddWithoutValidation("Authorization", authorization))
                {
                    continue;
                }
            }

            using var response = await SendPacedAsync(() =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/payments?limit=1");
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
                return request;
            });
            Assert.True((int)response.StatusCode < 500, $"seed {seed}, case {i}: {(int)response.StatusCode}");
            Assert.True(credential == key || response.StatusCode != HttpStatusCode.OK, $"seed {seed}, case {i}: a mutated key was accepted");
        }

        output.WriteLine($"fuzz api_credentials: {CredentialCases} cases, 0 failures, seed {seed}");
    }

    private static int Seed() =>
        int.TryParse(Environment.GetEnvironmentVariable("API_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : Random.Shared.Next();

    /// <summary>One to three byte-level edits: flips, deletions, repeats, insertions of JSON's own punctuation, long digit runs.</summary>
    private static byte[] Mutate(byte[] input, Random random)
    {
        var bytes = new List<byte>(input);
        for (var edits = random.Next(1, 4); edits > 0 && bytes.Count > 0; edits--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 12), bytes.Count - at));
                    break;
                case 2:
                    bytes.InsertRange(at, bytes.GetRange(at, Math.Min(random.Next(1, 24), bytes.Count - at)));
                    break;
                case 3:
                    bytes.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 4:
                    bytes.InsertRange(at, Encoding.ASCII.GetBytes(new string('9', random.Next(15, 40))));
                    break;
                default:
                    bytes[at] = Interesting[random.Next(Interesting.Length)];
                    break;
            }
        }

        return [.. bytes];
    }

    private async Task<string> NewMerchantKeyAsync()
    {
        using var onboard = platform.Request(HttpMethod.Post, "api/ops/merchants", PlatformFixture.OperatorKey, """{"name":"Fuzz target"}""");
        var (status, merchant, _) = await scenario.SendAsync(onboard);
        Assert.Equal(HttpStatusCode.Created, status);
        return (string)merchant["test_api_key"]!;
    }

    /// <summary>
    /// Sends a request, and again after its <c>Retry-After</c> while the rate limits answer 429: cases come faster
    /// than a key's 100 a second, and a case the limiter turned away never reached the parser it is meant for.
    /// </summary>
    private async Task<HttpResponseMessage> SendPacedAsync(Func<HttpRequestMessage> build)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = build();
            var response = await platform.Api.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt == MaxPacedAttempts)
            {
                return response;
            }

            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            await Task.Delay(wait);
        }
    }

    private async Task<int> CountPaymentsAsync(string key)
    {
        var count = 0;
        string? after = null;
        while (true)
        {
            var path = "api/v1/payments?limit=100" + (after is null ? "" : "&starting_after=" + after);
            using var response = await SendPacedAsync(() => platform.Request(HttpMethod.Get, path, key));
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"listing answered {(int)response.StatusCode}: {text}");
            var page = JsonNode.Parse(text)!.AsObject();
            var data = page["data"]!.AsArray();
            count += data.Count;
            if (!(bool)page["has_more"]!)
            {
                return count;
            }

            after = (string)data[^1]!["id"]!;
        }
    }
}
