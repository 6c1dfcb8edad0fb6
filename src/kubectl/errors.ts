// How kubectl turns an error into what it prints (kubectl pkg/cmd/util/helpers.go checkErr and
// StandardErrorMessage): API Status errors as `Error from server (Reason): message`, Invalid
// errors from their causes, everything else with an `error: ` prefix.

import type { Status } from '../engine/api/types';
import { kubectlInvalidMessage } from '../engine/api/validation/field-error';

/** An error that kubectl prints as `error: <message>` (unless the message already starts with it). */
export class CmdError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CmdError';
  }
}

/** An API Status answer turned into an error (apierrors.StatusError). */
export class StatusError extends Error {
  constructor(readonly status: Status) {
    super(status.message ?? '');
    this.name = 'StatusError';
  }

  /** The same error with its message prefixed, as AddSourceToErr does (`error when creating "f.yaml": ...`). */
  withSource(verb: string, source: string | undefined): StatusError {
    if (!source) return this;
    return new StatusError({ ...this.status, message: `error when ${verb} "${source}": ${this.status.message ?? ''}` });
  }
}

/** Several errors printed one per line (utilerrors.Aggregate through MultipleErrors). */
export class AggregateErrors extends Error {
  constructor(readonly errors: Error[]) {
    super(errors.map((e) => e.message).join(', '));
    this.name = 'AggregateErrors';
  }
}

/** What StandardErrorMessage gives for one error, or undefined when it is not an API error. */
function standardMessage(e: unknown): string | undefined {
  if (!(e instanceof StatusError)) return undefined;
  const s = e.status;
  if (s.reason === 'Unauthorized') return `error: You must be logged in to the server (${s.message ?? ''})`;
  if (s.reason) return `Error from server (${s.reason}): ${s.message ?? ''}`;
  return `Error from server: ${s.message ?? ''}`;
}

function plain(e: unknown): string {
  const std = standardMessage(e);
  if (std !== undefined) return std;
  const msg = e instanceof Error ? e.message : String(e);
  return msg.startsWith('error: ') ? msg : `error: ${msg}`;
}

/** The text checkErr prints for an error (no trailing newline) and the exit code. */
export function renderError(e: unknown): { text: string; code: number } {
  if (e instanceof StatusError && e.status.reason === 'Invalid') {
    return { text: kubectlInvalidMessage(e.status.details), code: 1 };
  }
  if (e instanceof AggregateErrors) {
    if (e.errors.length === 1) return renderError(e.errors[0]);
    return { text: e.errors.map((x) => renderError(x).text).join('\n'), code: 1 };
  }
  if (e instanceof CmdError) return { text: plain(e), code: e.exitCode };
  return { text: plain(e), code: 1 };
}
