namespace PayFunctions.Infrastructure;

/// <summary>A successful answer, read whole so the connection is released before it is parsed.</summary>
internal sealed record ApiResponse(int Status, byte[] Body, string? RequestId);
