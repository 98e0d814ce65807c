import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { HttpAnswer } from '../../src/http/send-request.ts';
import { readCutCrxLog } from '../../src/deploy/service-jsp.ts';
import { isCutJsonAnswer } from '../../src/deploy/service-json.ts';
import { MAY_STILL_RUN } from '../../src/deploy/unknown-outcome.ts';
import { judgeServiceJsonAnswer, judgeServiceJspAnswer } from '../../src/deploy/verdict.ts';

const SECRET = 'pa55-word';
const HEAD = '<crx version="1.4.1" user="admin" workspace="crx.default"><response><data>';

function answer(status: number, text: string, contentType = 'text/xml'): HttpAnswer {
  return { url: 'http://aem', status, headers: new Headers({ 'content-type': contentType }), text };
}

const cutSuite = suite('readCutCrxLog');

const cuts: ReadonlyArray<readonly [string, string, string | undefined]> = [
  ['a CDATA log cut before its verdict', `${HEAD}<log><![CDATA[Importing content...\nA /a\nU /b\n`, 'Importing content...\nA /a\nU /b\n'],
  ['an escaped log cut', `${HEAD}<log>E /a (x &lt;y&gt;)\n`, 'E /a (x <y>)\n'],
  ['cut inside a tag, after a whole log', `${HEAD}<log><![CDATA[A /a\n]]></log></data><stat`, 'A /a\n'],
  ['cut before any log', `${HEAD}<pack`, ''],
  ['a whole envelope', `${HEAD}<log>A /a</log></data><status code="200">ok</status></response></crx>`, undefined],
  ['ill-formed before its end', `${HEAD}<log></data>A /a`, undefined],
  ['another root', '<html><body>', undefined],
  ['JSON', '{"success":tr', undefined],
];
for (const [title, text, expected] of cuts) {
  cutSuite(title, () => assert.is(readCutCrxLog(text), expected));
}

cutSuite.run();

const jsonCutSuite = suite('isCutJsonAnswer');

const jsonCuts: ReadonlyArray<readonly [string, string, boolean]> = [
  ['cut after a name', '{"success":true,"msg"', true],
  ['cut in a string', '{"success":true,"msg":"Package ins', true],
  ['cut before the }', '{"success":true,"msg":"Package installed"\n', true],
  ['whole', '{"success":true,"msg":"Package installed"}', false],
  ['wrong before its end', '{"success":tru,"msg":"x"}', false],
  ['no object', '<html>', false],
];
for (const [title, text, expected] of jsonCuts) {
  jsonCutSuite(title, () => assert.is(isCutJsonAnswer(text), expected));
}

jsonCutSuite.run();

const verdictSuite = suite('judging an install whose verdict never came');

verdictSuite('a cut service.jsp answer: connection-lost with the counts so far, the secret blanked in the last line', () => {
  const verdict = judgeServiceJspAnswer(answer(200, `${HEAD}<log><![CDATA[A /a\nU /b (${SECRET})\n`), [SECRET]);
  assert.equal(verdict, {
    outcome: 'connection-lost',
    httpStatus: 200,
    counts: { added: 1, updated: 1, deleted: 0, replaced: 0, unchanged: 0, missing: 0, errors: 0 },
    errorLines: [],
    message: `the answer to the install broke off before Package Manager's verdict (HTTP 200; the log stops at "U /b (***)"); ${MAY_STILL_RUN}`,
  });
});

verdictSuite('a cut answer before any log says so', () => {
  assert.is(judgeServiceJspAnswer(answer(200, HEAD), []).message, `the answer to the install broke off before Package Manager's verdict (HTTP 200; no install log yet); ${MAY_STILL_RUN}`);
});

verdictSuite('a 502 as plain text in place of the verdict: connection-lost; 504 timed-out', () => {
  assert.equal(judgeServiceJspAnswer(answer(502, 'Bad Gateway', 'text/plain'), []), { outcome: 'connection-lost', httpStatus: 502, counts: null, errorLines: [], message: `a proxy in front of AEM answered HTTP 502 instead of Package Manager's verdict; ${MAY_STILL_RUN}` });
  assert.is(judgeServiceJsonAnswer(answer(504, '', 'text/plain'), 'install', []).outcome, 'timed-out');
});

verdictSuite('the upload of the JSON API installs nothing: a cut, empty or 504 answer to it stays unexpected', () => {
  for (const given of [answer(200, '{"success":true,"msg":"Pack', 'application/json'), answer(200, '', 'application/json'), answer(504, '<html><title>504</title></html>', 'text/html')]) {
    const verdict = judgeServiceJsonAnswer(given, 'upload', []);
    assert.is('outcome' in verdict && verdict.outcome, 'unexpected-answer');
  }
});

verdictSuite.run();
