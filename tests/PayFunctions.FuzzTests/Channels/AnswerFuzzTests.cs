using PayFunctions.FuzzTargets;
using PayFunctions.FuzzTests.Harness;

namespace PayFunctions.FuzzTests.Channels;

/// <summary>The readers of the channels' answers and their fields (<see cref="AnswerTargets"/>): false or null, never thrown.</summary>
public sealed class AnswerFuzzTests(FuzzLog output) : IClassFixture<FuzzLog>
{
    private const int Cases = 8_000;

    [Fact]
    public void ChannelAnswers()
    {
        using var call = AnswerTargets.ChannelAnswers.Open();
        Fuzz.Run(output, "channel_answers", Cases, Corpus.All("channel_answers"), Mutations.Of(Corpus.Seeds("channel_answers")), body => call.Run(body), b => Convert.ToBase64String(b));
    }
}
