/** The RFC 9457 problem document of an error answer. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string | null;
  code: string;
  param?: string | null;
  [field: string]: unknown;
}

/** The base of every error the client raises. */
export declare class PayFunctionsError extends Error {
  constructor(
    message: string,
    fields?: {
      status?: number | null;
      code?: string | null;
      param?: string | null;
      title?: string | null;
      detail?: string | null;
      type?: string | null;
      problem?: Problem | null;
      requestId?: string | null;
      headers?: Record<string, string> | null;
      cause?: unknown;
    },
  );
  /** The HTTP status, or null for errors without an answer. */
  readonly status: number | null;
  /** The problem's stable code, e.g. `parameter_invalid`. */
  readonly code: string | null;
  /** The parameter at fault, when one is. */
  readonly param: string | null;
  readonly title: string | null;
  readonly detail: string | null;
  /** The problem type's URI. */
  readonly type: string | null;
  /** The whole problem document as parsed, or null when the answer was not one. */
  readonly problem: Problem | null;
  /** The answer's `Request-Id` header, for support. */
  readonly requestId: string | null;
  readonly headers: Record<string, string> | null;
}

/** 400. */
export declare class InvalidRequestError extends PayFunctionsError {}
/** 401. */
export declare class AuthenticationError extends PayFunctionsError {}
/** 403. */
export declare class PermissionError extends PayFunctionsError {}
/** 404. */
export declare class NotFoundError extends PayFunctionsError {}
/** 409. */
export declare class ConflictError extends PayFunctionsError {}
/** 429, once the retries are exhausted. */
export declare class RateLimitError extends PayFunctionsError {}
/** 5xx or any other unexpected status. */
export declare class APIError extends PayFunctionsError {}
/** A network failure or timeout on every attempt. */
export declare class ConnectionError extends PayFunctionsError {}
/** A webhook delivery that does not verify. */
export declare class SignatureVerificationError extends PayFunctionsError {}
