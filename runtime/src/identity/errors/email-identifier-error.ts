import { IdentityError } from './identity-error.js';
import { shown } from './shown.js';

/**
 * Thrown when an identifier to resolve is an email address: no public lookup leads from an email
 * to an account, so signing in with one needs the URL of the service that holds the account.
 */
export class EmailIdentifierError extends IdentityError {
  override readonly name: string = 'EmailIdentifierError';

  /** The identifier as given. */
  readonly identifier: string;

  constructor(identifier: string) {
    super(`Email needs a service: ${shown(identifier)}`);
    this.identifier = identifier;
  }
}
