namespace PayFunctions.Channels.Tests.AlipayPlus;

/// <summary>
/// A fixed RSA key (PKCS#8 PEM) and the signature OpenSSL made with it
/// (<c>openssl dgst -sha256 -sign</c>) over a request built as the Antom documentation's "Sign a request" page spells it, and
/// the header value as Alipay's own library writes it (<c>quote_plus</c> of the base64).
/// </summary>
internal static class AlipayPlusKnownAnswer
{
    public const string Content =
        "POST /ams/api/v1/payments/pay\nSANDBOX_5YEZ0000000000001.2026-03-01T10:00:00.000+08:00."
        + """{"paymentRequestId":"pay_0000000000000001","paymentAmount":{"currency":"PHP","value":"10000"}}""";

    public const string Signature = "GJ2WyG3bWs0zuStimB2CMR8AuRFUGMxu8H/SoA7sQD8WflCndi2T2PBWZbFinZsp+O0w/zXmEAHQCi82tAaegzqfq47WZW2WEZfvm1aUr1VnSUOB557rQnm3Tnrrt8gz7Qz02RZ0fe2xs6X1kZ+2af7Qv/TPYKn6GUlaut0FkfnJ+zO6WnRsLZNIQy/eAFDY3/pj8+rC9/8pzqJRpZWeHS0qI8BE7Rb7tFIyN0w/iBefMqtAy0d38xZd6ZrbnsFUfzy2GbcTUV2NdKiC0QE6RsZHujMgRtZlfvbQdAA6OhfmH3vqBzZNJYxmuumjoOqjg8JSZqNk0S+yvVc4jo+5fg==";

    public const string EncodedSignature = "GJ2WyG3bWs0zuStimB2CMR8AuRFUGMxu8H%2FSoA7sQD8WflCndi2T2PBWZbFinZsp%2BO0w%2FzXmEAHQCi82tAaegzqfq47WZW2WEZfvm1aUr1VnSUOB557rQnm3Tnrrt8gz7Qz02RZ0fe2xs6X1kZ%2B2af7Qv%2FTPYKn6GUlaut0FkfnJ%2BzO6WnRsLZNIQy%2FeAFDY3%2Fpj8%2BrC9%2F8pzqJRpZWeHS0qI8BE7Rb7tFIyN0w%2FiBefMqtAy0d38xZd6ZrbnsFUfzy2GbcTUV2NdKiC0QE6RsZHujMgRtZlfvbQdAA6OhfmH3vqBzZNJYxmuumjoOqjg8JSZqNk0S%2ByvVc4jo%2B5fg%3D%3D";

    public const string PrivateKeyPem = """
        -----BEGIN PRIVATE KEY-----
        MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQDjRwrVmENSIP2a
        bTPG/cJPp8U7H/dSmo1BqW7gZEvnjPZAfH1TuqxBuNRnV2OMSs8Bchc/p5HRal1X
        I41EH7NJJij6yimW6EQnnr8ryVnno1X5N4n6q3dEA50HIcmo3Gxzg8bSWckL9Inq
        TQevj6fisTn+wVxfUQJYC78BEb0/cCf7idru568MEhCK93nbXiMys+QY6GoBDq6p
        HSb9wpz6iLOSIGiubsygv8QzZhW9ruwJGKr/kJl006bpQu7iph5yfSr8JH8s9LY6
        w+jStNABhXSZujYX8JJ/Gl1X3ZwEBLyx/f7A+9LIe5iphNG4YWyDN3Gf/KF5Kazk
        89hmHI9tAgMBAAECggEAFGuGX20EBW3F41lS6NrVWcNM3vRPDBqrPN5Mgjg4sqfx
        WxdkSkDQJ8KDwPoyzUDOawaVbKhxW0OnecQNtfR0LwsQ7QF7bZ3WO8oRSo2XeI6u
        E4toJ/++YjvB4MlqHTQawWEyXKVpARw6RPUhTuaFEsLSH1+/nSfB4mfBxEaT/o45
        i5hwANbOUREKLPjn7O4gCeddMBR7y1hlfuOoCasOFTP7AZUYIRXtXw06cFfWRauF
        FlJIU0LRCLShVCfjMoVIn9Qll6LAwxwrpSSnfxt+O9IpV0IqwZn8NhWiUERzupZx
        DbR44ifSd5ZUW426vTImAdkYuAy9pyJ0cuERWEJRWQKBgQD1W/Va7wNnOo1u6MLL
        gXgfnSZtqEFwAFfoS9a6TsuHGAQdD1uVBm/A5sBnPaqpmKAgadwdxl1xjtYwGy8n
        jwtGQAj/khBfHcsf2PGQ23iH+LCUFktbB83NnaJ9JxABj+k1h9o3jHhM0DhsmHLh
        GRq1wfxuiiyz5b8ZjzwCBpJrlQKBgQDtIlYNfg7Fn3ukmbEVF9KwqZw9m6HRt+0Y
        PWDnpHNib4JZxYL7wWJQsSKGbCOWQFkpV6L0N5iNQHfe1OTGsHXfVUyZPshnlXmS
        rEijCcSLGt4yFuph54HqGrj5qUaODNf4ag9Rkvqks186Sd5EL+UAr8UtXBJlCF/B
        1Eb5SAteeQKBgFHSQ8T6Vdkz5nxo9KTm3Qc14d3JsWDHTIlz2PyyUB8R/DUwrOrK
        hbP/f4QuRV5fPm7wvm3Te8/lwTmzpwr7IdhgfF+19u2xQs6xCwWymsRFQ6Vutdx6
        gsAh5FD2GNlcg3nNfxDtMCT1fwt/3zd/pq+cLDE0tOmdIRhF8s3+IQ/tAoGAJfID
        oR8V0AvIJjutuXlZbomFhdo8l6l92A4iTo7jI9JCIolXf1+fktf1dVsiiq17VwE+
        AyROVfQF+nNItH6SLg2hNzhzqxehH5ZP/T7X44aGHa/LC6WXBVYHWXP75Ukq2gZm
        sx/42ZgWWeZuGa0sUOLPg4WjL+WaJRMJ1GPx5ckCgYBdtPtxTBCUOXoS8eNMO5PL
        cIHVvRywzfBEHPnweplxE+WKChT6knST9ZjGtTOXcggc65AP1NRLhLjwHn7cgqQZ
        4uFklxY1eQ1p8ap3+ULmgDkIb3sJR8oRuDCc9GzW3DvfbsbNiobFWc/0MQQFl5k7
        wb8swScfX20U4SXow4b5LA==
        -----END PRIVATE KEY-----
        """;

    public const string PublicKeyPem = """
        -----BEGIN PUBLIC KEY-----
        MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA40cK1ZhDUiD9mm0zxv3C
        T6fFOx/3UpqNQalu4GRL54z2QHx9U7qsQbjUZ1djjErPAXIXP6eR0WpdVyONRB+z
        SSYo+sopluhEJ56/K8lZ56NV+TeJ+qt3RAOdByHJqNxsc4PG0lnJC/SJ6k0Hr4+n
        4rE5/sFcX1ECWAu/ARG9P3An+4na7uevDBIQivd5214jMrPkGOhqAQ6uqR0m/cKc
        +oizkiBorm7MoL/EM2YVva7sCRiq/5CZdNOm6ULu4qYecn0q/CR/LPS2OsPo0rTQ
        AYV0mbo2F/CSfxpdV92cBAS8sf3+wPvSyHuYqYTRuGFsgzdxn/yheSms5PPYZhyP
        bQIDAQAB
        -----END PUBLIC KEY-----
        """;
}
