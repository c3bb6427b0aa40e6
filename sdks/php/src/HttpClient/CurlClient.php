<?php

declare(strict_types=1);

namespace PayFunctions\HttpClient;

use PayFunctions\Exception\ApiConnectionException;

/**
 * The default transport, on ext-curl. One handle is kept so that connections are reused.
 */
final class CurlClient implements HttpClientInterface
{
    private ?\CurlHandle $handle = null;

    public function request(string $method, string $url, array $headers, ?string $body, float $timeout): Response
    {
        $this->handle ??= curl_init();
        $curl = $this->handle;
        curl_reset($curl);

        $lines = [];
        foreach ($headers as $name => $value) {
            $lines[] = "$name: $value";
        }
        // curl would otherwise add "Expect: 100-continue" to larger bodies and wait for it.
        $lines[] = 'Expect:';

        $responseHeaders = [];
        curl_setopt_array($curl, [
            CURLOPT_URL => $url,
            CURLOPT_CUSTOMREQUEST => $method,
            CURLOPT_HTTPHEADER => $lines,
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_FOLLOWLOCATION => false,
            CURLOPT_TIMEOUT_MS => (int) ceil($timeout * 1000),
            CURLOPT_CONNECTTIMEOUT_MS => (int) ceil(min($timeout, 30.0) * 1000),
            CURLOPT_HEADERFUNCTION => static function ($handle, string $line) use (&$responseHeaders): int {
                $parts = explode(':', $line, 2);
                if (count($parts) === 2) {
                    $responseHeaders[strtolower(trim($parts[0]))] = trim($parts[1]);
                } elseif (str_starts_with($line, 'HTTP/')) {
                    // A new status line (after 100 Continue, say) starts a new header block.
                    $responseHeaders = [];
                }

                return strlen($line);
            },
        ]);
        if ($body !== null) {
            curl_setopt($curl, CURLOPT_POSTFIELDS, $body);
        }

        $content = curl_exec($curl);
        if ($content === false) {
            throw new ApiConnectionException(
                sprintf('Could not reach %s: %s (curl error %d)', $url, curl_error($curl), curl_errno($curl)),
            );
        }

        return new Response(curl_getinfo($curl, CURLINFO_RESPONSE_CODE), $responseHeaders, (string) $content);
    }
}
