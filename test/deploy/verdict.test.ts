import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { HttpAnswer } from '../../src/http/send-request.ts';
import { judgeServiceJsonAnswer, judgeServiceJspAnswer, OUTCOME_EXIT_CODES } from '../../src/deploy/verdict.ts';

const SECRET = 'pa55-word';
const SECRETS = [SECRET, Buffer.from(`admin:${SECRET}`).toString('base64')];

function answer(status: number, text: string, contentType = 'text/xml', headers: Record<string, string> = {}): HttpAnswer {
  return { url: 'http://aem', status, headers: new Headers({ 'content-type': contentType, ...headers }), text };
}

function crx(code: string, text: string, log?: string): string {
  const data = log === undefined ? '' : `<data><log><![CDATA[${log}]]></log></data>`;
  return `<crx version="1.4.1" user="admin" workspace="crx.default"><response>${data}<status code="${code}">${text}</status></response></crx>`;
}

const CLEAN_LOG = 'Importing content...\nA /etc/a\nU /etc/b\nPackage imported.\nPackage installed in 12ms.\n';

const jspSuite = suite('judgeServiceJspAnswer');

jspSuite('200 with status 200 and a clean log: installed, with the counts and AEM\'s time', () => {
  const verdict = judgeServiceJspAnswer(answer(200, crx('200', 'ok', CLEAN_LOG)), SECRETS);
  assert.equal(verdict, {
    outcome: 'installed',
    message: 'installed',
    httpStatus: 200,
    statusCode: '200',
    counts: { added: 1, updated: 1, deleted: 0, replaced: 0, unchanged: 0, missing: 0, errors: 0 },
    errorLines: [],
    installedInMs: 12,
  });
});

jspSuite('HTTP 200 with <status code="500">: refused, with the exception', () => {
  const verdict = judgeServiceJspAnswer(answer(200, crx('500', "java.io.IOException: Zip File is not a content package. Missing 'jcr_root'.")), SECRETS);
  assert.is(verdict.outcome, 'refused');
  assert.is(verdict.message, "Package Manager answered status 500 (HTTP 200): java.io.IOException: Zip File is not a content package. Missing 'jcr_root'.");
});

jspSuite('HTTP 200, status 200, E lines and "with errors": installed-with-errors with the error lines', () => {
  const log = 'A /etc/a\nE /etc/b (javax.jcr.RepositoryException: nope)\nPackage imported (with errors, check logs!)\nFirst error was javax.jcr.RepositoryException: nope\n';
  const verdict = judgeServiceJspAnswer(answer(200, crx('200', 'ok', log)), SECRETS);
  assert.is(verdict.outcome, 'installed-with-errors');
  assert.is(verdict.message, 'installed with errors: 1 E line, "Package imported (with errors, check logs!)"');
  assert.equal(verdict.errorLines, ['E /etc/b (javax.jcr.RepositoryException: nope)', 'First error was javax.jcr.RepositoryException: nope']);
});

jspSuite('an E line without "with errors" is still an error', () => {
  const verdict = judgeServiceJspAnswer(answer(200, crx('200', 'ok', 'E /a\nE /b\nPackage imported.\n')), SECRETS);
  assert.is(verdict.outcome, 'installed-with-errors');
  assert.is(verdict.message, 'installed with errors: 2 E lines');
});

jspSuite('status 200 but no "Package imported.": not taken as installed', () => {
  const verdict = judgeServiceJspAnswer(answer(200, crx('200', 'ok', 'Installing content\n')), SECRETS);
  assert.is(verdict.outcome, 'unexpected-answer');
  assert.is(verdict.message, 'Package Manager answered ok, but its log does not say the package was imported ("Package imported." is missing)');
});

jspSuite('a good envelope with HTTP 500 is refused: both statuses must say yes', () => {
  assert.is(judgeServiceJspAnswer(answer(500, crx('200', 'ok', CLEAN_LOG)), SECRETS).outcome, 'refused');
});

const early: ReadonlyArray<readonly [string, HttpAnswer, string, string]> = [
  ['401', answer(401, '', 'text/html'), 'unauthorized', 'Package Manager refused the credentials (HTTP 401); check AEM_USER and AEM_PASSWORD, and that the user may install packages'],
  ['403', answer(403, 'Forbidden', 'text/plain'), 'unauthorized', 'Package Manager refused the credentials (HTTP 403); check AEM_USER and AEM_PASSWORD, and that the user may install packages'],
  ['404 while starting', answer(404, '<html/>', 'text/html'), 'not-ready', 'Package Manager is not there (HTTP 404): AEM is still starting, or the URL is not an AEM instance'],
  ['an HTML page with HTTP 200', answer(200, '<html><head><title>Content modified /crx/packmgr/service.jsp/file</title></head></html>', 'text/html'), 'unexpected-answer', "an HTML page ('Content modified /crx/packmgr/service.jsp/file') came back (HTTP 200) where the <crx> XML answer was expected; Sling's POST servlet took the request instead of Package Manager and stored it as content at /crx/packmgr/service.jsp/file: delete that node (CRXDE), and check that Package Manager is active; nothing was installed"],
  ['a redirect to a login page', answer(302, '', 'text/html', { location: `https://login.example/?u=admin&p=${SECRET}` }), 'unexpected-answer', 'Package Manager redirected (HTTP 302 to https://login.example/?u=admin&p=***); give the URL AEM answers on directly'],
  ['text that is no XML', answer(200, `oops ${SECRET}`, 'text/plain'), 'unexpected-answer', 'the answer is not Package Manager\'s <crx> XML (it starts "oops ***")'],
];
for (const [title, given, outcome, message] of early) {
  jspSuite(`${title}: ${outcome}`, () => {
    const verdict = judgeServiceJspAnswer(given, SECRETS);
    assert.is(verdict.outcome, outcome);
    assert.is(verdict.message, message);
    assert.is(verdict.counts, null);
  });
}

jspSuite('a password echoed in the status text or the log is blanked out', () => {
  const verdict = judgeServiceJspAnswer(answer(200, crx('200', 'ok', `E /a (bad password ${SECRET})\nPackage imported (with errors, check logs!)\n`)), SECRETS);
  assert.equal(verdict.errorLines, ['E /a (bad password ***)']);
  const refused = judgeServiceJspAnswer(answer(200, crx('500', `auth ${SECRETS[1]} failed`)), SECRETS);
  assert.is(refused.message, 'Package Manager answered status 500 (HTTP 200): auth *** failed');
});

jspSuite('an HTML page quoting the Authorization header where its title is cut: nothing of the header shows', () => {
  const page = `<html><head><title>Error ${'x'.repeat(85)} Authorization: Basic ${SECRETS[1]}</title></head></html>`;
  const verdict = judgeServiceJspAnswer(answer(500, page, 'text/html'), SECRETS);
  assert.is(verdict.message, `an HTML page ('Error ${'x'.repeat(85)} Authorization: Basic ***') came back (HTTP 500) where the <crx> XML answer was expected; AEM failed while it handled the install, which may have begun: look at Package Manager before you deploy again`);
});

jspSuite.run();

// ---

const jsonSuite = suite('judgeServiceJsonAnswer');

jsonSuite('a good upload gives the path; a good install is installed without counts', () => {
  assert.equal(judgeServiceJsonAnswer(answer(200, '{"success":true,"msg":"Package uploaded","path":"/etc/packages/g/p-1.zip"}', 'application/json'), 'upload', SECRETS), { path: '/etc/packages/g/p-1.zip' });
  assert.equal(judgeServiceJsonAnswer(answer(200, '{"success":true,"msg":"Package installed"}', 'application/json'), 'install', SECRETS), { httpStatus: 200, counts: null, errorLines: [], outcome: 'installed', message: 'installed' });
});

jsonSuite('success:false is refused, with the message', () => {
  const verdict = judgeServiceJsonAnswer(answer(200, `{"success":false,"msg":"Zip File is not a content package. Missing 'jcr_root'."}`, 'application/json'), 'upload', SECRETS);
  assert.equal(verdict, { httpStatus: 200, counts: null, errorLines: [], outcome: 'refused', message: "Package Manager answered success:false to cmd=upload (HTTP 200): Zip File is not a content package. Missing 'jcr_root'." });
});

jsonSuite('a message that says "with errors" is installed-with-errors', () => {
  assert.is(judgeServiceJsonAnswer(answer(200, '{"success":true,"msg":"Package imported (with errors, check logs!)"}', 'application/json'), 'install', SECRETS).outcome, 'installed-with-errors');
});

jsonSuite('an HTML page in place of the upload (which installs nothing) says nothing was installed', () => {
  const verdict = judgeServiceJsonAnswer(answer(500, '<html><title>Error</title></html>', 'text/html'), 'upload', SECRETS);
  assert.is('message' in verdict ? verdict.message : '', "an HTML page ('Error') came back (HTTP 500) where the JSON answer to cmd=upload was expected; nothing says the package was installed");
});

jsonSuite('an HTML page (ruby_aem sees 500 HTML answers) is not a success', () => {
  const verdict = judgeServiceJsonAnswer(answer(500, '<html><title>Error</title></html>', 'text/html'), 'install', SECRETS);
  assert.is(verdict.outcome, 'unexpected-answer');
  assert.is(verdict.message, "an HTML page ('Error') came back (HTTP 500) where the JSON answer to cmd=install was expected; AEM failed while it handled the install, which may have begun: look at Package Manager before you deploy again");
});

jsonSuite('JSON without success is unexpected', () => {
  assert.is(judgeServiceJsonAnswer(answer(200, '{"msg":"hm"}', 'application/json'), 'install', SECRETS).outcome, 'unexpected-answer');
});

jsonSuite.run();

// ---

const exitCodesSuite = suite('OUTCOME_EXIT_CODES');

exitCodesSuite('installed 0; refusals and errors 1; not reached, not ready, timeouts 3', () => {
  assert.equal(OUTCOME_EXIT_CODES, { installed: 0, 'installed-with-errors': 1, refused: 1, unauthorized: 1, 'unexpected-answer': 1, 'not-ready': 3, unreachable: 3, 'timed-out': 3, 'connection-lost': 3, 'answer-too-large': 3 });
});

exitCodesSuite.run();
