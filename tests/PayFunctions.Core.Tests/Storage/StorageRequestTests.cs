using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Tests.Storage;

/// <summary>Requests are classified by the services' REST shapes, on the emulator's path-style addresses and on Azure's.</summary>
public sealed class StorageRequestTests
{
    [Theory]
    [InlineData("GET", "http://127.0.0.1:10002/devstoreaccount1/payments(PartitionKey='mch_1',RowKey='pay_1')", "point_read", "payments")]
    [InlineData("GET", "http://127.0.0.1:10002/devstoreaccount1/payments()?$filter=PartitionKey%20eq%20'mch_1'", "query", "payments")]
    [InlineData("POST", "http://127.0.0.1:10002/devstoreaccount1/payments", "insert", "payments")]
    [InlineData("PUT", "https://acct.table.core.windows.net/payments(PartitionKey='mch_1',RowKey='pay_1')", "replace", "payments")]
    [InlineData("PATCH", "https://acct.table.core.windows.net/payfunctionsInstances(PartitionKey='pay_1',RowKey='')", "merge", "payfunctionsInstances")]
    [InlineData("DELETE", "https://acct.table.core.windows.net/idempotency(PartitionKey='m',RowKey='k')", "delete", "idempotency")]
    [InlineData("POST", "http://localhost:10002/devstoreaccount1/$batch", "batch", "")]
    [InlineData("POST", "https://acct.table.core.windows.net/Tables", "create_table", "")]
    public void Tables(string method, string uri, string kind, string resource) =>
        Assert.Equal(new StorageRequest("platform", StorageService.Table, kind, resource), StorageRequest.Classify("platform", StorageService.Table, method, new Uri(uri)));

    [Theory]
    [InlineData("POST", "http://127.0.0.1:10001/devstoreaccount1/hub-control-00/messages", "put", "hub-control-00")]
    [InlineData("GET", "http://127.0.0.1:10001/devstoreaccount1/hub-workitems/messages?numofmessages=32", "get", "hub-workitems")]
    [InlineData("GET", "https://acct.queue.core.windows.net/hub-workitems/messages?peekonly=true", "peek", "hub-workitems")]
    [InlineData("DELETE", "https://acct.queue.core.windows.net/hub-workitems/messages/abc?popreceipt=x", "delete_message", "hub-workitems")]
    [InlineData("PUT", "https://acct.queue.core.windows.net/hub-workitems/messages/abc?popreceipt=x&visibilitytimeout=30", "update_message", "hub-workitems")]
    [InlineData("GET", "https://acct.queue.core.windows.net/hub-workitems?comp=metadata", "metadata", "hub-workitems")]
    [InlineData("PUT", "https://acct.queue.core.windows.net/channel-work", "create_queue", "channel-work")]
    public void Queues(string method, string uri, string kind, string resource) =>
        Assert.Equal(new StorageRequest("durable", StorageService.Queue, kind, resource), StorageRequest.Classify("durable", StorageService.Queue, method, new Uri(uri)));

    [Theory]
    [InlineData("PUT", "http://127.0.0.1:10000/devstoreaccount1/hub-leases/default/hub-control-00?comp=lease", "lease", "hub-leases")]
    [InlineData("GET", "http://127.0.0.1:10000/devstoreaccount1/outbox?restype=container&comp=list", "list", "outbox")]
    [InlineData("GET", "https://acct.blob.core.windows.net/outbox/item.json", "read", "outbox")]
    [InlineData("PUT", "https://acct.blob.core.windows.net/outbox/item.json", "write", "outbox")]
    [InlineData("PUT", "https://acct.blob.core.windows.net/outbox?restype=container", "create_container", "outbox")]
    public void Blobs(string method, string uri, string kind, string resource) =>
        Assert.Equal(new StorageRequest("durable", StorageService.Blob, kind, resource), StorageRequest.Classify("durable", StorageService.Blob, method, new Uri(uri)));
}
