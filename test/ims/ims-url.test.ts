import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError } from '../../src/errors.ts';
import { normalizeImsUrl } from '../../src/ims/ims-url.ts';

const normalizeImsUrlSuite = suite('normalizeImsUrl');

const valid: ReadonlyArray<readonly [string, string]> = [
  ['https://ims-na1.adobelogin.com', 'https://ims-na1.adobelogin.com'],
  ['https://ims-na1.adobelogin.com/', 'https://ims-na1.adobelogin.com'],
  ['  https://IMS-NA1-STG1.adobelogin.com//  ', 'https://ims-na1-stg1.adobelogin.com'],
  ['https://ims-na1.adobelogin.com:443', 'https://ims-na1.adobelogin.com'],
  ['http://127.0.0.1:8080/ims-prefix/', 'http://127.0.0.1:8080/ims-prefix'],
];
for (const [input, expected] of valid) {
  normalizeImsUrlSuite(`${JSON.stringify(input)} → ${expected}`, () => {
    assert.is(normalizeImsUrl(input), expected);
  });
}

const invalid: ReadonlyArray<readonly [unknown, string]> = [
  ['', "Expected `imsUrl` to be the IMS base URL such as https://ims-na1.adobelogin.com, got ''"],
  [42, 'Expected `imsUrl` to be the IMS base URL such as https://ims-na1.adobelogin.com, got 42 (number)'],
  ['ims-na1.adobelogin.com', "Expected `imsUrl` to be a URL such as https://ims-na1.adobelogin.com, got 'ims-na1.adobelogin.com'"],
  ['ftp://ims-na1.adobelogin.com', "Expected `imsUrl` to be an http:// or https:// URL, got 'ftp://ims-na1.adobelogin.com'"],
  ['https://user:pw@ims.example', "Expected `imsUrl` to be a bare base URL (no user, password, query or fragment), got one for host 'ims.example'"],
  ['https://ims.example/?env=stage', "Expected `imsUrl` to be a bare base URL (no user, password, query or fragment), got one for host 'ims.example'"],
];
for (const [input, message] of invalid) {
  normalizeImsUrlSuite(`${JSON.stringify(input)} is bad input`, () => {
    try {
      normalizeImsUrl(input);
      assert.unreachable('should have thrown');
    } catch (error) {
      assert.instance(error, InputError);
      assert.is((error as Error).message, message);
      assert.not.ok((error as Error).message.includes('pw@'));
    }
  });
}

normalizeImsUrlSuite('the name in the message is the caller’s (e.g. the flag)', () => {
  assert.throws(() => normalizeImsUrl('nope', '--ims-url'), /Expected `--ims-url` to be a URL/);
});

normalizeImsUrlSuite.run();
