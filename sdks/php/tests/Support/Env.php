<?php

declare(strict_types=1);

namespace PayFunctions\Tests\Support;

/**
 * The tests' environment variables, with the local demo's values as defaults.
 */
final class Env
{
    public static function apiBase(): string
    {
        return self::get('PAYFUNCTIONS_API_BASE', 'http://127.0.0.1:7071/api');
    }

    public static function apiKey(): string
    {
        return self::get('PAYFUNCTIONS_API_KEY', 'sk_test_demo_0000000000000000000000');
    }

    public static function sandboxUrl(): string
    {
        return self::get('PAYFUNCTIONS_SANDBOX_URL', 'http://127.0.0.1:7080');
    }

    public static function webhookSecret(): string
    {
        return self::get('PAYFUNCTIONS_WEBHOOK_SECRET', 'whsec_ZGVtby13ZWJob29rLXNlY3JldC0wMDAwMDA=');
    }

    private static function get(string $name, string $default): string
    {
        $value = getenv($name);

        return is_string($value) && $value !== '' ? rtrim($value, '/') : $default;
    }
}
