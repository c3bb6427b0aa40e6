<?php

declare(strict_types=1);

namespace PayFunctions\Model;

/**
 * An object of the API. Subclasses declare the fields the API documents as typed public properties; every
 * field, documented or not, stays readable as `$object->name`, `$object['name']` and in toArray(), so a
 * field the API adds later is not lost.
 *
 * @implements \ArrayAccess<string, mixed>
 */
class PayFunctionsObject implements \ArrayAccess, \JsonSerializable
{
    /**
     * Fields built as objects: name => class, or name => [class] for a list of them. An object whose
     * `object` field names a model is built as that model instead.
     *
     * @var array<string, class-string<PayFunctionsObject>|array{class-string<PayFunctionsObject>}>
     */
    protected const NESTED = [];

    /** @var array<class-string, list<string>> */
    private static array $declared = [];

    /** @var array<string, mixed> */
    private array $values;

    /** @param array<string, mixed> $values the object as decoded from JSON */
    public function __construct(array $values = [])
    {
        $this->values = $values;
        foreach (self::declaredFields(static::class) as $name) {
            if (array_key_exists($name, $values)) {
                $this->{$name} = $this->build($name, $values[$name]);
            }
        }
    }

    /** A field the class does not declare, as decoded from JSON (null when absent). */
    public function __get(string $name): mixed
    {
        return $this->values[$name] ?? null;
    }

    public function __isset(string $name): bool
    {
        return isset($this->values[$name]);
    }

    /** @return array<string, mixed> every field as decoded from JSON */
    public function toArray(): array
    {
        return $this->values;
    }

    public function jsonSerialize(): mixed
    {
        return $this->values === [] ? new \stdClass() : $this->values;
    }

    public function offsetExists(mixed $offset): bool
    {
        return isset($this->values[$offset]);
    }

    public function offsetGet(mixed $offset): mixed
    {
        if (in_array($offset, self::declaredFields(static::class), true)) {
            return $this->{$offset};
        }

        return $this->values[$offset] ?? null;
    }

    public function offsetSet(mixed $offset, mixed $value): void
    {
        throw new \LogicException('API objects are read-only; send changes through the client.');
    }

    public function offsetUnset(mixed $offset): void
    {
        throw new \LogicException('API objects are read-only; send changes through the client.');
    }

    private function build(string $name, mixed $value): mixed
    {
        $nested = static::NESTED[$name] ?? null;
        if ($nested === null || !is_array($value)) {
            return $value;
        }
        if (is_array($nested)) {
            return array_map(
                static fn (mixed $item): mixed => is_array($item) ? ObjectTypes::build($item, $nested[0]) : $item,
                $value,
            );
        }

        return ObjectTypes::build($value, $nested);
    }

    /** @return list<string> */
    private static function declaredFields(string $class): array
    {
        if (!isset(self::$declared[$class])) {
            $fields = [];
            foreach ((new \ReflectionClass($class))->getProperties(\ReflectionProperty::IS_PUBLIC) as $property) {
                if (!$property->isStatic()) {
                    $fields[] = $property->getName();
                }
            }
            self::$declared[$class] = $fields;
        }

        return self::$declared[$class];
    }
}
