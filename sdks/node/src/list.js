// A list call's result: await it for one page, or iterate it for every item across pages.

/**
 * @template T
 * The first page is fetched once, on first use, whether awaited or iterated.
 */
export class ListPromise {
  #fetchPage;
  #params;
  #first;

  /**
   * @param {(params: object) => Promise<{ data: T[], has_more: boolean }>} fetchPage
   * @param {object} params the list's query parameters, kept for every following page
   */
  constructor(fetchPage, params) {
    this.#fetchPage = fetchPage;
    this.#params = { ...params };
  }

  #firstPage() {
    this.#first ??= this.#fetchPage(this.#params);
    return this.#first;
  }

  then(onFulfilled, onRejected) {
    return this.#firstPage().then(onFulfilled, onRejected);
  }

  catch(onRejected) {
    return this.#firstPage().catch(onRejected);
  }

  finally(onFinally) {
    return this.#firstPage().finally(onFinally);
  }

  /** Every item, newest first, fetching the next page after the last item's id while `has_more`. */
  async *[Symbol.asyncIterator]() {
    let page = await this.#firstPage();
    for (;;) {
      yield* page.data;
      if (!page.has_more || page.data.length === 0) return;
      page = await this.#fetchPage({ ...this.#params, starting_after: page.data.at(-1).id });
    }
  }

  /**
   * Collects items into an array, stopping after `limit` of them; the limit is required so that
   * a long history is not loaded into memory by accident.
   * @param {{ limit: number }} options
   */
  async autoPagingToArray({ limit }) {
    if (!Number.isInteger(limit) || limit < 1) throw new TypeError('autoPagingToArray needs a positive integer limit');
    const items = [];
    for await (const item of this) {
      items.push(item);
      if (items.length >= limit) break;
    }
    return items;
  }
}
