using System.Text.Json;
using PayFunctions.Channels;
using PayFunctions.Core.Http;

namespace PayFunctions.Core.Checkout;

/// <summary>A channel's signed form as stored with the payment, for the page that posts it from the payer's browser.</summary>
public sealed record PayerForm(string Action, IReadOnlyDictionary<string, string> Fields)
{
    public static string Serialize(SubmitForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return JsonSerializer.Serialize(new PayerForm(form.Action.AbsoluteUri, form.Fields), ApiJson.Options);
    }

    public static PayerForm? Deserialize(string? json) => json is null ? null : JsonSerializer.Deserialize<PayerForm>(json, ApiJson.Options);
}
