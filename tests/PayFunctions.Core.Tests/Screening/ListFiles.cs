using System.Text;

namespace PayFunctions.Core.Tests.Screening;

/// <summary>The sample lists in the published formats (invented parties), and the bytes of a text, for the readers' tests.</summary>
internal static class ListFiles
{
    public static string Sample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Screening", "Samples", name));

    public static MemoryStream Bytes(string text) => new(Encoding.UTF8.GetBytes(text));
}
