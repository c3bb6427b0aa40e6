using PayFunctions.Core.Secrets;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Tests.Secrets;

public sealed class SealedFieldsTests
{
    [Fact]
    public void EverySealedPropertyOfARow_IsKnownToTheRewrap()
    {
        var declared = typeof(TableRow).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(TableRow)))
            .SelectMany(t => t.GetProperties().Where(p => p.Name.EndsWith("Sealed", StringComparison.Ordinal)).Select(p => p.Name))
            .Order()
            .ToList();

        Assert.NotEmpty(declared);
        Assert.Equal(declared, SealedFields.Tables.Select(f => f.Property).Order().ToList());
    }
}
