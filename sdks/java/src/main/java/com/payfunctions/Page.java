package com.payfunctions;

import com.payfunctions.model.HasId;
import com.payfunctions.model.PayFunctionsObject;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One page of a list, newest first, and the way to every item after it.
 *
 * @param <T> the type of the items
 */
public final class Page<T> extends PayFunctionsObject {
    private String object;
    private String url;
    private List<T> data;
    private Boolean hasMore;
    private transient Function<String, Page<T>> nextPage;

    public String getObject() {
        return object;
    }

    /** The path the list was read from. */
    public String getUrl() {
        return url;
    }

    /** The items of this page. */
    public List<T> getData() {
        return data == null ? List.of() : data;
    }

    /** Whether more items follow this page. */
    public boolean hasMore() {
        return Boolean.TRUE.equals(hasMore);
    }

    /**
     * Every item of this page and of the pages after it, each page fetched when the previous one is used up
     * with {@code starting_after} set to its last item's id. For a list without paging, this page's items.
     */
    public Iterable<T> autoPagingIterable() {
        return () -> new AutoPager<>(this);
    }

    /** {@link #autoPagingIterable()} as a sequential stream. */
    public Stream<T> autoPagingStream() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(new AutoPager<>(this), Spliterator.ORDERED), false);
    }

    void setNextPage(Function<String, Page<T>> nextPage) {
        this.nextPage = nextPage;
    }

    private static final class AutoPager<T> implements Iterator<T> {
        private Page<T> page;
        private Iterator<T> items;

        AutoPager(Page<T> first) {
            page = first;
            items = first.getData().iterator();
        }

        @Override
        public boolean hasNext() {
            while (!items.hasNext()) {
                List<T> data = page.getData();
                if (!page.hasMore() || page.nextPage == null || data.isEmpty()) {
                    return false;
                }
                T last = data.get(data.size() - 1);
                page = page.nextPage.apply(((HasId) last).getId());
                items = page.getData().iterator();
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return items.next();
        }
    }
}
