/**
 * One path segment from an object id, escaped; a missing id is a programming error, caught before any request.
 * @param {unknown} id
 * @param {string} what the id's kind, for the message
 */
export function segment(id, what) {
  if (typeof id !== 'string' || id === '') throw new TypeError(`${what} id must be a non-empty string`);
  return encodeURIComponent(id);
}
