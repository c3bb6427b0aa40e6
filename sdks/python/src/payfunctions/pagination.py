"""Pages of list operations that take ``starting_after``, and iteration across them."""

from typing import Any, Callable, Iterator, Mapping, Type

from ._model import ListObject, T


class Page(ListObject[T]):
    """One page of a list; ``auto_paging_iter()`` walks this page and every later one."""

    def __init__(
        self,
        values: Mapping[str, Any],
        item_type: Type[T],
        fetch_after: Callable[[str], "Page[T]"],
    ) -> None:
        super().__init__(values, item_type)
        self._fetch_after = fetch_after

    def next_page(self) -> "Page[T]":
        """The page after this one, asked with ``starting_after`` = the last item's id.

        Call it only when ``has_more`` is true.
        """
        if not self.has_more or not self.data:
            raise ValueError("this is the last page")
        return self._fetch_after(self.data[-1]["id"])

    def auto_paging_iter(self) -> Iterator[T]:
        """Every item from this page on, fetching the next page until ``has_more`` is false."""
        page: Page[T] = self
        while True:
            yield from page.data
            if not page.has_more or not page.data:
                return
            page = page.next_page()
