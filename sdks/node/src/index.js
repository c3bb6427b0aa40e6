import { PayFunctions } from './client.js';

export default PayFunctions;
export { PayFunctions };
export { OPERATIONS } from './coverage.js';
export {
  APIError,
  AuthenticationError,
  ConflictError,
  ConnectionError,
  InvalidRequestError,
  NotFoundError,
  PayFunctionsError,
  PermissionError,
  RateLimitError,
  SignatureVerificationError,
} from './errors.js';
export { ListPromise } from './list.js';
export { backoffDelay, parseRetryAfter } from './retry.js';
export { VERSION } from './version.js';
export { constructEvent, DEFAULT_TOLERANCE_SECONDS, webhooks } from './webhooks.js';
