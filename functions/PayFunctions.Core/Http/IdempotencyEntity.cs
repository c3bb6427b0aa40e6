using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Http;

public sealed class IdempotencyEntity : TableRow
{
    public string RequestHash { get; set; } = "";

    public string ResourceId { get; set; } = "";

    public bool Completed { get; set; }

    public DateTimeOffset LockedUntil { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public int ResponseStatus { get; set; }

    public string? ResponseBody { get; set; }

    public string? ResponseContentType { get; set; }
}
