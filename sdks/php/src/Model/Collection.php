<?php

declare(strict_types=1);

namespace PayFunctions\Model;

/**
 * One page of a list (`data`, `has_more`). Iterating it walks this page; autoPagingIterator() walks every
 * item of the list, fetching the next page after the last item's id while `has_more` is true.
 *
 * @template T of PayFunctionsObject
 * @implements \IteratorAggregate<int, T>
 */
final class Collection extends PayFunctionsObject implements \IteratorAggregate, \Countable
{
    public ?string $object = null;
    public ?string $url = null;
    /** @var list<T> */
    public array $data = [];
    public bool $has_more = false;

    /** @var (\Closure(string): Collection<T>)|null */
    private ?\Closure $nextPage;

    /**
     * @param array<string, mixed> $values
     * @param class-string<T> $itemClass
     * @param (\Closure(string): Collection<T>)|null $nextPage fetches the page after the given id;
     *        null for a list the API does not page
     */
    public function __construct(array $values, string $itemClass = PayFunctionsObject::class, ?\Closure $nextPage = null)
    {
        parent::__construct($values);
        $this->data = array_values(array_map(
            static fn (mixed $item): mixed => is_array($item) ? ObjectTypes::build($item, $itemClass) : $item,
            is_array($values['data'] ?? null) ? $values['data'] : [],
        ));
        $this->has_more = (bool) ($values['has_more'] ?? false);
        $this->nextPage = $nextPage;
    }

    /** @return \ArrayIterator<int, T> this page's items */
    public function getIterator(): \ArrayIterator
    {
        return new \ArrayIterator($this->data);
    }

    public function count(): int
    {
        return count($this->data);
    }

    /** @return \Generator<int, T> every item of the list, from this page on */
    public function autoPagingIterator(): \Generator
    {
        $page = $this;
        while (true) {
            foreach ($page->data as $item) {
                yield $item;
            }
            $last = end($page->data);
            if (!$page->has_more || $page->nextPage === null || !$last instanceof PayFunctionsObject) {
                return;
            }
            $page = ($page->nextPage)((string) $last['id']);
        }
    }
}
