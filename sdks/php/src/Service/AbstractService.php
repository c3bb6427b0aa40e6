<?php

declare(strict_types=1);

namespace PayFunctions\Service;

use PayFunctions\ApiRequestor;
use PayFunctions\Model\Collection;
use PayFunctions\Model\ObjectTypes;
use PayFunctions\Model\PayFunctionsObject;

/**
 * What every resource's service shares: the requestor, and building models and pages from answers.
 *
 * Every method takes, last, the request options: `idempotency_key` (POST only; else a random one per call)
 * and `headers` (extra request headers).
 */
abstract class AbstractService
{
    public function __construct(protected readonly ApiRequestor $requestor)
    {
    }

    /**
     * @template T of PayFunctionsObject
     *
     * @param class-string<T> $class
     * @param array<string, mixed> $query
     * @param array<string, mixed>|null $body
     * @param array<string, mixed> $opts
     *
     * @return T
     */
    protected function requestObject(string $method, string $path, string $class, array $query = [], ?array $body = null, array $opts = []): PayFunctionsObject
    {
        $object = ObjectTypes::build($this->requestor->requestJson($method, $path, $query, $body, $opts), $class);
        if (!$object instanceof $class) {
            throw new \UnexpectedValueException(sprintf('Expected %s from %s %s, got %s', $class, $method, $path, $object::class));
        }

        return $object;
    }

    /**
     * Fetches one page of a list. A list the API pages (with `starting_after`) can then be walked in full
     * with autoPagingIterator(), which asks for the following pages with the same parameters.
     *
     * @template T of PayFunctionsObject
     *
     * @param class-string<T> $itemClass
     * @param array<string, mixed> $params
     * @param array<string, mixed> $opts
     *
     * @return Collection<T>
     */
    protected function requestCollection(string $path, string $itemClass, array $params = [], array $opts = [], bool $paged = true): Collection
    {
        $values = $this->requestor->requestJson('GET', $path, $params, null, $opts);
        $nextPage = $paged
            ? fn (string $lastId): Collection => $this->requestCollection(
                $path,
                $itemClass,
                ['starting_after' => $lastId] + $params,
                $opts,
            )
            : null;

        return new Collection($values, $itemClass, $nextPage);
    }

    /** A path with its ids escaped, e.g. path('/v1/payments/%s', $id). */
    protected static function path(string $format, string ...$ids): string
    {
        return vsprintf($format, array_map('rawurlencode', $ids));
    }
}
