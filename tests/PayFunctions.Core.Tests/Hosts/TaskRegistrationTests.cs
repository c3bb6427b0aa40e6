using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;
using Microsoft.DurableTask;
using PayFunctions.Core.Orchestration;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Settlements;

namespace PayFunctions.Core.Tests.Hosts;

/// <summary>Both hosts register <see cref="PayFunctionsTasks"/>; these checks keep that list complete and consistent.</summary>
public sealed partial class TaskRegistrationTests
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    [Fact]
    public void ListedOrchestrators_AreTaskOrchestrators()
    {
        Assert.All(PayFunctionsTasks.Orchestrators, t => Assert.True(DerivesFrom(t, typeof(TaskOrchestrator<,>)), $"{t.Name} is no TaskOrchestrator<,>."));
    }

    [Fact]
    public void ListedActivities_AreTaskActivities()
    {
        Assert.All(PayFunctionsTasks.Activities, t => Assert.True(DerivesFrom(t, typeof(TaskActivity<,>)), $"{t.Name} is no TaskActivity<,>."));
    }

    [Fact]
    public void TaskNames_AreUnique()
    {
        var names = PayFunctionsTasks.Orchestrators.Concat(PayFunctionsTasks.Activities).Select(t => t.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void EveryTaskClassInCore_IsListed()
    {
        var concrete = typeof(PayFunctionsTasks).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }).ToList();

        Assert.Equal(
            concrete.Where(t => DerivesFrom(t, typeof(TaskOrchestrator<,>))).Select(t => t.Name).Order(),
            PayFunctionsTasks.Orchestrators.Select(t => t.Name).Order());
        Assert.Equal(
            concrete.Where(t => DerivesFrom(t, typeof(TaskActivity<,>))).Select(t => t.Name).Order(),
            PayFunctionsTasks.Activities.Select(t => t.Name).Order());
    }

    [Fact]
    public void EveryActivityAnOrchestratorCalls_IsListed()
    {
        var listed = PayFunctionsTasks.Activities.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var called = PayFunctionsTasks.Orchestrators
            .SelectMany(TypeAndNestedTypes)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .SelectMany(StringLiterals)
            .Where(s => ActivityName().IsMatch(s))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string>([nameof(EnqueuePrepayActivity), nameof(CompletePaymentActivity), nameof(PlanSettlementActivity)]), called);
        Assert.Subset(listed, called);
    }

    private static bool DerivesFrom(Type type, Type openGeneric)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == openGeneric)
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<Type> TypeAndNestedTypes(Type type) =>
        type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).SelectMany(TypeAndNestedTypes).Prepend(type);

    /// <summary>The operands of every <c>ldstr</c> in the method body; <c>nameof</c> compiles to one.</summary>
    private static IEnumerable<string> StringLiterals(MethodInfo method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        var offset = 0;
        while (offset < il.Length)
        {
            var value = il[offset] == 0xFE ? unchecked((short)(0xFE00 | il[offset + 1])) : il[offset];
            var opCode = OpCodesByValue[value];
            offset += opCode.Size;
            if (opCode == OpCodes.Ldstr)
            {
                yield return method.Module.ResolveString(BitConverter.ToInt32(il, offset));
            }

            offset += opCode.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, offset)),
                _ => 4,
            };
        }
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*Activity$")]
    private static partial Regex ActivityName();
}
