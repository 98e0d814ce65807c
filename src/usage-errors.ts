/**
 * The words of a refused command line. yargs checks the command line against
 * each command's builder; its messages are for programmers ("Unknown arguments: my-opt, myOpt",
 * "Not enough non-option arguments: got 0, need at least 1"). Here they become a user's: each
 * unknown argument named once, as it was typed, with the nearest known option; a missing
 * positional said by the command; a flag without its value named with its dashes.
 */
import { InputError } from './errors.ts';

/** What the parser knew when it refused the command line: the chosen command's options. */
export interface UsageContext {
  /** The command line as typed (without `node` and the script). */
  readonly args: readonly string[];
  /** The chosen command (`deploy`), if yargs got that far. */
  readonly command?: string;
  /** Every option and alias of the chosen command (yargs `getOptions()`: `key` and `alias`). */
  readonly options: readonly string[];
  /** What to say when the command's positional argument is missing (`CommandSpec.missingPositional`). */
  readonly missingPositional?: string;
  /** What to say when a positional argument is given that the command does not take (`CommandSpec.unexpectedPositional`). */
  readonly unexpectedPositional?: string;
}

const UNKNOWN = /^Unknown arguments?: (.*)$/su;
const NO_POSITIONAL = /^Not enough non-option arguments/u;
const NO_VALUE = /^Not enough arguments following: (.+)$/u;
// yargs' `recommendCommands()` for a misspelled command.
const RECOMMENDED = /^Did you mean (.+)\?$/u;

/** The message for yargs' refusal `message`, or `message` itself when it is none of the above. */
export function describeUsageFailure(message: string, context: UsageContext): string {
  const help = `see aem-ioevents${context.command === undefined ? '' : ` ${context.command}`} --help`;
  const recommended = RECOMMENDED.exec(message);
  const typedCommand = context.args.find((arg) => !arg.startsWith('-'));
  if (recommended !== null) return `unknown command '${typedCommand ?? ''}'; did you mean ${recommended[1]}? ${help}`;
  const unknown = UNKNOWN.exec(message);
  if (unknown !== null && context.command === undefined && typedCommand !== undefined) return `unknown command '${typedCommand}'; ${help}`;
  if (unknown !== null) return describeUnknown(unknown[1]!.split(', '), context, help);
  if (NO_POSITIONAL.test(message)) {
    // yargs counts positionals before it looks at options: `deploy --targt x` would be told to
    // name a package when the typo is what went wrong (and `x` was taken as its value).
    const typos = findUnknownOptions(context);
    if (typos.length > 0) return describeUnknown(typos, context, help);
    if (context.missingPositional !== undefined) return context.missingPositional;
  }
  const noValue = NO_VALUE.exec(message);
  if (noValue !== null) return `${dashed(noValue[1]!)} needs a value; ${help}`;
  return message;
}

function describeUnknown(names: readonly string[], context: UsageContext, help: string): string {
  const typed: string[] = [];
  for (const name of names) {
    const token = findTypedToken(name, context.args) ?? `'${name}'`;
    if (!typed.includes(token)) typed.push(token);
  }
  const options = typed.filter((token) => token.startsWith('-'));
  if (options.length === 0 && context.unexpectedPositional !== undefined) return `unknown argument${typed.length === 1 ? '' : 's'} ${typed.join(', ')}: ${context.unexpectedPositional}`;
  const what = options.length === typed.length ? 'option' : 'argument';
  const listed = typed.map((token) => {
    // A word processor or chat turns `--target` into `–target` (an en dash): yargs sees a positional.
    const dashed = /^'[\u2010-\u2015\u2212]+([^\s'=]+)/u.exec(token)?.[1];
    if (dashed !== undefined) {
      const meant = closestOption(dashed, context.options);
      return meant === undefined ? `${token} (a typographic dash: options start with two hyphens, --)` : `${token} (a typographic dash: did you mean --${meant}?)`;
    }
    const suggestion = token.startsWith('-') ? closestOption(token.replace(/^-+/u, ''), context.options) : undefined;
    return suggestion === undefined ? token : `${token} (did you mean --${suggestion}?)`;
  });
  return `unknown ${what}${typed.length === 1 ? '' : 's'} ${listed.join(', ')}; ${help}`;
}

// The long options typed (`--name`, `--name=value`, `--no-name`) that the command does not know.
function findUnknownOptions(context: UsageContext): string[] {
  const known = new Set(context.options);
  const unknown: string[] = [];
  for (const arg of context.args) {
    if (arg === '--') break;
    const name = /^--([^=]+)/u.exec(arg)?.[1];
    if (name === undefined || known.has(name) || known.has(camelCase(name)) || (name.startsWith('no-') && known.has(name.slice(3)))) continue;
    unknown.push(name);
  }
  return unknown;
}

/**
 * The token of `args` that yargs reported as `name`: `--my-opt` for `my-opt` and `myOpt` (yargs
 * adds the camel-case spelling), `-q` for a short flag, `-targt` whole for a letter of it (one
 * dash before a long name: yargs reads the letters as short flags). Undefined for a positional.
 */
function findTypedToken(name: string, args: readonly string[]): string | undefined {
  for (const arg of args) {
    if (arg === '--') break;
    const flag = /^(-{1,2})([^=]+)/u.exec(arg);
    if (flag === null || arg === '-') continue;
    const [, dashes, typed = ''] = flag;
    if (dashes === '--' && (typed === name || camelCase(typed) === name || typed === `no-${name}`)) return `--${typed}`;
    if (dashes === '-' && (typed === name || (name.length === 1 && typed.includes(name)))) return `-${typed}`;
  }
  return undefined;
}

/** The known long option nearest to `typed` (case ignored), if it is near enough to be a typo. */
export function closestOption(typed: string, options: readonly string[]): string | undefined {
  const longNames = options.filter((option) => option.length > 1 && option === option.toLowerCase());
  let best: { option: string; distance: number } | undefined;
  for (const option of longNames) {
    const distance = editDistance(typed.toLowerCase(), option);
    if (best === undefined || distance < best.distance) best = { option, distance };
  }
  // Two edits, and fewer than half the letters: `--targt` is `--target`, `--x` is not `--env`.
  return best !== undefined && best.distance <= 2 && best.distance * 2 < typed.length ? best.option : undefined;
}

/** Levenshtein distance (insertions, deletions, substitutions), one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

function camelCase(name: string): string {
  return name.replace(/-+([^-])/gu, (_, letter: string) => letter.toUpperCase());
}

function dashed(name: string): string {
  return name.length === 1 ? `-${name}` : `--${name}`;
}

/** The options of the chosen command, as yargs declared them (`getOptions()`). */
export interface DeclaredOptions {
  /** Every declared option (`key`). */
  readonly names: readonly string[];
  /** Those declared `type: 'number'`. */
  readonly numbers: readonly string[];
  /** Those declared `type: 'boolean'`: given twice, they still say yes. */
  readonly booleans: readonly string[];
  /** Those that may be given more than once: `array: true` (`--target`) and `CommandSpec.repeatable`. */
  readonly arrays: readonly string[];
  /** Aliases by option (`target: ['t']`). */
  readonly aliases: Readonly<Record<string, readonly string[]>>;
}

/**
 * Checks the values of a parsed command line before the command runs, throwing `InputError`
 * (exit 2) for what a broken CI script writes: a one-value option given more than once (yargs
 * would hand over an array, or keep the last one silently), and a number option given an empty
 * value (`--retries=$RETRIES` with the variable unset: yargs reads it as 0). A number option
 * typed in any other way than decimal digits (`0x10`, `1e3`, `Infinity`, `NaN`: JavaScript reads
 * them all) reaches the command as the text typed, so that its own check names it as typed.
 */
export function checkTypedValues(args: Record<string, unknown>, options: DeclaredOptions, typed: readonly string[], command: string): void {
  for (const option of options.names) {
    if (options.booleans.includes(option)) continue;
    const values = findTypedValues([option, ...(options.aliases[option] ?? [])], typed);
    // `-t "$AEM_URL_2"` with the variable unset leaves `-t` without a value: yargs drops it, and
    // the deploy would go to fewer targets than the script names.
    if (options.arrays.includes(option) && values.some((value) => value.trim() === '')) {
      throw new InputError(`${dashed(option)} needs a value (an empty or unset variable?); see aem-ioevents ${command} --help`, { code: 'E_USAGE' });
    }
    if (values.length > 1 && !options.arrays.includes(option)) {
      throw new InputError(`${dashed(option)} is given more than once (${values.map((value) => `'${value}'`).join(', ')}); give it once`, { code: 'E_USAGE' });
    }
    const value = values[0];
    if (!options.numbers.includes(option) || value === undefined) continue;
    if (value.trim() === '') throw new InputError(`${dashed(option)} needs a value; see aem-ioevents ${command} --help`, { code: 'E_USAGE' });
    if (DECIMAL.test(value)) continue;
    args[option] = value;
    args[camelCase(option)] = value;
  }
}

// A number as people write days, bits, seconds and retries: digits, maybe a sign and a fraction.
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/u;

// Every value typed for `names` (an option and its aliases): after `--name` or `-n`, or in
// `--name=value`; none after `--`, where options end. `--name` followed by another flag (or
// nothing) counts as given empty; `-1` is a value (yargs reads it as one).
function findTypedValues(names: readonly string[], typed: readonly string[]): string[] {
  const values: string[] = [];
  for (let i = 0; i < typed.length; i++) {
    const arg = typed[i]!;
    if (arg === '--') break;
    for (const name of names) {
      const flag = dashed(name);
      if (arg === flag) values.push(typed[i + 1] === undefined || /^--?[^-\d.]/u.test(typed[i + 1]!) ? '' : typed[i + 1]!);
      else if (arg.startsWith(`${flag}=`)) values.push(arg.slice(flag.length + 1));
    }
  }
  return values;
}
