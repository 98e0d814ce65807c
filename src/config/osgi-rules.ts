/**
 * Rules for the `osgi` section: where the OSGi templates put their configurations
 * (`/apps/<app>/config[.<runMode>]`, the folders Sling's JCR installer watches; FileVault's
 * `jackrabbit-packagetype` validator, `jcrInstallerNodePathRegex`) and which credential they carry.
 *
 * | field     | accepted                                                                   |
 * | --------- | -------------------------------------------------------------------------- |
 * | `app`     | one node name below `/apps`: letters, digits, `.`, `_`, `-`; not `.`, `..`  |
 * | `runMode` | run modes joined by `.`: `author`, `publish`, `author.prod`                |
 * | `flow`    | `jwt` or `oauth`                                                           |
 */
import { getWritableJcrNameError } from '../packaging/jcr-name.ts';
import type { Rule } from './field-reader.ts';
import type { OsgiFlow } from './types.ts';

/** `osgi.app`, before the JCR name check. */
export const APP = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
/** One run mode of `osgi.runMode`. */
export const RUN_MODE = /^[A-Za-z0-9_-]+$/;

/** The flows an OSGi template can write. */
export const OSGI_FLOWS: readonly OsgiFlow[] = ['jwt', 'oauth'];

/** `osgi.app`: the folder below `/apps` that holds `config`. */
export const checkAppName: Rule = (value) => {
  const hint = 'use the name of your application folder, like aem-ioevents or mysite';
  if (value === '.' || value === '..' || !APP.test(value)) {
    return { expected: "one folder name below /apps of letters, digits, '.', '_' and '-' (no '/', no ':')", hint };
  }
  const error = getWritableJcrNameError(value);
  return error === undefined ? undefined : { expected: `a valid JCR name (${error})`, hint };
};

/** `osgi.runMode`: the part after `config.`; Sling applies the folder only on instances with all these run modes. */
export const checkRunMode: Rule = (value) => {
  const modes = value.split('.');
  if (modes[0] === 'config' || modes[0] === 'install') {
    return { expected: `the run modes alone, without the folder name ${modes[0]}`, hint: `write ${modes.slice(1).join('.') || 'author'}; build adds /apps/<app>/config.` };
  }
  return modes.every((mode) => RUN_MODE.test(mode))
    ? undefined
    : { expected: "run modes of letters, digits, '_' and '-', joined by '.'", hint: 'like author, publish or author.prod; leave it out for every instance' };
};

/** `osgi.flow`. */
export const checkFlow: Rule = (value) =>
  (OSGI_FLOWS as readonly string[]).includes(value)
    ? undefined
    : { expected: 'jwt or oauth', hint: 'jwt writes the JWT claims and key (end of life at Adobe), oauth the OAuth Server-to-Server scopes (give ims.scopes)' };
