import type { ListPage } from './models.js';

/**
 * What a list method answers: await it for one page, or iterate it with `for await` for every item across
 * pages (each next page is fetched with `starting_after` set to the last item's id, until `has_more` is false).
 */
export declare class ListPromise<T> implements PromiseLike<ListPage<T>>, AsyncIterable<T> {
  constructor(fetchPage: (params: Record<string, unknown>) => Promise<ListPage<T>>, params: object);
  then<R1 = ListPage<T>, R2 = never>(
    onfulfilled?: ((page: ListPage<T>) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2>;
  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<ListPage<T> | R>;
  finally(onfinally?: (() => void) | null): Promise<ListPage<T>>;
  [Symbol.asyncIterator](): AsyncIterator<T>;
  /** Collects up to `limit` items across pages. */
  autoPagingToArray(options: { limit: number }): Promise<T[]>;
}
