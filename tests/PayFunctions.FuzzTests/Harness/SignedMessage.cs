using CsCheck;
using PayFunctions.Channels;
using PayFunctions.FuzzTargets;

namespace PayFunctions.FuzzTests.Harness;

/// <summary>A callback as the channel sends it: signed headers and body, and what the adapter reads from it.</summary>
public sealed record SignedMessage(IReadOnlyDictionary<string, string> Headers, byte[] Body, ChannelNotification Expected);

/// <summary>
/// Fuzzes a channel's callback parser from valid signed messages: each case mutates the body, one header's value,
/// or drops a header, or sends random bytes under valid headers. The parser must refuse with a
/// <see cref="ChannelNotificationException"/> or read exactly what one of the signed messages says: a mutation may
/// only verify when it changed nothing that is signed (the order of form fields, an unsigned field), or when its
/// splice rebuilt another signed message. Then the channel's
/// <c>&lt;target&gt;_signed</c> target (<see cref="ChannelTargets"/>) signs mutated payloads as the channel would.
/// </summary>
public static class ChannelFuzz
{
    /// <summary>Signed mutations cost a signature each (RSA for most channels), so they are fewer.</summary>
    private const int SignedCases = 1_500;

    public static void Run(FuzzLog output, string target, long cases, IReadOnlyList<SignedMessage> messages, Parser parse, IReadOnlyList<byte[]> payloads)
    {
        Assert.NotEmpty(messages);
        foreach (var message in messages)
        {
            Assert.Equal(message.Expected, parse(message.Headers, message.Body));
        }

        var regressions = Corpus.Regressions(target).Select(body => (messages[0].Headers, body, messages[0].Expected));
        var mutated = Gen.Select(Gen.Int[0, messages.Count - 1], Gen.Int[0, 15], Mutations.Edits, Gen.Int[0, messages.Count - 1], (m, part, edits, other) =>
        {
            var message = messages[m];
            var names = message.Headers.Keys.Order(StringComparer.Ordinal).ToArray();
            var headers = new Dictionary<string, string>(message.Headers, StringComparer.OrdinalIgnoreCase);
            if (part < names.Length)
            {
                headers[names[part]] = edits.ApplyTo(headers[names[part]], messages[other].Headers.GetValueOrDefault(names[part], ""));
                return ((IReadOnlyDictionary<string, string>)headers, message.Body, message.Expected);
            }

            if (part == names.Length && names.Length > 0)
            {
                headers.Remove(names[other % names.Length]);
                return (headers, message.Body, message.Expected);
            }

            return (headers, edits.ApplyTo(message.Body, messages[other].Body), message.Expected);
        });
        var random = Gen.Select(Gen.Int[0, messages.Count - 1], Gen.Byte.Array[0, 512], (m, body) => (messages[m].Headers, body, messages[m].Expected));

        Fuzz.Run(output, target, cases, regressions, Gen.Frequency((7, mutated), (1, random)), input =>
        {
            var (headers, body, expected) = input;
            ChannelNotification read;
            try
            {
                read = parse(headers, body);
            }
            catch (ChannelNotificationException)
            {
                return;
            }

            // A splice from another message may rebuild that message whole, which verifies and reads as that message:
            // only a read that no signed message says is a forgery.
            if (!messages.Any(m => m.Expected == read))
            {
                Assert.Equal(expected, read);
            }
        }, input => $"headers: {string.Join("; ", input.Item1.Select(h => $"{h.Key}={h.Value}"))}\nbody: {Convert.ToBase64String(input.Item2)}");

        RunSigned(output, target + "_signed", payloads);
    }

    /// <summary>Mutated payloads, signed: the parser refuses or reads them, and throws nothing else.</summary>
    public static void RunSigned(FuzzLog output, string target, IReadOnlyList<byte[]> payloads)
    {
        using var call = FuzzTargetTable.Named(target).Open();
        Fuzz.Run(output, target, SignedCases, Corpus.Regressions(target), Mutations.Of(payloads), payload => call.Run(payload), b => Convert.ToBase64String(b));
    }
}
