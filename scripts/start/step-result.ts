/** What one step of the walk-through did, and the server calls it cost. */
export interface StepResult {
  title: string;
  /** One line saying what happened. */
  outcome: string;
  /** The XRPC methods called, in order. */
  calls: string[];
}
