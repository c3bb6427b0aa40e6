namespace PayFunctions.FuzzTargets;

/// <summary>
/// One parser of untrusted input, called the same way by both fuzzers: the CsCheck suite (generated mutations of the
/// corpus) and the coverage-guided harness (AFL++ through SharpFuzz). <see cref="Open"/> makes what the parser needs
/// once (keys, clients); each case is then one call with the input's bytes. Nothing of the parsers runs before
/// <see cref="Open"/>: under SharpFuzz their instrumented code may run only once the fuzzer has mapped AFL++'s
/// coverage memory.
/// </summary>
public sealed record FuzzTarget(string Name, Func<FuzzCall> Open);

/// <summary>
/// A target ready to call. <see cref="Run"/> answers true when the input was read and false when it was refused the
/// documented way (a false answer, a 4xx problem, the parser's own exception type); a read input is checked too (an
/// exact amount that formats back to itself, a problem in the 4xx range). Anything else thrown is a finding: a failure
/// to CsCheck, a crash to AFL++.
/// </summary>
public sealed class FuzzCall(Func<byte[], bool> run, IDisposable? owned = null) : IDisposable
{
    public bool Run(byte[] input) => run(input);

    public void Dispose() => owned?.Dispose();
}
