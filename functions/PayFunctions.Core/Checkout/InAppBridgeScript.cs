using System.Globalization;
using System.Text;
using System.Text.Json;
using PayFunctions.Channels;

namespace PayFunctions.Core.Checkout;

/// <summary>
/// A <c>use_sdk</c> payment inside the wallet's own browser: the wallet's JS bridge, as its channel declares it, gets
/// the stored parameters unchanged, at once (or when the wallet announces the bridge) and again from a button.
/// The bridge's callback decides nothing: wallets say its "ok" is not reliable, and a page can be made to call it by
/// anyone, so the page keeps polling the payment, whose state follows only the channel's verified notification.
/// </summary>
internal static class InAppBridgeScript
{
    public static void Append(StringBuilder html, string nonce, InAppBridge bridge, IReadOnlyDictionary<string, string> parameters, string buttonText)
    {
        var declared = new { @object = bridge.Object, function = bridge.Function, command = bridge.Command, readyEvent = bridge.ReadyEvent };
        html.Append(CultureInfo.InvariantCulture, $$"""
            <button class="button" id="pay-in-app" type="button">{{CashierHtml.Encode(buttonText)}}</button>
            <script nonce="{{nonce}}">
            (function () {
              var bridge = {{JsonSerializer.Serialize(declared, CheckoutPage.ScriptJson)}}, parameters = {{JsonSerializer.Serialize(parameters, CheckoutPage.ScriptJson)}};
              var button = document.getElementById("pay-in-app");
              function pay() {
                var target = window[bridge.object];
                if (!target || typeof target[bridge.function] !== "function") { return false; }
                button.disabled = true;
                target[bridge.function](bridge.command, parameters, function () { button.disabled = false; });
                return true;
              }
              button.addEventListener("click", pay);
              if (!pay()) { document.addEventListener(bridge.readyEvent, pay, { once: true }); }
            })();
            </script>
            """);
    }
}
