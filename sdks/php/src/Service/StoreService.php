<?php

declare(strict_types=1);

namespace PayFunctions\Service;

use PayFunctions\Model\Collection;
use PayFunctions\Model\Store;

/**
 * Store codes: printed QR codes payers scan to pay.
 */
final class StoreService extends AbstractService
{
    /**
     * @param array<string, mixed> $params name, currency, and amount for a fixed-amount code
     * @param array<string, mixed> $opts
     */
    public function create(array $params, array $opts = []): Store
    {
        return $this->requestObject('POST', '/v1/stores', Store::class, [], $params, $opts);
    }

    /**
     * @param array{limit?: int, starting_after?: string} $params
     * @param array<string, mixed> $opts
     *
     * @return Collection<Store>
     */
    public function all(array $params = [], array $opts = []): Collection
    {
        return $this->requestCollection('/v1/stores', Store::class, $params, $opts);
    }

    /** @param array<string, mixed> $opts */
    public function retrieve(string $id, array $opts = []): Store
    {
        return $this->requestObject('GET', self::path('/v1/stores/%s', $id), Store::class, [], null, $opts);
    }

    /**
     * @param array<string, mixed> $opts
     *
     * @return string the PNG image's bytes
     */
    public function qrPng(string $id, array $opts = []): string
    {
        return $this->image(self::path('/v1/stores/%s/qr.png', $id), 'image/png', $opts);
    }

    /**
     * @param array<string, mixed> $opts
     *
     * @return string the SVG document's bytes
     */
    public function qrSvg(string $id, array $opts = []): string
    {
        return $this->image(self::path('/v1/stores/%s/qr.svg', $id), 'image/svg+xml', $opts);
    }

    /** @param array<string, mixed> $opts */
    private function image(string $path, string $type, array $opts): string
    {
        $opts['headers'] = ($opts['headers'] ?? []) + ['Accept' => $type];

        return $this->requestor->request('GET', $path, [], null, $opts)->body;
    }
}
