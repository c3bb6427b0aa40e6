<?php

declare(strict_types=1);

namespace PayFunctions;

use PayFunctions\Exception\ApiConnectionException;
use PayFunctions\Exception\ApiErrorException;
use PayFunctions\Exception\ApiException;
use PayFunctions\HttpClient\HttpClientInterface;
use PayFunctions\HttpClient\Response;

/**
 * Sends API requests: authentication, the idempotency key of every POST, retries and typed errors.
 */
final class ApiRequestor
{
    /** @var \Closure(float): void */
    private readonly \Closure $sleeper;

    /**
     * @param (callable(float): void)|null $sleeper waits the given seconds between attempts
     */
    public function __construct(
        private readonly string $apiKey,
        private readonly string $baseUrl,
        private readonly int $maxRetries,
        private readonly float $timeout,
        private readonly HttpClientInterface $httpClient,
        private readonly RetryPolicy $retryPolicy,
        ?callable $sleeper = null,
    ) {
        $this->sleeper = $sleeper !== null
            ? \Closure::fromCallable($sleeper)
            : static function (float $seconds): void {
                usleep((int) round($seconds * 1_000_000));
            };
    }

    /**
     * Sends a request and decodes its JSON answer.
     *
     * @param array<string, mixed> $query
     * @param array<string, mixed>|null $body sent as JSON; null sends no body
     * @param array{idempotency_key?: string, headers?: array<string, string>} $options
     *
     * @return array<string, mixed>
     */
    public function requestJson(string $method, string $path, array $query = [], ?array $body = null, array $options = []): array
    {
        $response = $this->request($method, $path, $query, $body, $options);
        $decoded = json_decode($response->body, true);
        if (!is_array($decoded)) {
            throw new ApiException(
                "The answer to $method $path is not a JSON object",
                $response->status,
                [],
                $response->header('request-id'),
                $response->body,
            );
        }

        return $decoded;
    }

    /**
     * Sends a request, retrying as the contract says, and returns the 2xx answer.
     *
     * @param array<string, mixed> $query
     * @param array<string, mixed>|null $body
     * @param array{idempotency_key?: string, headers?: array<string, string>} $options
     *
     * @throws ApiErrorException for a non-2xx answer
     * @throws ApiConnectionException when the last attempt got no answer
     */
    public function request(string $method, string $path, array $query = [], ?array $body = null, array $options = []): Response
    {
        $method = strtoupper($method);
        $headers = [
            'Authorization' => 'Bearer ' . $this->apiKey,
            'User-Agent' => 'payfunctions-php/' . Client::VERSION,
            'Accept' => 'application/json',
        ];
        if ($method === 'POST') {
            // Made once per call and kept across its retries, so a retried create is the same create.
            $headers['Idempotency-Key'] = $options['idempotency_key'] ?? self::uuid4();
        }
        $payload = null;
        if ($body !== null) {
            // An empty PHP array would encode as [], but the API expects an object.
            $payload = json_encode($body === [] ? new \stdClass() : $body, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES);
            $headers['Content-Type'] = 'application/json';
        }
        $headers = array_merge($headers, $options['headers'] ?? []);
        $url = $this->url($path, $query);

        for ($attempt = 0; ; $attempt++) {
            try {
                $response = $this->httpClient->request($method, $url, $headers, $payload, $this->timeout);
            } catch (ApiConnectionException $e) {
                if ($attempt >= $this->maxRetries) {
                    throw $e;
                }
                ($this->sleeper)($this->retryPolicy->delay($attempt));
                continue;
            }
            if ($response->isSuccessful()) {
                return $response;
            }
            if ($attempt >= $this->maxRetries || !$this->retryPolicy->isRetryable($response)) {
                throw ApiErrorException::fromResponse($response);
            }
            ($this->sleeper)($this->retryPolicy->delay($attempt, $response));
        }
    }

    /** @param array<string, mixed> $query */
    private function url(string $path, array $query): string
    {
        $url = rtrim($this->baseUrl, '/') . $path;
        $query = array_filter($query, static fn ($value): bool => $value !== null);
        if ($query !== []) {
            $url .= '?' . http_build_query($query, '', '&', PHP_QUERY_RFC3986);
        }

        return $url;
    }

    private static function uuid4(): string
    {
        $bytes = random_bytes(16);
        $bytes[6] = chr((ord($bytes[6]) & 0x0f) | 0x40);
        $bytes[8] = chr((ord($bytes[8]) & 0x3f) | 0x80);

        return vsprintf('%s%s-%s-%s-%s-%s%s%s', str_split(bin2hex($bytes), 4));
    }
}
