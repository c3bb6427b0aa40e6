<?php

declare(strict_types=1);

namespace PayFunctions;

use PayFunctions\Exception\SignatureVerificationException;
use PayFunctions\Model\Event;

/**
 * Verifies and parses the webhooks PayFunctions sends, signed as Standard Webhooks specifies.
 */
final class Webhook
{
    public const DEFAULT_TOLERANCE = 300;

    private const SECRET_PREFIX = 'whsec_';

    /**
     * Verifies a delivery, then parses its event.
     *
     * @param string $payload the body exactly as received (not re-serialised JSON)
     * @param array<string, string|list<string>> $headers the request headers, names in any case
     * @param string $secret the endpoint's `whsec_…` secret
     * @param int $tolerance seconds the timestamp may be from now, either way, so an old delivery cannot be replayed
     * @param int|null $now the current Unix time, default time()
     *
     * @throws SignatureVerificationException
     */
    public static function constructEvent(string $payload, array $headers, string $secret, int $tolerance = self::DEFAULT_TOLERANCE, ?int $now = null): Event
    {
        self::verify($payload, $headers, $secret, $tolerance, $now);
        $values = json_decode($payload, true);
        if (!is_array($values)) {
            throw new SignatureVerificationException('The webhook body is not a JSON object.');
        }

        return new Event($values);
    }

    /**
     * Checks the `webhook-id`, `webhook-timestamp` and `webhook-signature` headers against the raw body.
     *
     * @param array<string, string|list<string>> $headers
     *
     * @throws SignatureVerificationException
     */
    public static function verify(string $payload, array $headers, string $secret, int $tolerance = self::DEFAULT_TOLERANCE, ?int $now = null): void
    {
        $id = self::header($headers, 'webhook-id');
        $timestamp = self::header($headers, 'webhook-timestamp');
        $signatures = self::header($headers, 'webhook-signature');
        if ($id === null || $timestamp === null || $signatures === null) {
            throw new SignatureVerificationException('The webhook-id, webhook-timestamp and webhook-signature headers are required.');
        }
        if (!ctype_digit($timestamp)) {
            throw new SignatureVerificationException('The webhook-timestamp header is not a Unix time.');
        }
        if (abs(($now ?? time()) - (int) $timestamp) > $tolerance) {
            throw new SignatureVerificationException('The webhook timestamp is outside the tolerance.');
        }

        $expected = self::sign($id, (int) $timestamp, $payload, $secret);
        foreach (preg_split('/\s+/', trim($signatures)) ?: [] as $entry) {
            [$version, $signature] = array_pad(explode(',', $entry, 2), 2, '');
            if ($version === 'v1' && hash_equals($expected, $signature)) {
                return;
            }
        }

        throw new SignatureVerificationException('No webhook signature matches the body.');
    }

    /**
     * The base64 HMAC-SHA256 of `<id>.<timestamp>.<payload>` under the secret's key.
     */
    public static function sign(string $id, int $timestamp, string $payload, string $secret): string
    {
        return base64_encode(hash_hmac('sha256', "$id.$timestamp.$payload", self::key($secret), true));
    }

    private static function key(string $secret): string
    {
        $encoded = str_starts_with($secret, self::SECRET_PREFIX) ? substr($secret, strlen(self::SECRET_PREFIX)) : $secret;
        $key = base64_decode($encoded, true);
        if ($key === false || $key === '') {
            throw new \InvalidArgumentException('The webhook secret must be "whsec_" followed by base64.');
        }

        return $key;
    }

    /** @param array<string, string|list<string>> $headers */
    private static function header(array $headers, string $name): ?string
    {
        foreach ($headers as $key => $value) {
            if (strcasecmp((string) $key, $name) === 0) {
                $value = is_array($value) ? ($value[0] ?? null) : $value;

                return is_string($value) && $value !== '' ? $value : null;
            }
        }

        return null;
    }
}
