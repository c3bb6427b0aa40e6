using System.Text;
using PayFunctions.Core.Http;
using PayFunctions.Core.Payments;

namespace PayFunctions.Core.Tests.Api;

/// <summary>Every class of hostile JSON is a 400 problem with a stable code, the field named where there is one.</summary>
public sealed class StrictJsonTests
{
    private const string Valid = """{"amount":100,"currency":"cny","method":"wechat_pay.native","merchant_order_id":"o1","description":"d","metadata":{"note":"line\nbreak\ttab"}}""";

    public static TheoryData<string, string, string, string?> BadBodies() => new()
    {
        { "duplicate property", """{"amount":100,"amount":1,"currency":"cny"}""", "body_invalid", "amount" },
        { "duplicate nested property", """{"amount":100,"split":{"recipients":[{"account":"a","account":"b","basis_points":1}]}}""", "body_invalid", "split.recipients[0].account" },
        { "duplicate metadata key", """{"amount":100,"metadata":{"k":"1","k":"2"}}""", "body_invalid", "metadata.k" },
        { "string for a number", """{"amount":"100"}""", "body_invalid", "amount" },
        { "number for a string", """{"currency":1}""", "body_invalid", "currency" },
        { "object for a string", """{"description":{"a":"b"}}""", "body_invalid", "description" },
        { "boolean for a number", """{"amount":true}""", "body_invalid", "amount" },
        { "amount past long", """{"amount":9223372036854775808}""", "body_invalid", "amount" },
        { "expiry past int", """{"expires_in_seconds":2147483648}""", "body_invalid", "expires_in_seconds" },
        { "fractional amount", """{"amount":100.5}""", "body_invalid", "amount" },
        { "amount with a zero fraction", """{"amount":100.0}""", "body_invalid", "amount" },
        { "amount in exponent form", """{"amount":1e2}""", "body_invalid", "amount" },
        { "amount in capital exponent form", """{"amount":1E+2}""", "body_invalid", "amount" },
        { "number literal too long", "{\"amount\":" + new string('1', 40) + "}", "body_invalid", "amount" },
        { "nested too deep", "{\"metadata\":" + string.Concat(Enumerable.Repeat("[", 20)) + string.Concat(Enumerable.Repeat("]", 20)) + "}", "body_invalid", "metadata" + string.Concat(Enumerable.Repeat("[0]", 15)) },
        { "nul in a string", """{"description":"a\u0000b"}""", "parameter_invalid", "description" },
        { "escape in a string", """{"merchant_order_id":"a\u001bb"}""", "parameter_invalid", "merchant_order_id" },
        { "raw control byte in a string", "{\"description\":\"a\u0007b\"}", "body_invalid", "description" },
        { "C1 control in a metadata value", """{"metadata":{"k":"a\u0085b"}}""", "parameter_invalid", "metadata.k" },
        { "control in a property name", """{"metadata":{"k\u0001":"v"}}""", "parameter_invalid", "metadata" },
        { "unpaired surrogate", """{"description":"\ud800"}""", "parameter_invalid", "description" },
        { "string too long", "{\"description\":\"" + new string('x', StrictJson.MaxStringLength + 1) + "\"}", "parameter_invalid", "description" },
        { "unknown property", """{"amount":100,"colour":"red"}""", "body_invalid", "colour" },
        { "trailing content", """{"amount":100} {"amount":1}""", "body_invalid", null },
        { "trailing comma", """{"amount":100,}""", "body_invalid", "amount" },
        { "line comment", "{\"amount\":100 // c\n}", "body_invalid", "amount" },
        { "block comment", """{"amount":/* c */100}""", "body_invalid", "amount" },
        { "single quotes", "{'amount':100}", "body_invalid", null },
        { "NaN", """{"amount":NaN}""", "body_invalid", "amount" },
        { "array at the root", """[{"amount":100}]""", "body_invalid", null },
        { "null at the root", "null", "body_invalid", null },
        { "truncated", """{"amount":100,"currency":"c""", "body_invalid", "currency" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public void BadBody_IsAProblemNamingTheField(string label, string json, string code, string? param)
    {
        var (value, error) = RequestBody.Parse<CreatePaymentRequest>(Encoding.UTF8.GetBytes(json));

        Assert.Null(value);
        Assert.NotNull(error);
        Assert.True(error.Status == 400, label);
        Assert.Equal((code, param), (error.Code, error.Param));
        Assert.DoesNotContain("PayFunctions", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ByteOrderMark_IsRefused()
    {
        var body = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Valid)).ToArray();

        var (value, error) = RequestBody.Parse<CreatePaymentRequest>(body);

        Assert.Null(value);
        Assert.Equal("body_invalid", error!.Code);
        Assert.Contains("byte order mark", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8_InAString_IsRefused()
    {
        var body = Encoding.UTF8.GetBytes("""{"description":"ab"}""");
        body[16] = 0xC0;

        var (_, error) = RequestBody.Parse<CreatePaymentRequest>(body);

        Assert.Equal(("parameter_invalid", "description"), (error!.Code, error.Param));
    }

    [Fact]
    public void ValidBody_WithTabsAndLineBreaks_Parses()
    {
        var (value, error) = RequestBody.Parse<CreatePaymentRequest>(Encoding.UTF8.GetBytes(Valid));

        Assert.Null(error);
        Assert.Equal(100, value!.Amount);
        Assert.Equal("line\nbreak\ttab", value.Metadata!["note"]);
    }

    [Fact]
    public void Nesting_AtTheLimit_PassesTheCheck()
    {
        var atLimit = string.Concat(Enumerable.Repeat("[", StrictJson.MaxDepth)) + string.Concat(Enumerable.Repeat("]", StrictJson.MaxDepth));

        Assert.Null(StrictJson.Check(Encoding.UTF8.GetBytes(atLimit)));
        Assert.Equal("body_invalid", StrictJson.Check(Encoding.UTF8.GetBytes("[" + atLimit + "]"))!.Code);
    }

    [Fact]
    public void StringAtTheLimit_PassesTheCheck()
    {
        var json = "{\"a\":\"" + new string('é', StrictJson.MaxStringLength) + "\"}";

        Assert.Null(StrictJson.Check(Encoding.UTF8.GetBytes(json)));
    }
}
