export { LexforgeError } from './lexforge-error.js';
export type { LexforgeErrorOptions } from './lexforge-error.js';
export { XrpcError } from './xrpc-error.js';
export type { XrpcErrorOptions } from './xrpc-error.js';
export { XrpcResponseError } from './xrpc-response-error.js';
export type { XrpcResponseErrorDetails } from './xrpc-response-error.js';
export { XrpcTransportError } from './xrpc-transport-error.js';
export type { XrpcTransportErrorDetails, XrpcTransportFailure } from './xrpc-transport-error.js';
export { XrpcUnreadableResponseError } from './xrpc-unreadable-response-error.js';
export type { XrpcUnreadableResponseErrorDetails } from './xrpc-unreadable-response-error.js';
export { XrpcValidationError } from './xrpc-validation-error.js';
export type {
  XrpcValidationErrorDetails,
  XrpcValidationIssue,
  XrpcValidationTarget,
} from './xrpc-validation-error.js';
