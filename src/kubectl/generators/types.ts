// Shared shapes of kubectl's object generators (`create <kind>`, `run`): a declarative command
// description plus a pure builder from parsed arguments to the object upstream would send.
import type { FlagSpec, ParsedFlags } from '../cli/flags';
import type { KObject } from '../../engine/api/types';

/** What a generator may ask of its surroundings; everything else comes from the arguments. */
export interface GeneratorContext {
  /** The namespace the command works in (from -n or the current context). */
  namespace: string;
  /**
   * True when the namespace was given explicitly with -n/--namespace (cobra's EnforceNamespace).
   * Upstream writes metadata.namespace into the generated object only then, so a client dry-run
   * without -n prints no namespace.
   */
  enforceNamespace?: boolean;
  /** session file or disk contents, undefined if missing */
  readFile(path: string): string | undefined;
  /** lists a directory for --from-file=dir (entry names, regular files only); undefined if not a directory */
  listDir(path: string): string[] | undefined;
  /** `create job --from=cronjob/NAME`: the CronJob as the server returns it, undefined if not found. */
  getCronJob?(name: string): KObject | undefined;
  /**
   * Random lowercase alphanumerics (apimachinery util/rand alphabet) for names upstream makes unique
   * with a random suffix (`create deployment --image=my_app` -> container `my-app-x7k2p`). Injected
   * so that sessions replay identically; without it a fixed hash of the input is used.
   */
  randomString?(length: number): string;
}

/**
 * A generator's outcome. `error` is exactly what kubectl prints without its leading `error: `;
 * `verbatim` marks errors kubectl prints as they are (server errors: `Error from server (NotFound): ...`),
 * which must not get that prefix.
 */
export type GeneratorResult =
  | { ok: true; object: KObject }
  | { ok: false; error: string; verbatim?: boolean };

/** One generator command: help texts and flags as upstream declares them, and its builder. */
export interface GeneratorCommand {
  /** e.g. ['create', 'deployment'] or ['run'] */
  path: string[];
  aliases: string[];
  use: string;
  short: string;
  long: string;
  example: string;
  /** the command's own flags (not global ones like -n, -o, --dry-run) */
  flags: FlagSpec[];
  /** args: positional args before `--`; rest: args after `--` */
  build(args: string[], rest: string[], flags: ParsedFlags, ctx: GeneratorContext): GeneratorResult;
}

/** A generator command's entry in the command table: everything but its builder. */
export type GeneratorSpec = Omit<GeneratorCommand, 'build'>;
