export type { BinaryBody, CallOptions, CallRequest } from './call-request.js';
export type {
  BodySchema,
  DeclaredErrors,
  ProcedureMethod,
  QueryMethod,
  XrpcErrorClass,
  XrpcMethod,
} from './method.js';
export { ProcedureRequest } from './procedure-request.js';
export { QueryRequest } from './query-request.js';
export { parseRateLimit } from './rate-limit.js';
export type { RateLimit } from './rate-limit.js';
export type { XrpcRequestDescription } from './request-description.js';
export { isRetryableStatus } from './retry-policy.js';
export type { RetryPolicy } from './retry-policy.js';
export type { ValidationMode } from './validation.js';
export { XrpcClient } from './xrpc-client.js';
export type { Replay } from './xrpc-client.js';
export type { XrpcClientOptions } from './xrpc-client-options.js';
export { XrpcRequest } from './xrpc-request.js';
export type { FieldValues, XrpcRequestJson } from './xrpc-request.js';
export { XrpcResponse } from './xrpc-response.js';
export type { XrpcResponseJson } from './xrpc-response.js';
