// How kubectl turns an error into what it prints (kubectl pkg/cmd/util/helpers.go checkErr and
// StandardErrorMessage): API Status errors as `Error from server (Reason): message`, Invalid
// errors from their causes, everything else with an `error: ` prefix.

import type { Status } from '../engine/api/types';
import { goQuote } from '../engine/codec/go-quote';

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

/**
 * A command's non-zero exit inside a container (utilexec.CodeExitError): checkErr prints its
 * message as is, without `error: `, and exits with its code.
 */
export class CodeExitError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CodeExitError';
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

/**
 * An error cobra returns after kubectl's logging is set up (a required flag left unset):
 * component-base's cli.Run logs it through klog, `E0115 09:30:00.000000 ... run.go:72]
 * "command failed" err="..."`, instead of printing `error: ...`.
 */
export class CommandFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandFailedError';
  }
}

/** klog's text header (`Lmmdd hh:mm:ss.uuuuuu threadid file:line] `), at simulated time `nowMs`. */
export function klogHeader(severity: 'I' | 'W' | 'E', nowMs: number, fileLine: string): string {
  const d = new Date(nowMs);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const micros = String(d.getUTCMilliseconds() * 1000).padStart(6, '0');
  // The thread id is the process id in a Go binary; ours has none, so a fixed one stands in.
  return `${severity}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${micros} ${String(12345).padStart(7)} ${fileLine}] `;
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

/**
 * checkErr's text for an Invalid Status: `The KIND "NAME" is invalid` with its causes, and the
 * server's message when there is nothing else to say (no details, or neither kind, name nor
 * causes), as kubectl v1.32 prints for a JSON patch that does not apply.
 */
function invalidMessage(s: Status): string {
  const d = s.details;
  let text = 'The request is invalid';
  if (!d) return s.message ? `${text}: ${s.message}` : text;
  const causes = d.causes ?? [];
  if (d.kind || d.name) text = `The ${d.kind ?? ''} ${goQuote(d.name ?? '')} is invalid`;
  else if (s.message && causes.length === 0) text += `: ${s.message}`;
  if (causes.length === 0) return text;
  // statusCausesToAggrError drops repeated `field: message` lines.
  const msgs = [...new Set(causes.map((c) => `${c.field ?? ''}: ${c.message ?? ''}`))];
  if (msgs.length === 1) return `${text}: ${msgs[0]}`;
  return `${text}: \n${msgs.map((m) => `* ${m}`).join('\n')}`;
}

/**
 * The text checkErr prints for an error (no trailing newline) and the exit code. `nowMs` dates
 * the klog line of a CommandFailedError.
 */
export function renderError(e: unknown, nowMs = 0): { text: string; code: number } {
  if (e instanceof CommandFailedError) {
    return { text: `${klogHeader('E', nowMs, 'run.go:72')}"command failed" err=${goQuote(e.message)}`, code: 1 };
  }
  if (e instanceof StatusError && e.status.reason === 'Invalid') {
    return { text: invalidMessage(e.status), code: 1 };
  }
  if (e instanceof AggregateErrors) {
    if (e.errors.length === 1) return renderError(e.errors[0]);
    return { text: e.errors.map((x) => renderError(x).text).join('\n'), code: 1 };
  }
  if (e instanceof CmdError) return { text: plain(e), code: e.exitCode };
  if (e instanceof CodeExitError) return { text: e.message, code: e.exitCode };
  return { text: plain(e), code: 1 };
}
