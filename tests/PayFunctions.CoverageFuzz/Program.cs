using PayFunctions.FuzzTargets;
using SharpFuzz;

// One target a process: `PayFunctions.CoverageFuzz <target>` (`--default-targets` lists the ones CI runs). Under afl-fuzz each input is one call; run by hand, it
// calls the target once with standard input, which replays a crash that AFL++ saved.
if (args is ["--default-targets"])
{
    Console.WriteLine(string.Join(' ', FuzzTargetTable.CoverageGuided));
    return 0;
}

if (args.Length != 1 || FuzzTargetTable.All.All(t => t.Name != args[0]))
{
    Console.Error.WriteLine($"usage: PayFunctions.CoverageFuzz <target>; targets: {string.Join(' ', FuzzTargetTable.All.Select(t => t.Name))}");
    return 2;
}

var target = FuzzTargetTable.Named(args[0]);

// Out of process: the target runs in a child that SharpFuzz restarts, so a stack overflow or a process kill is
// reported as a crash of that input instead of ending the fuzzer. The parsers' instrumented code may run only inside
// the action, once SharpFuzz has mapped the coverage memory: the first input opens the target, the rest reuse it.
FuzzCall? call = null;
Fuzzer.OutOfProcess.Run(input =>
{
    using var bytes = new MemoryStream();
    input.CopyTo(bytes);
    call ??= target.Open();
    call.Run(bytes.ToArray());
});
call?.Dispose();
return 0;
