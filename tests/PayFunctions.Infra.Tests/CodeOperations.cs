using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace PayFunctions.Infra.Tests;

/// <summary>What the deployed code calls, read from the compiled assemblies' member references.</summary>
internal static class CodeOperations
{
    /// <summary>The assemblies the Functions app ships with: the app, Core and what Core builds on.</summary>
    public static IReadOnlyList<Assembly> AppAssemblies { get; } =
    [
        typeof(PayFunctions.FunctionApp.FunctionAppHost).Assembly,
        typeof(PayFunctions.Core.Secrets.SecretEnvelope).Assembly,
        typeof(PayFunctions.Channels.IPaymentChannel).Assembly,
        typeof(PayFunctions.Domain.Money).Assembly,
    ];

    /// <summary>Names of the members of <paramref name="type"/> that code in <paramref name="assembly"/> calls.</summary>
    public static IEnumerable<string> MembersCalled(Assembly assembly, Type type)
    {
        using var pe = new PEReader(File.OpenRead(assembly.Location));
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            if (member.Parent.Kind == HandleKind.TypeReference)
            {
                var parent = metadata.GetTypeReference((TypeReferenceHandle)member.Parent);
                if (metadata.GetString(parent.Namespace) == type.Namespace && metadata.GetString(parent.Name) == type.Name)
                {
                    yield return metadata.GetString(member.Name);
                }
            }
        }
    }
}
