using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChannelSandbox.Alipay.Bills;
using Microsoft.Extensions.Options;

namespace ChannelSandbox.Alipay;

/// <summary>
/// The classic OpenAPI gateway, <c>/gateway.do</c>: the common parameters (query string and/or form body),
/// the app's RSA2 signature, then the <c>alipay.trade.*</c> method. JSON answers are the documented envelope
/// <c>{"&lt;method&gt;_response":{...},"sign":"..."}</c>, signed with the Alipay key over the exact text of the
/// response object, which is written the way Alipay writes it (slashes escaped as <c>\/</c>, CJK unescaped), so a
/// client that re-serializes before verifying fails here as it would against Alipay.
/// </summary>
public static class AlipayGateway
{
    private static readonly JsonSerializerOptions ResponseJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly HashSet<string> JsonMethods = new(StringComparer.Ordinal)
    {
        "alipay.trade.precreate",
        "alipay.trade.pay",
        "alipay.trade.query",
        "alipay.trade.close",
        "alipay.trade.cancel",
        "alipay.trade.refund",
        "alipay.trade.fastpay.refund.query",
        AlipayBillApi.Method,
    };

    private static readonly HashSet<string> PageMethods = new(StringComparer.Ordinal) { "alipay.trade.page.pay", "alipay.trade.wap.pay" };

    public static void MapAlipayGateway(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/gateway.do", ["GET", "POST"], HandleAsync);
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<AlipaySandboxOptions>>().Value;
        var keys = services.GetRequiredService<AlipayKeys>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();

        var (parameters, duplicate) = await ReadParametersAsync(context.Request);
        var method = parameters.GetValueOrDefault("method");
        var isPage = method is not null && PageMethods.Contains(method);
        var responseKey = method is not null && JsonMethods.Contains(method) ? method.Replace('.', '_') + "_response" : "error_response";

        var rejection = CheckCommon(parameters, duplicate, method, options, keys, now, out var signed);
        if (rejection is not null)
        {
            if (isPage)
            {
                await AlipayCashier.WriteErrorPageAsync(context, rejection);
            }
            else
            {
                await WriteAsync(context, responseKey, rejection, signed ? Signing.Signed : Signing.Unsigned, keys);
            }

            return;
        }

        if (isPage)
        {
            await AlipayCashier.OpenAsync(context, method!, parameters, now);
            return;
        }

        var faults = services.GetRequiredService<AlipayFaults>();
        if (faults.Take(method!, "system_error") is not null)
        {
            await WriteAsync(context, responseKey, Error("20000", "Service Currently Unavailable", "ACQ.SYSTEM_ERROR", "系统繁忙"), Signing.Signed, keys);
            return;
        }

        Dictionary<string, object?> answer;
        using (var biz = ParseBiz(parameters.GetValueOrDefault("biz_content")))
        {
            answer = biz is null
                ? Error("40004", "Business Failed", "ACQ.INVALID_PARAMETER", "参数无效: biz_content 不是 JSON 对象")
                : method == AlipayBillApi.Method
                    ? AlipayBillApi.Query(biz.RootElement, context.Request, services, now)
                    : AlipayTradeMethods.Handle(method!, biz.RootElement, parameters, services, now);
        }

        var timeout = faults.Take(method!, "timeout");
        var signing = faults.Take(method!, "bad_signature", "unsigned")?.Kind switch
        {
            "bad_signature" => Signing.Corrupted,
            "unsigned" => Signing.Unsigned,
            _ => Signing.Signed,
        };
        if (timeout is not null)
        {
            try
            {
                await Task.Delay(timeout.DelayMs, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        await WriteAsync(context, responseKey, answer, signing, keys);
    }

    public static Dictionary<string, object?> Error(string code, string msg, string subCode, string subMsg) => new()
    {
        ["code"] = code,
        ["msg"] = msg,
        ["sub_code"] = subCode,
        ["sub_msg"] = subMsg,
    };

    public static Dictionary<string, object?> BusinessFailed(string subCode, string subMsg) => Error("40004", "Business Failed", subCode, subMsg);

    /// <summary>The exact text Alipay would sign for <paramref name="content"/>.</summary>
    public static string ResponseText(Dictionary<string, object?> content) =>
        JsonSerializer.Serialize(content.Where(field => field.Value is not null).ToDictionary(field => field.Key, field => field.Value), ResponseJson)
            .Replace("/", "\\/", StringComparison.Ordinal);

    private static Dictionary<string, object?>? CheckCommon(
        Dictionary<string, string> parameters,
        string? duplicate,
        string? method,
        AlipaySandboxOptions options,
        AlipayKeys keys,
        DateTimeOffset now,
        out bool signed)
    {
        signed = false;
        if (string.IsNullOrEmpty(method))
        {
            return Error("40001", "Missing Required Arguments", "isv.missing-method", "缺少方法名参数");
        }

        if (!JsonMethods.Contains(method) && !PageMethods.Contains(method))
        {
            return Error("40002", "Invalid Arguments", "isv.invalid-method", "不存在的方法名");
        }

        if (!parameters.TryGetValue("app_id", out var appId) || appId.Length == 0)
        {
            return Error("40001", "Missing Required Arguments", "isv.missing-app-id", "缺少AppID参数");
        }

        // Alipay cannot sign for an app it does not know: these answers go out unsigned.
        if (appId != options.AppId)
        {
            return Error("40002", "Invalid Arguments", "isv.invalid-app-id", "无效的AppID参数");
        }

        signed = true;
        if (duplicate is not null)
        {
            return Error("40002", "Invalid Arguments", "isv.invalid-parameter", $"参数 {duplicate} 重复且取值不同");
        }

        if (!parameters.TryGetValue("sign_type", out var signType) || signType.Length == 0)
        {
            return Error("40001", "Missing Required Arguments", "isv.missing-signature-type", "缺少签名类型参数");
        }

        if (signType != "RSA2")
        {
            return Error("40002", "Invalid Arguments", "isv.invalid-signature-type", "无效的签名类型参数");
        }

        if (!parameters.TryGetValue("sign", out var sign) || sign.Length == 0)
        {
            return Error("40001", "Missing Required Arguments", "isv.missing-signature", "缺少签名参数");
        }

        if (parameters.TryGetValue("charset", out var charset) && !string.Equals(charset, "utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return Error("40002", "Invalid Arguments", "isv.invalid-charset", "字符集错误（本沙箱只支持 utf-8）");
        }

        if (parameters.TryGetValue("format", out var format) && !string.Equals(format, "JSON", StringComparison.OrdinalIgnoreCase))
        {
            return Error("40002", "Invalid Arguments", "isv.invalid-format", "无效的数据格式");
        }

        if (!parameters.TryGetValue("timestamp", out var timestamp) || timestamp.Length == 0)
        {
            return Error("40001", "Missing Required Arguments", "isv.missing-timestamp", "缺少时间戳参数");
        }

        if (!AlipayCrypto.TryParseTime(timestamp, out var sentAt) || (now - sentAt).Duration() > options.TimestampTolerance)
        {
            return Error("40002", "Invalid Arguments", "isv.invalid-timestamp", "非法的时间戳参数");
        }

        if (!parameters.TryGetValue("version", out var version) || version.Length == 0)
        {
            return Error("40001", "Missing Required Arguments", "isv.missing-version", "缺少版本参数");
        }

        var content = AlipayCrypto.SigningString(parameters, withoutSignType: false);
        if (!AlipayCrypto.Verify(keys.AppPublicKey, content, sign))
        {
            return Error("40002", "Invalid Arguments", "isv.invalid-signature", "验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：" + content);
        }

        return null;
    }

    private static async Task<(Dictionary<string, string> Parameters, string? Duplicate)> ReadParametersAsync(HttpRequest request)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        string? duplicate = null;
        void Add(string name, string value)
        {
            if (parameters.TryGetValue(name, out var existing) && existing != value)
            {
                duplicate ??= name;
            }

            parameters[name] = value;
        }

        foreach (var (name, values) in request.Query)
        {
            foreach (var value in values)
            {
                Add(name, value ?? string.Empty);
            }
        }

        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            foreach (var (name, values) in form)
            {
                foreach (var value in values)
                {
                    Add(name, value ?? string.Empty);
                }
            }
        }

        return (parameters, duplicate);
    }

    private static JsonDocument? ParseBiz(string? bizContent)
    {
        if (string.IsNullOrEmpty(bizContent))
        {
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(bizContent);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task WriteAsync(HttpContext context, string key, Dictionary<string, object?> content, Signing signing, AlipayKeys keys)
    {
        var text = ResponseText(content);
        var body = new StringBuilder().Append("{\"").Append(key).Append("\":").Append(text);
        if (signing != Signing.Unsigned)
        {
            var sign = AlipayCrypto.Sign(keys.AlipayPrivateKey, signing == Signing.Corrupted ? text + " " : text);
            body.Append(",\"sign\":\"").Append(sign).Append('"');
        }

        body.Append('}');
        context.Response.StatusCode = (int)HttpStatusCode.OK;
        context.Response.ContentType = "text/html;charset=utf-8";
        await context.Response.WriteAsync(body.ToString(), Encoding.UTF8, context.RequestAborted);
    }

    private enum Signing
    {
        Signed,
        Unsigned,
        Corrupted,
    }
}
