namespace PayFunctions.Channels.Tests.UnionPay;

/// <summary>
/// A back notification of a paid QR code (txnType 01, txnSubType 07) from UnionPay's environment, published with
/// UnionPay's ACP Java demo (com.unionpay.acp.demo.CheckSign). The demo prints <c>signPubKeyCert</c> with "\n"
/// line ends; UnionPay sends CRLF, and the published signature verifies only over the CRLF form.
/// </summary>
internal static class PublishedNotification
{
    public const string Signature =
        "PMxMZoFWWanxv1d2CmE7zupd6IrtsabVsiAeZYJEyDeAHjXQvpDvEqX2iDEQRGHMkRJDYSnY+4Skraut1SMz0vAYRq0Oq+0/H2YqaZy3rBBmyPx29ropM8xw/dD7XLHvFJ3igb405Sld0OwX+97g0wD6VnpaAqOo1TrksRVlcKzUULdUQ+hRrH4pF2vApBT57GuZGRyjvWf/hgrEb40DcXdnLZOmTDP16LDrGAH5XMb/DbkOb0jHd7uMU6ngjT0yKeuyfbJaElyJodqR9MWm+BnvBhgTn8OWsU2NyZrRfQcsrV6ItpGmOVA1lbJlkaeoslBRRcukiQbpwBY8iNopCw==";

    private static readonly string[] CertificateLines =
    [
        "-----BEGIN CERTIFICATE-----",
        "MIIEIDCCAwigAwIBAgIFEDRVM3AwDQYJKoZIhvcNAQEFBQAwITELMAkGA1UEBhMC",
        "Q04xEjAQBgNVBAoTCUNGQ0EgT0NBMTAeFw0xNTEwMjcwOTA2MjlaFw0yMDEwMjIw",
        "OTU4MjJaMIGWMQswCQYDVQQGEwJjbjESMBAGA1UEChMJQ0ZDQSBPQ0ExMRYwFAYD",
        "VQQLEw1Mb2NhbCBSQSBPQ0ExMRQwEgYDVQQLEwtFbnRlcnByaXNlczFFMEMGA1UE",
        "Aww8MDQxQDgzMTAwMDAwMDAwODMwNDBA5Lit5Zu96ZO26IGU6IKh5Lu95pyJ6ZmQ",
        "5YWs5Y+4QDAwMDE2NDkzMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA",
        "tXclo3H4pB+Wi4wSd0DGwnyZWni7+22Tkk6lbXQErMNHPk84c8DnjT8CW8jIfv3z",
        "d5NBpvG3O3jQ/YHFlad39DdgUvqDd0WY8/C4Lf2xyo0+gQRZckMKEAId8Fl6/rPN",
        "HsbPRGNIZgE6AByvCRbriiFNFtuXzP4ogG7vilqBckGWfAYaJ5zJpaGlMBOW1Ti3",
        "MVjKg5x8t1/oFBkpFVsBnAeSGPJYrBn0irfnXDhOz7hcIWPbNDoq2bJ9VwbkKhJq",
        "Vz7j7116pziUcLSFJasnWMnp8CrISj52cXzS/Y1kuaIMPP/1B0pcjVqMNJjowooD",
        "OxID3TZGfk5V7S++4FowVwIDAQABo4HoMIHlMB8GA1UdIwQYMBaAFNHb6YiC5d0a",
        "j0yqAIy+fPKrG/bZMEgGA1UdIARBMD8wPQYIYIEchu8qAQEwMTAvBggrBgEFBQcC",
        "ARYjaHR0cDovL3d3dy5jZmNhLmNvbS5jbi91cy91cy0xNC5odG0wNwYDVR0fBDAw",
        "LjAsoCqgKIYmaHR0cDovL2NybC5jZmNhLmNvbS5jbi9SU0EvY3JsMjI3Mi5jcmww",
        "CwYDVR0PBAQDAgPoMB0GA1UdDgQWBBTEIzenf3VR6CZRS61ARrWMto0GODATBgNV",
        "HSUEDDAKBggrBgEFBQcDAjANBgkqhkiG9w0BAQUFAAOCAQEAHMgTi+4Y9g0yvsUA",
        "p7MkdnPtWLS6XwL3IQuXoPInmBSbg2NP8jNhlq8tGL/WJXjycme/8BKu+Hht6lgN",
        "Zhv9STnA59UFo9vxwSQy88bbyui5fKXVliZEiTUhjKM6SOod2Pnp5oWMVjLxujkk",
        "WKjSakPvV6N6H66xhJSCk+Ref59HuFZY4/LqyZysiMua4qyYfEfdKk5h27+z1MWy",
        "nadnxA5QexHHck9Y4ZyisbUubW7wTaaWFd+cZ3P/zmIUskE/dAG0/HEvmOR6CGlM",
        "55BFCVmJEufHtike3shu7lZGVm2adKNFFTqLoEFkfBO6Y/N6ViraBilcXjmWBJNE",
        "MFF/yA==",
        "-----END CERTIFICATE-----",
    ];

    public static string CertificatePem => string.Join("\r\n", CertificateLines);

    public static Dictionary<string, string> Fields() => new(StringComparer.Ordinal)
    {
        ["accessType"] = "0",
        ["bizType"] = "000000",
        ["currencyCode"] = "156",
        ["encoding"] = "UTF-8",
        ["issInsCode"] = "04233310",
        ["merId"] = "852333053119986",
        ["orderId"] = "20180110164727",
        ["queryId"] = "20180110369106144740",
        ["respCode"] = "00",
        ["respMsg"] = "成功[0000000]",
        ["settleAmt"] = "1",
        ["settleCurrencyCode"] = "156",
        ["settleDate"] = "0110",
        ["signMethod"] = "01",
        ["signPubKeyCert"] = CertificatePem,
        ["traceNo"] = "331580",
        ["traceTime"] = "0110164921",
        ["txnAmt"] = "1",
        ["txnSubType"] = "07",
        ["txnTime"] = "20180110164727",
        ["txnType"] = "01",
        ["version"] = "5.1.0",
        ["signature"] = Signature,
    };
}
