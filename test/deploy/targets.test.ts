import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError } from '../../src/errors.ts';
import { normalizeTargets, normalizeTargetUrl } from '../../src/deploy/targets.ts';

function refusal(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    assert.instance(error, InputError);
    return error as InputError;
  }
  return assert.unreachable('should throw') as never;
}

const normalizeTargetUrlSuite = suite('normalizeTargetUrl');

const good: ReadonlyArray<readonly [string, string]> = [
  ['http://localhost:4502', 'http://localhost:4502'],
  ['http://localhost:4502/', 'http://localhost:4502'],
  ['  https://author.example.com  ', 'https://author.example.com'],
  ['http://host:4502/author/', 'http://host:4502/author'],
  ['HTTP://Host:4502', 'http://host:4502'],
];
for (const [input, url] of good) {
  normalizeTargetUrlSuite(`${JSON.stringify(input)} becomes ${url}`, () => {
    assert.equal(normalizeTargetUrl(input), { url });
  });
}

normalizeTargetUrlSuite('a URL with a user and password is refused without repeating them, naming AEM_USER and AEM_PASSWORD', () => {
  const error = refusal(() => normalizeTargetUrl('http://admin:s3cret@localhost:4502'));
  assert.is(error.code, 'E_DEPLOY_CREDENTIALS_IN_URL');
  assert.is(error.message, "--target for host 'localhost:4502' has a user or password in it; give the URL without them and set AEM_USER and AEM_PASSWORD (credentials in URLs end up in logs and process lists)");
  assert.not.ok(error.message.includes('s3cret'));
  assert.not.ok(error.message.includes('admin'));
});

normalizeTargetUrlSuite('a URL with only a user is refused too, and the message names AEM_URL when it came from there', () => {
  const error = refusal(() => normalizeTargetUrl('http://ci@localhost:4502', 'AEM_URL'));
  assert.match(error.message, /^AEM_URL for host 'localhost:4502' has a user or password in it/);
});

const bad: ReadonlyArray<readonly [string, string]> = [
  ['localhost:4502', "Expected --target to be an AEM URL with its scheme, got 'localhost:4502': write http://localhost:4502 (or https:// where AEM serves TLS)"],
  ['127.0.0.1:4502', "Expected --target to be an AEM URL with its scheme, got '127.0.0.1:4502': write http://127.0.0.1:4502 (or https:// where AEM serves TLS)"],
  ['author.example.com/', "Expected --target to be an AEM URL with its scheme, got 'author.example.com/': write http://author.example.com/ (or https:// where AEM serves TLS)"],
  ['ftp://host', "Expected --target to be an http:// or https:// URL, got 'ftp://host/'"],
  ['not a url', "Expected --target to be an AEM URL such as http://localhost:4502, got 'not a url'"],
  ['http://host:4502/?x=1', "Expected --target to be the instance's base URL without query or fragment, got 'http://host:4502/?x=1'"],
  ['http://host:4502/crx/packmgr/service.jsp', "Expected --target to be the instance's base URL (such as http://host:4502), got the Package Manager URL 'http://host:4502/crx/packmgr/service.jsp'"],
];
for (const [input, message] of bad) {
  normalizeTargetUrlSuite(`${JSON.stringify(input)} is refused`, () => {
    assert.is(refusal(() => normalizeTargetUrl(input)).message, message);
  });
}

normalizeTargetUrlSuite('a value that does not parse and holds an @ is not shown', () => {
  assert.is(refusal(() => normalizeTargetUrl('http://admin:s3cret@')).message, 'Expected --target to be an AEM URL such as http://localhost:4502, got a value that does not parse');
});

normalizeTargetUrlSuite.run();

// ---

const normalizeTargetsSuite = suite('normalizeTargets');

normalizeTargetsSuite('targets in the order given', () => {
  assert.equal(normalizeTargets({ targets: ['http://a:4502', 'http://b:4503/'], env: {} }), [{ url: 'http://a:4502' }, { url: 'http://b:4503' }]);
});

normalizeTargetsSuite('AEM_URL when no --target is given; --target wins over it', () => {
  assert.equal(normalizeTargets({ targets: [], env: { AEM_URL: 'http://env:4502' } }), [{ url: 'http://env:4502' }]);
  assert.equal(normalizeTargets({ targets: ['http://flag:4502'], env: { AEM_URL: 'http://env:4502' } }), [{ url: 'http://flag:4502' }]);
});

normalizeTargetsSuite('AEM_URL with credentials is refused like a flag', () => {
  assert.is(refusal(() => normalizeTargets({ targets: [], env: { AEM_URL: 'http://admin:admin@env:4502' } })).code, 'E_DEPLOY_CREDENTIALS_IN_URL');
});

normalizeTargetsSuite('no target at all says how to name one', () => {
  assert.is(refusal(() => normalizeTargets({ targets: [], env: { AEM_URL: ' ' } })).message, 'Name the AEM instance: --target URL (such as http://localhost:4502), or set AEM_URL');
});

normalizeTargetsSuite('the same instance twice is refused', () => {
  assert.is(refusal(() => normalizeTargets({ targets: ['http://a:4502', 'http://a:4502/'], env: {} })).message, '--target http://a:4502 is given twice; each instance gets the package once');
});

normalizeTargetsSuite.run();
