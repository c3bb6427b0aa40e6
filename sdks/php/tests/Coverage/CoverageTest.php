<?php

declare(strict_types=1);

namespace PayFunctions\Tests\Coverage;

use PayFunctions\Client;
use PayFunctions\OperationMap;
use PayFunctions\Tests\Support\Env;
use PayFunctions\Tests\Support\PlainHttp;
use PHPUnit\Framework\TestCase;

/**
 * Every operation a merchant's API key may call has a method, and the table names no other.
 */
final class CoverageTest extends TestCase
{
    /** @return list<string> operationIds whose security names the apiKey scheme */
    private static function apiKeyOperations(): array
    {
        $document = PlainHttp::getJson(Env::apiBase() . '/openapi.json');
        $operations = [];
        foreach ($document['paths'] as $item) {
            foreach ($item as $operation) {
                if (!is_array($operation) || !isset($operation['operationId'])) {
                    continue;
                }
                $schemes = array_merge(...array_map('array_keys', $operation['security'] ?? $document['security'] ?? []));
                if (in_array('apiKey', $schemes, true)) {
                    $operations[] = $operation['operationId'];
                }
            }
        }

        return $operations;
    }

    public function testTheTableMatchesTheDocument(): void
    {
        $documented = self::apiKeyOperations();
        $mapped = array_keys(OperationMap::METHODS);
        sort($documented);
        sort($mapped);

        $this->assertGreaterThan(30, count($documented));
        $this->assertSame([], array_values(array_diff($documented, $mapped)), 'operations without an SDK method');
        $this->assertSame([], array_values(array_diff($mapped, $documented)), 'methods for operations the document lacks');
    }

    public function testEveryMappedMethodExists(): void
    {
        $client = new \ReflectionClass(Client::class);
        foreach (OperationMap::METHODS as $operationId => [$property, $method]) {
            $this->assertTrue($client->hasProperty($property), "$operationId: Client has no \$$property");
            $type = $client->getProperty($property)->getType();
            $this->assertInstanceOf(\ReflectionNamedType::class, $type);
            $service = new \ReflectionClass($type->getName());
            $this->assertTrue($service->hasMethod($method), "$operationId: {$service->getName()} has no $method()");
            $this->assertTrue($service->getMethod($method)->isPublic(), "$operationId: $method() is not public");
        }
        $this->assertSame(count(OperationMap::METHODS), count(array_unique(array_map(
            static fn (array $target): string => implode('->', $target),
            OperationMap::METHODS,
        ))), 'each operation has its own method');
    }
}
