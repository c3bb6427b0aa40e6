// Every error the client raises derives from PayFunctionsError, so one `catch` handles them all;
// the subclass says what went wrong (the HTTP status class, the network, or a webhook signature).

export class PayFunctionsError extends Error {
  /**
   * @param {string} message
   * @param {object} [fields] the problem document's members, the response's status, headers and request id
   */
  constructor(message, fields = {}) {
    super(message, fields.cause === undefined ? undefined : { cause: fields.cause });
    this.name = new.target.name;
    this.status = fields.status ?? null;
    this.code = fields.code ?? null;
    this.param = fields.param ?? null;
    this.title = fields.title ?? null;
    this.detail = fields.detail ?? null;
    this.type = fields.type ?? null;
    this.problem = fields.problem ?? null;
    this.requestId = fields.requestId ?? null;
    this.headers = fields.headers ?? null;
  }
}

/** 400: the request is malformed or a parameter is invalid (`param` names it). */
export class InvalidRequestError extends PayFunctionsError {}
/** 401: the API key is missing, unknown, revoked or expired. */
export class AuthenticationError extends PayFunctionsError {}
/** 403: the key is valid but lacks the scope the operation needs. */
export class PermissionError extends PayFunctionsError {}
/** 404: no such object for this merchant. */
export class NotFoundError extends PayFunctionsError {}
/** 409: the request conflicts with the object's state or with an idempotency key's first use. */
export class ConflictError extends PayFunctionsError {}
/** 429: too many requests; retried automatically until the retries run out. */
export class RateLimitError extends PayFunctionsError {}
/** 5xx or any other unexpected status. */
export class APIError extends PayFunctionsError {}
/** The host could not be reached, or did not answer in time, on every attempt. */
export class ConnectionError extends PayFunctionsError {}
/** A webhook delivery whose signature, timestamp or headers do not verify. */
export class SignatureVerificationError extends PayFunctionsError {}

const BY_STATUS = new Map([
  [400, InvalidRequestError],
  [401, AuthenticationError],
  [403, PermissionError],
  [404, NotFoundError],
  [409, ConflictError],
  [429, RateLimitError],
]);

/**
 * Builds the typed error for a non-2xx answer from its status, headers and raw body.
 * The body is usually an RFC 9457 problem document; anything else still yields an error with the status.
 * @param {number} status
 * @param {Headers} headers
 * @param {Buffer} body
 */
export function errorFromResponse(status, headers, body) {
  const problem = parseProblem(headers.get('content-type'), body);
  const ErrorClass = BY_STATUS.get(status) ?? APIError;
  const message = problem?.detail ?? problem?.title ?? `PayFunctions answered HTTP ${status}`;
  return new ErrorClass(message, {
    status,
    code: stringOrNull(problem?.code),
    param: stringOrNull(problem?.param),
    title: stringOrNull(problem?.title),
    detail: stringOrNull(problem?.detail),
    type: stringOrNull(problem?.type),
    problem,
    requestId: headers.get('request-id'),
    headers: Object.fromEntries(headers),
  });
}

function parseProblem(contentType, body) {
  if (!contentType || !/json/i.test(contentType) || body.length === 0) return null;
  try {
    const parsed = JSON.parse(body.toString('utf8'));
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function stringOrNull(value) {
  return typeof value === 'string' ? value : null;
}
