using System.Net;

namespace PayFunctions.Core.Storage;

/// <summary>Which storage service a client talks to.</summary>
public enum StorageService
{
    Table,
    Queue,
    Blob,
}

/// <summary>
/// One kind of storage request: who sent it (the platform's own clients or the Durable engine's), the
/// service, what it did (a point read, a query, a batch, a message put…) and the table, queue or
/// container it touched.
/// </summary>
public sealed record StorageRequest(string Origin, StorageService Service, string Kind, string Resource)
{
    /// <summary>
    /// Classifies a request by its method and address, following the services' REST APIs. An emulator
    /// address (an IP or localhost host) carries the account name as its first path segment.
    /// </summary>
    public static StorageRequest Classify(string origin, StorageService service, string method, Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var pathStyle = uri.IsLoopback || IPAddress.TryParse(uri.Host, out _);
        var path = pathStyle ? segments.Skip(1).ToArray() : segments;
        var query = uri.Query;
        var (kind, resource) = service switch
        {
            StorageService.Table => TableKind(method, path),
            StorageService.Queue => QueueKind(method, path, query),
            _ => BlobKind(method, path, query),
        };
        return new StorageRequest(origin, service, kind, resource);
    }

    private static (string Kind, string Resource) TableKind(string method, string[] path)
    {
        if (path.Length == 0)
        {
            return ("service", "");
        }

        var first = Uri.UnescapeDataString(path[0]);
        var open = first.IndexOf('(', StringComparison.Ordinal);
        var table = open < 0 ? first : first[..open];
        var keys = open < 0 ? "" : first[(open + 1)..].TrimEnd(')');
        if (table == "$batch")
        {
            return ("batch", "");
        }

        if (table == "Tables")
        {
            return (method switch { "POST" => "create_table", "DELETE" => "delete_table", _ => "list_tables" }, "");
        }

        var kind = method switch
        {
            "GET" => keys.Contains("RowKey", StringComparison.Ordinal) ? "point_read" : "query",
            "POST" => "insert",
            "PUT" => "replace",
            "PATCH" or "MERGE" => "merge",
            "DELETE" => "delete",
            _ => method.ToLowerInvariant(),
        };
        return (kind, table);
    }

    private static (string Kind, string Resource) QueueKind(string method, string[] path, string query)
    {
        if (path.Length == 0)
        {
            return ("list_queues", "");
        }

        var queue = path[0];
        if (path.Length == 1)
        {
            var kind = method switch
            {
                "PUT" => query.Contains("comp=metadata", StringComparison.Ordinal) ? "set_metadata" : "create_queue",
                "DELETE" => "delete_queue",
                _ => "metadata",
            };
            return (kind, queue);
        }

        var message = path.Length > 2;
        return (method switch
        {
            "POST" => "put",
            "GET" when query.Contains("peekonly=true", StringComparison.OrdinalIgnoreCase) => "peek",
            "GET" => "get",
            "PUT" => "update_message",
            "DELETE" => message ? "delete_message" : "clear",
            _ => method.ToLowerInvariant(),
        }, queue);
    }

    private static (string Kind, string Resource) BlobKind(string method, string[] path, string query)
    {
        var container = path.Length == 0 ? "" : path[0];
        string kind;
        if (query.Contains("comp=lease", StringComparison.Ordinal))
        {
            kind = "lease";
        }
        else if (query.Contains("comp=list", StringComparison.Ordinal))
        {
            kind = "list";
        }
        else if (path.Length <= 1)
        {
            kind = method switch { "PUT" => "create_container", "DELETE" => "delete_container", _ => "container_properties" };
        }
        else
        {
            kind = method switch { "GET" => "read", "HEAD" => "properties", "PUT" => "write", "DELETE" => "delete", _ => method.ToLowerInvariant() };
        }

        return (kind, container);
    }
}
