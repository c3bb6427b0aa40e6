// The API client: the key lives in sessionStorage only (gone when the tab closes) and goes out as a bearer token.
// Each console keeps its own, so a merchant's and an operator's sign-in in one browser never mix.

const KEY = `payfunctions.${document.documentElement.dataset.console}.key`;

export function signedIn() {
  return sessionStorage.getItem(KEY) !== null;
}

export function mode() {
  const key = sessionStorage.getItem(KEY) ?? '';
  return key.startsWith('sk_live_') ? 'live' : 'test';
}

export function signIn(key) {
  sessionStorage.setItem(KEY, key);
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** Calls the API; a problem answer becomes an ApiProblem carrying the RFC 9457 body. */
export async function api(path, { method = 'GET', body, idempotencyKey, key } = {}) {
  const headers = { Accept: 'application/json' };
  const bearer = key ?? sessionStorage.getItem(KEY);
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  const response = await fetch(`/api/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  const text = await response.text();
  const parsed = text.length > 0 ? JSON.parse(text) : {};
  if (!response.ok) {
    throw new ApiProblem(response.status, parsed);
  }
  return parsed;
}

/** A fresh Idempotency-Key for one user action: a retry of that action reuses it. */
export function newIdempotencyKey() {
  return crypto.randomUUID();
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return text.length > 0 ? `?${text}` : '';
}

/** A GET whose answer is not JSON (a CSV file), with the same key. */
export function download(path) {
  return fetch(`/api/${path}`, { headers: { Authorization: `Bearer ${sessionStorage.getItem(KEY)}` }, cache: 'no-store' });
}
