<?php

declare(strict_types=1);

namespace PayFunctions\Tests\Support;

/**
 * Plain HTTP for what is not the SDK's to do: the sandbox's controls and the raw OpenAPI document.
 */
final class PlainHttp
{
    /** @return array{int, string} status and body */
    public static function send(string $method, string $url, ?string $body = null): array
    {
        $curl = curl_init($url);
        curl_setopt_array($curl, [
            CURLOPT_CUSTOMREQUEST => $method,
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_TIMEOUT => 30,
            CURLOPT_HTTPHEADER => ['Content-Type: application/json', 'Expect:'],
        ]);
        if ($body !== null) {
            curl_setopt($curl, CURLOPT_POSTFIELDS, $body);
        }
        $content = curl_exec($curl);
        if ($content === false) {
            throw new \RuntimeException("$method $url failed: " . curl_error($curl));
        }

        return [curl_getinfo($curl, CURLINFO_RESPONSE_CODE), (string) $content];
    }

    /** @return mixed the decoded JSON of a 200 answer */
    public static function getJson(string $url): mixed
    {
        [$status, $body] = self::send('GET', $url);
        if ($status !== 200) {
            throw new \RuntimeException("GET $url answered $status: $body");
        }

        return json_decode($body, true, 512, JSON_THROW_ON_ERROR);
    }
}
