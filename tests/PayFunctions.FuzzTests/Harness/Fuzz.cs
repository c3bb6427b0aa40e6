using CsCheck;

namespace PayFunctions.FuzzTests.Harness;

/// <summary>
/// Runs one fuzz target: first every file of its corpus (valid seeds and the inputs that once found a bug), then a
/// counted number of generated cases, and prints <c>fuzz &lt;target&gt;: N cases, 0 failures</c>. A failure names
/// CsCheck's seed; <c>dotnet test -e CsCheck_Seed=&lt;seed&gt;</c> with a filter on the target replays it.
/// <c>FUZZ_SCALE</c> multiplies the cases for a longer run.
/// </summary>
public static class Fuzz
{
    public static void Run<T>(FuzzLog output, string target, long cases, IEnumerable<T> replay, Gen<T> gen, Action<T> property, Func<T, string>? print = null)
    {
        long count = 0;
        var scale = long.TryParse(Environment.GetEnvironmentVariable("FUZZ_SCALE"), out var s) && s > 0 ? s : 1;
        try
        {
            foreach (var input in replay)
            {
                property(input);
                count++;
            }

            gen.Sample(
                input =>
                {
                    property(input);
                    Interlocked.Increment(ref count);
                },
                iter: cases * scale,
                print: print);
        }
        catch (Exception)
        {
            output.Write($"fuzz {target}: {Interlocked.Read(ref count)} cases, 1 failure");
            throw;
        }

        output.Write($"fuzz {target}: {count} cases, 0 failures");
    }
}
