export { DidDocumentInvalidError } from './did-document-invalid-error.js';
export type { DidDocumentProblem } from './did-document-invalid-error.js';
export { DidNotFoundError } from './did-not-found-error.js';
export { DidResolutionError } from './did-resolution-error.js';
export type { DidResolutionErrorDetails, DidResolutionFailure } from './did-resolution-error.js';
export { EmailIdentifierError } from './email-identifier-error.js';
export { HandleConflictError } from './handle-conflict-error.js';
export type { HandleAnswer, HandleResolutionMethod } from './handle-conflict-error.js';
export { HandleNotInDocumentError } from './handle-not-in-document-error.js';
export { HandleResolutionError } from './handle-resolution-error.js';
export type {
  HandleResolutionErrorDetails,
  HandleResolutionFailure,
} from './handle-resolution-error.js';
export { IdentityError } from './identity-error.js';
export type { IdentityErrorOptions } from './identity-error.js';
export { UnsupportedDidMethodError } from './unsupported-did-method-error.js';
