<?php

declare(strict_types=1);

namespace PayFunctions\HttpClient;

/**
 * One HTTP answer: status, headers (names lower-cased) and the raw body.
 */
final class Response
{
    /**
     * @param array<string, string> $headers header values keyed by lower-case name
     */
    public function __construct(
        public readonly int $status,
        public readonly array $headers,
        public readonly string $body,
    ) {
    }

    public function header(string $name): ?string
    {
        return $this->headers[strtolower($name)] ?? null;
    }

    public function isSuccessful(): bool
    {
        return $this->status >= 200 && $this->status < 300;
    }
}
