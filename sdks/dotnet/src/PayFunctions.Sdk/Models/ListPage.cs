namespace PayFunctions;

/// <summary>One page of a list: its items, newest first, and whether more follow.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class ListPage<T> : PayFunctionsEntity
{
    /// <summary>Always <c>list</c>.</summary>
    public string Object { get; set; } = "list";

    /// <summary>The path the list was read from.</summary>
    public string? Url { get; set; }

    /// <summary>The items of this page.</summary>
    public List<T> Data { get; set; } = [];

    /// <summary>Whether another page follows this one.</summary>
    public bool HasMore { get; set; }
}
