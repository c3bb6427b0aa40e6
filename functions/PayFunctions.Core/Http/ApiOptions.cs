namespace PayFunctions.Core.Http;

/// <summary>The public address of the API, from which channel notify URLs are built.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    public Uri? PublicBaseUrl { get; set; }
}
