import type { GenericSchema } from 'valibot';

import type { XrpcResponseError, XrpcResponseErrorDetails } from '../errors/xrpc-response-error.js';

/**
 * A lexicon-declared error of one method. Generated code emits one subclass of
 * {@link XrpcResponseError} per declared error and lists them here by their lexicon name.
 */
export type DeclaredErrors = Readonly<Record<string, XrpcErrorClass>>;

/** The constructor of a (generated) server error class. */
export type XrpcErrorClass = new (details: XrpcResponseErrorDetails) => XrpcResponseError;

/** A request or response body as a lexicon declares it. */
export interface BodySchema<T> {
  /**
   * The MIME type from the lexicon, e.g. `application/json`, `*\/*` or
   * `application/vnd.ipld.car`.
   */
  readonly encoding: string;
  /** The schema of a JSON body; absent for binary encodings. */
  readonly schema?: GenericSchema<unknown, T> | undefined;
}

interface MethodBase<P> {
  readonly nsid: string;
  /** The schema of the query-string parameters; absent when the lexicon declares none. */
  readonly params?: GenericSchema<unknown, P> | undefined;
  readonly errors?: DeclaredErrors | undefined;
}

/** A lexicon `query`: sent as GET, never with a body. */
export interface QueryMethod<P, O> extends MethodBase<P> {
  readonly type: 'query';
  readonly output?: BodySchema<O> | undefined;
}

/**
 * A lexicon `procedure`: sent as POST, with a JSON or binary body when the lexicon has an input.
 */
export interface ProcedureMethod<P, I, O> extends MethodBase<P> {
  readonly type: 'procedure';
  readonly input?: BodySchema<I> | undefined;
  readonly output?: BodySchema<O> | undefined;
}

export type XrpcMethod<P = unknown, I = unknown, O = unknown> =
  QueryMethod<P, O> | ProcedureMethod<P, I, O>;
