// Text typed by people: the one rule every string input goes through.
//
// PostgreSQL cannot store U+0000, and a lone UTF-16 surrogate has no UTF-8 form,
// so either used to reach the database and come back as a 500. Other control
// characters (escape sequences, backspace, C1 codes) are never typed on purpose
// and make stored text print differently from how it reads. A field made here
// refuses all of them with a message that says what it found, normalizes to
// NFC (so "é" typed two ways is one name, one search, one unique key) and trims
// surrounding whitespace, as a person expects of a form.
import { z } from 'zod';

export interface TextOptions {
  /** The longest accepted, in UTF-16 code units (zod's count; never more characters than the column holds). */
  max: number;
  /** The shortest accepted, after trimming. 1 makes the field required. Default 0. */
  min?: number;
  /**
   * Line breaks allowed (an address, a description): CRLF, CR and U+2028/9
   * become LF. Default: one line, where a line break is refused like any
   * control character. A tab is refused in both: no field needs one, and a
   * pasted spreadsheet cell would store it.
   */
  multiline?: boolean;
  /**
   * Taken exactly as typed: no trimming, no NFC. For secrets (passwords,
   * tokens), where changing a character would change the credential.
   */
  verbatim?: boolean;
}

const LINE_BREAKS = /\r\n?|[\u2028\u2029]/g;
/** Unicode's control characters (Cc: C0, DEL, C1) and the line and paragraph separators. */
const ONE_LINE_FORBIDDEN = /[\p{Cc}\u2028\u2029]/u;
/** The same, less LF. */
const MULTILINE_FORBIDDEN = /(?!\n)\p{Cc}/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const codePoint = (char: string) =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** What is wrong with `value`, in plain words, or null. */
export function textProblem(value: string, multiline = false): string | null {
  const surrogate = LONE_SURROGATE.exec(value)?.[0];
  if (surrogate) return `contains a broken character (an unpaired surrogate, ${codePoint(surrogate)})`;
  const forbidden = (multiline ? MULTILINE_FORBIDDEN : ONE_LINE_FORBIDDEN).exec(value)?.[0];
  if (forbidden === undefined) return null;
  if (forbidden === '\u0000') return 'must not contain a NUL character (U+0000)';
  if (/[\n\r\u2028\u2029]/.test(forbidden)) return 'must be a single line';
  if (forbidden === '\t') return 'must not contain a tab';
  return `must not contain a control character (${codePoint(forbidden)})`;
}

/**
 * A string field of an input schema. Every string an input takes is built
 * here (a test walks every procedure's input to hold that); chain
 * `.regex()`, `.toLowerCase()`, `.pipe()` etc. for what the field adds.
 */
export function zText({ max, min = 0, multiline = false, verbatim = false }: TextOptions) {
  let schema = z.string();
  if (!verbatim) {
    if (multiline) schema = schema.overwrite((value) => value.replace(LINE_BREAKS, '\n'));
    schema = schema.normalize('NFC').trim();
  }
  schema = schema.check((ctx) => {
    const problem = textProblem(ctx.value, multiline);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  });
  if (min > 0) schema = schema.min(min, min === 1 ? 'is required' : `must be at least ${min} characters`);
  return schema.max(max, `is at most ${max} characters`);
}
