/**
 * The certificate subject given with `--subject`, in either of the two spellings users know:
 *
 * | spelling                          | example                       | order in the certificate |
 * | --------------------------------- | ----------------------------- | ------------------------ |
 * | RFC 4514 (Java, keytool `-dname`) | `CN=eventproxy, O=Acme, C=DE` | reversed: `C`, `O`, `CN` |
 * | openssl `-subj`                   | `/C=DE/O=Acme/CN=eventproxy`  | as written               |
 *
 * A backslash escapes the next character (`O=Acme\, Inc.`). One value per RDN (no `+`). The RFC 4514
 * spelling also takes what keytool `-dname` takes and `keytool -list` prints (RFC 2253 §4, Java's
 * `X500Name`): a quoted value (`CN="Acme, Inc."`) and `;` between RDNs; a hex value (`#0C03…`),
 * which keytool decodes, is refused rather than written as text.
 * `C` is written as PrintableString, `emailAddress` as IA5String, the rest as UTF8String
 * (RFC 5280 §4.1.2.4); the length limits are RFC 5280's upper bounds.
 */
import { describeValue, InputError } from '../errors.ts';

/** Attribute types accepted in a subject. */
export type NameAttributeType = 'CN' | 'O' | 'OU' | 'L' | 'ST' | 'C' | 'emailAddress';

/** One attribute of a distinguished name. */
export interface NameAttribute {
  readonly type: NameAttributeType;
  readonly value: string;
}

/** OID, upper bound and spellings of each attribute type. */
export const NAME_ATTRIBUTES: Readonly<Record<NameAttributeType, { readonly oid: string; readonly maxLength: number; readonly aliases: readonly string[] }>> = {
  CN: { oid: '2.5.4.3', maxLength: 64, aliases: ['cn', 'commonname'] },
  O: { oid: '2.5.4.10', maxLength: 64, aliases: ['o', 'organizationname'] },
  OU: { oid: '2.5.4.11', maxLength: 64, aliases: ['ou', 'organizationalunitname'] },
  L: { oid: '2.5.4.7', maxLength: 128, aliases: ['l', 'localityname'] },
  ST: { oid: '2.5.4.8', maxLength: 128, aliases: ['st', 's', 'stateorprovincename'] },
  C: { oid: '2.5.4.6', maxLength: 2, aliases: ['c', 'countryname'] },
  emailAddress: { oid: '1.2.840.113549.1.9.1', maxLength: 255, aliases: ['emailaddress', 'email', 'e'] },
};

const TYPES = Object.keys(NAME_ATTRIBUTES) as NameAttributeType[];

/** The default subject of keygen. */
export const DEFAULT_SUBJECT = 'CN=eventproxy';

/** Parses a subject into attributes in certificate (ASN.1) order. Throws `InputError` naming `label`. */
export function parseDistinguishedName(text: string, label = 'subject'): NameAttribute[] {
  const slashForm = text.startsWith('/');
  const parts = slashForm ? splitUnescaped(text.slice(1), '/', label) : splitUnescaped(text, ',;', label, true);
  if (parts.every((part) => part.trim() === '')) throw new InputError(`${label} is empty; give one like ${DEFAULT_SUBJECT}`, { code: 'E_SUBJECT' });
  const attributes = parts.map((part) => parseAttribute(part, label, text, !slashForm));
  return slashForm ? attributes : attributes.reverse();
}

/** Formats attributes (certificate order) in RFC 4514 order with `, ` between them, as keytool prints. */
export function formatDistinguishedName(attributes: readonly NameAttribute[]): string {
  return [...attributes]
    .reverse()
    .map(({ type, value }) => `${type}=${escapeValue(value)}`)
    .join(', ');
}

/** Splits at unescaped `separators`; with `quotes`, not inside a value that starts with `"`. */
function splitUnescaped(text: string, separators: string, label: string, quotes = false): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char === '\\') {
      if (i + 1 >= text.length) throw new InputError(`${label} ends with a lone backslash: ${describeValue(text)}`, { code: 'E_SUBJECT' });
      current += text.slice(i, i + 2);
      i++;
      continue;
    }
    // A quote opens a value only right after TYPE= (RFC 2253 §4); elsewhere it is a character.
    if (quotes && char === '"' && (quoted || /^[^=]*=\s*$/u.test(current))) quoted = !quoted;
    if (!quoted && separators.includes(char)) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  if (quoted) throw new InputError(`${label} ${describeValue(text)}: a quoted value has no closing "`, { code: 'E_SUBJECT' });
  parts.push(current);
  return parts;
}

function parseAttribute(part: string, label: string, whole: string, rfc4514: boolean): NameAttribute {
  const equals = part.indexOf('=');
  if (equals < 0) throw new InputError(`${label} ${describeValue(whole)}: ${describeValue(part.trim())} is not TYPE=value (e.g. CN=eventproxy)`, { code: 'E_SUBJECT' });
  const typeText = part.slice(0, equals).trim();
  const type = TYPES.find((candidate) => NAME_ATTRIBUTES[candidate].aliases.includes(typeText.toLowerCase()));
  if (type === undefined) {
    throw new InputError(`${label}: the attribute ${describeValue(typeText)} is not supported; use ${TYPES.join(', ')}`, { code: 'E_SUBJECT' });
  }
  const raw = part.slice(equals + 1).trimStart();
  const { value, multiValued } = rfc4514 && raw.startsWith('"') ? unquoteValue(raw, `${label} ${describeValue(whole)}: after the quoted value of ${type}`) : unescapeValue(raw);
  if (rfc4514 && raw.startsWith('#')) {
    throw new InputError(`${label}: ${type}=${describeValue(value)} is a hex-encoded value, which is not supported; write the value as text (\\# for a leading #)`, { code: 'E_SUBJECT' });
  }
  if (multiValued) {
    throw new InputError(`${label}: ${type}=${describeValue(value)} has an unescaped +; multi-valued names are not supported (write \\+ for a plus sign)`, { code: 'E_SUBJECT' });
  }
  checkValue(type, value, label);
  return { type, value: type === 'C' ? value.toUpperCase() : value };
}

function checkValue(type: NameAttributeType, value: string, label: string): void {
  const fail = (why: string): never => {
    throw new InputError(`${label}: ${type}=${describeValue(value)} ${why}`, { code: 'E_SUBJECT' });
  };
  if (value === '') fail('is empty');
  if (/[\u0000-\u001f\u007f]/u.test(value)) fail('contains a control character');
  if ([...value].length > NAME_ATTRIBUTES[type].maxLength) fail(`is longer than ${NAME_ATTRIBUTES[type].maxLength} characters (RFC 5280)`);
  if (type === 'C' && !/^[A-Za-z]{2}$/u.test(value)) fail('is not a two-letter country code (ISO 3166, e.g. DE)');
  if (type === 'emailAddress' && !/^[\u0020-\u007e]+$/u.test(value)) fail('must be ASCII');
}

/** Removes the escapes and the unescaped spaces around a value; notes an unescaped `+`. */
function unescapeValue(raw: string): { value: string; multiValued: boolean } {
  const trimmed = raw.replace(/^\s+/u, '').replace(/(?<!\\)\s+$/u, '');
  let value = '';
  let multiValued = false;
  for (let i = 0; i < trimmed.length; i++) {
    const char = trimmed[i] as string;
    if (char === '\\') {
      value += trimmed[i + 1] ?? '';
      i++;
    } else {
      if (char === '+') multiValued = true;
      value += char;
    }
  }
  return { value, multiValued };
}

/** Reads `"…"` (escapes inside, nothing but spaces after); `,`, `;` and `+` are plain characters in it. */
function unquoteValue(raw: string, after: string): { value: string; multiValued: boolean } {
  let value = '';
  let i = 1;
  for (; i < raw.length && raw[i] !== '"'; i++) value += raw[i] === '\\' ? (raw[++i] ?? '') : raw[i];
  const rest = raw.slice(i + 1).trim();
  if (rest !== '') throw new InputError(`${after} comes ${describeValue(rest)}; put a , or ; between attributes`, { code: 'E_SUBJECT' });
  return { value, multiValued: false };
}

function escapeValue(value: string): string {
  return value
    .replace(/[\\,+"<>;]/gu, (char) => `\\${char}`)
    .replace(/^[ #]/u, (char) => `\\${char}`)
    .replace(/ $/u, '\\ ');
}
