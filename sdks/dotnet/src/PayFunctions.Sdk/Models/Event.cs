using System.Text.Json;
using PayFunctions.Infrastructure;

namespace PayFunctions;

/// <summary>A webhook event: something that happened to one of the merchant's objects.</summary>
public sealed class Event : PayFunctionsEntity
{
    /// <summary>The identifier, <c>evt_…</c>; the same as the delivery's <c>webhook-id</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Always <c>event</c>.</summary>
    public string Object { get; set; } = "event";

    /// <summary>What happened, such as <c>payment.succeeded</c> or <c>refund.succeeded</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>When it happened.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Whether it happened in live mode.</summary>
    public bool Livemode { get; set; }

    /// <summary>The object as it was after the event.</summary>
    public EventData Data { get; set; } = new();
}

/// <summary>The object an event is about.</summary>
public sealed class EventData : PayFunctionsEntity
{
    /// <summary>The object, as sent; read it with <see cref="As{T}"/>.</summary>
    public JsonElement Object { get; set; }

    /// <summary>The object as a typed model, such as <see cref="Payment"/> for <c>payment.*</c> events.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    public T As<T>()
        where T : PayFunctionsEntity =>
        Object.Deserialize<T>(PayFunctionsJson.Options)
            ?? throw new PayFunctionsException("The event has no data object.");
}
