<?php

declare(strict_types=1);

namespace PayFunctions\HttpClient;

use PayFunctions\Exception\ApiConnectionException;

/**
 * Sends one HTTP request; retries and errors are the caller's business.
 */
interface HttpClientInterface
{
    /**
     * @param array<string, string> $headers
     *
     * @throws ApiConnectionException when no answer arrived (refused, reset, timed out)
     */
    public function request(string $method, string $url, array $headers, ?string $body, float $timeout): Response;
}
