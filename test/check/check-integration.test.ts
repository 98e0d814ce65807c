import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkIntegration } from '../../src/check/check-integration.ts';
import { parseHealthJson, judgeTag } from '../../src/check/health-json.ts';
import { parseStatusJson } from '../../src/check/status-json.ts';
import { BASIC, PASSWORD, USER } from '../deploy/connection.ts';
import { startPackmgrStandIn } from '../deploy/packmgr-stand-in.ts';
import { fakeClock } from '../helpers/fake-clock.ts';

const ENV = { AEM_USER: USER, AEM_PASSWORD: PASSWORD };

const library = suite('checkIntegration');

library('a target that never answers: each request ends at its deadline, the check is timed-out, exit 3', async () => {
  const aem = await startPackmgrStandIn({ user: USER, password: PASSWORD });
  try {
    aem.checks.hang = true;
    const clock = fakeClock();
    const result = await checkIntegration({ targets: [aem.url], env: ENV, now: clock.now, sleep: clock.sleep, waitSeconds: 0, requestTimeoutMs: 200 });
    assert.is(result.exitCode, 3);
    assert.equal(result.targets[0]!.checks.map((c) => [c.name, c.status, c.messages]), ['conf-events', 'ims-events', 'csm-events'].map((name) => [name, 'timed-out', [{ status: 'error', message: `${aem.url}/system/health.json?tags=conf-events,ims-events,csm-events&forceInstantExecution=true: no answer within 0.2 s` }]]));
  } finally {
    await aem.close();
  }
});

library('a health message quoting the Authorization header where it is cut at 500 characters: nothing of the header shows', async () => {
  const aem = await startPackmgrStandIn({ user: USER, password: PASSWORD });
  try {
    aem.checks.installConnector();
    const header = `Basic ${BASIC}`;
    // The header starts at character 490: a cut before redaction would leave its first 10 characters.
    aem.checks.health.set('ims-events', { status: 'CRITICAL', message: `${'x'.repeat(477)} auth was ${header}` });
    const clock = fakeClock();
    const result = await checkIntegration({ targets: [aem.url], env: ENV, now: clock.now, sleep: clock.sleep, waitSeconds: 0, requestTimeoutMs: 2000 });
    const messages = result.targets[0]!.checks.find((c) => c.name === 'ims-events')!.messages;
    assert.equal(messages, [{ status: 'CRITICAL', message: `${'x'.repeat(477)} auth was Basic ***` }]);
  } finally {
    await aem.close();
  }
});

library('the stand-in answers the path form /system/health/<tags>.json like the query form', async () => {
  const aem = await startPackmgrStandIn({ user: USER, password: PASSWORD });
  try {
    aem.checks.installConnector();
    const byPath = await (await fetch(`${aem.url}/system/health/ims-events,csm-events.json`)).text();
    const byQuery = await (await fetch(`${aem.url}/system/health.json?tags=ims-events,csm-events`)).text();
    assert.is(byPath, byQuery);
    assert.equal(JSON.parse(byPath).results.map((r: { tags: string[] }) => r.tags), [['ims-events'], ['csm-events']]);
  } finally {
    await aem.close();
  }
});

const parse = suite('health and status answers');

// As ResultJsonSerializer writes them (compact javax.json; exception = the whole stack trace).
const SLING = JSON.stringify({
  overallResult: 'CRITICAL',
  results: [
    { name: 'A', status: 'OK', timeInMs: 3, finishedAt: 'Sat Dec 05 13:04:36 UTC 2026', tags: ['conf-events'], messages: [{ status: 'INFO', message: 'loaded' }] },
    { name: 'B', status: 'CRITICAL', timeInMs: 9, finishedAt: 'Sat Dec 05 13:04:36 UTC 2026', tags: ['ims-events', 'eventproxy'], messages: [{ status: 'CRITICAL', message: 'failed', exception: 'java.io.IOException: boom\n\tat x.y(Z.java:1)\n' }] },
    { name: 'C', status: 'WARN', timeInMs: 1, finishedAt: 'Sat Dec 05 13:04:36 UTC 2026', tags: ['ims-events'], messages: [] },
  ],
});

const TAGS: readonly [string, ReturnType<typeof judgeTag>][] = [
  // INFO only: the check passed.
  ['conf-events', { status: 'OK', checks: ['A'], messages: [{ status: 'INFO', message: 'loaded' }] }],
  // Two checks carry the tag: the most severe status, each message named by its check.
  ['ims-events', { status: 'CRITICAL', checks: ['B', 'C'], messages: [{ status: 'CRITICAL', message: 'B: failed (java.io.IOException: boom)' }] }],
  ['csm-events', { status: undefined, checks: [], messages: [] }],
];
parse('a tag: the most severe status of the checks that carry it, their messages, the first line of an exception', () => {
  const results = parseHealthJson(SLING)!;
  for (const [tag, expected] of TAGS) assert.equal(judgeTag(results, tag), expected, tag);
});

parse('answers in no known shape are undefined', () => {
  for (const text of ['<html>', '{}', '{"overallResult":"FINE","results":[]}', '{"overallResult":"OK","results":[{"name":"x"}]}', '[]']) assert.is(parseHealthJson(text), undefined, text);
  for (const text of ['<html>', '{}', '{"status":"UP"}', 'null']) assert.is(parseStatusJson(text), undefined, text);
  assert.equal(parseHealthJson('{"overallResult":"DEBUG","results":[]}'), []);
});

parse("the add-on's status: up or down, the error's first line, the version; details never read", () => {
  assert.equal(parseStatusJson('{"status":"up","details":{"workspace":{"secret":"x"}},"error":null,"version":"1.0.8"}'), { status: 'up', version: '1.0.8', messages: [] });
  assert.equal(parseStatusJson('{"status":"down","details":null,"error":"IllegalArgumentException: bad\\nmore","version":"1.0.8"}'), { status: 'down', version: '1.0.8', messages: [{ status: 'error', message: 'IllegalArgumentException: bad' }] });
});

library.run();
parse.run();
