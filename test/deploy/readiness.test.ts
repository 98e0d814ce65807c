import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { RetryBudget } from '../../src/deploy/backoff.ts';
import { classifyStatus, probeReadiness, waitUntilReady } from '../../src/deploy/readiness.ts';
import { closedPort } from '../ims/loopback-proxy.ts';
import { connection, PASSWORD, recordingSleep, USER } from './connection.ts';
import { startPackmgrStandIn, type PackmgrStandIn } from './packmgr-stand-in.ts';

const classifySuite = suite('classifyStatus');

const statuses: ReadonlyArray<readonly [number, string]> = [
  [405, 'ready'],
  [200, 'ready'],
  [404, 'not-ready'],
  [503, 'not-ready'],
  [502, 'not-ready'],
  [401, 'unauthorized'],
  [403, 'unauthorized'],
  [302, 'unexpected'],
  [400, 'unexpected'],
];
for (const [status, state] of statuses) classifySuite(`${status}: ${state}`, () => assert.is(classifyStatus(status), state));

classifySuite.run();

// ---

const context: { standIn?: PackmgrStandIn } = {};
const probeSuite = suite('probeReadiness', context);

probeSuite.before.each(async (ctx) => {
  ctx.standIn = await startPackmgrStandIn({ user: USER, password: PASSWORD });
});
probeSuite.after.each(async (ctx) => ctx.standIn?.close());

const target = (ctx: typeof context) => ({ url: ctx.standIn?.url ?? '' });

probeSuite('405 from script.html: ready, with basic auth sent', async (ctx) => {
  const probe = await probeReadiness({ target: target(ctx), connection: connection(), timeoutMs: 5000 });
  assert.equal(probe, { state: 'ready', status: 405, detail: `${target(ctx).url}/crx/packmgr/service/script.html answered 405` });
  assert.is(ctx.standIn?.requests[0]?.authorization, `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`);
});

probeSuite('404 while AEM starts: not ready', async (ctx) => {
  ctx.standIn?.startingFor(1);
  assert.is((await probeReadiness({ target: target(ctx), connection: connection(), timeoutMs: 5000 })).state, 'not-ready');
});

probeSuite('a wrong password: unauthorized', async (ctx) => {
  assert.is((await probeReadiness({ target: target(ctx), connection: connection('wrong'), timeoutMs: 5000 })).state, 'unauthorized');
});

probeSuite('nothing listening: refused', async () => {
  const port = await closedPort();
  const probe = await probeReadiness({ target: { url: `http://127.0.0.1:${port}` }, connection: connection(), timeoutMs: 5000 });
  assert.is(probe.state, 'refused');
  assert.match(probe.detail, 'ECONNREFUSED');
});

probeSuite.run();

// ---

const waitSuite = suite('waitUntilReady', context);

waitSuite.before.each(async (ctx) => {
  ctx.standIn = await startPackmgrStandIn({ user: USER, password: PASSWORD });
});
waitSuite.after.each(async (ctx) => ctx.standIn?.close());

waitSuite('404 three times, then ready: three back-off waits of 1, 2 and 4 s', async (ctx) => {
  ctx.standIn?.startingFor(3);
  const { sleep, waits } = recordingSleep();
  const probe = await waitUntilReady({ target: target(ctx), connection: connection(), timeoutMs: 5000, budget: new RetryBudget(10, sleep) });
  assert.is(probe.state, 'ready');
  assert.is(probe.probes, 4);
  assert.equal(waits, [1000, 2000, 4000]);
});

waitSuite('still 404 when the retries run out: not ready after retries + 1 probes', async (ctx) => {
  ctx.standIn?.startingFor(50);
  const { sleep, waits } = recordingSleep();
  const probe = await waitUntilReady({ target: target(ctx), connection: connection(), timeoutMs: 5000, budget: new RetryBudget(2, sleep) });
  assert.is(probe.state, 'not-ready');
  assert.is(probe.probes, 3);
  assert.equal(waits, [1000, 2000]);
});

waitSuite('connections refused until AEM listens again: retried, then ready', async (ctx) => {
  await ctx.standIn?.stop();
  const { sleep, waits } = recordingSleep(async (count) => {
    if (count === 2) await ctx.standIn?.restart();
  });
  const probe = await waitUntilReady({ target: target(ctx), connection: connection(), timeoutMs: 5000, budget: new RetryBudget(5, sleep) });
  assert.is(probe.state, 'ready');
  assert.is(probe.probes, 3);
  assert.equal(waits, [1000, 2000]);
});

waitSuite('refused credentials are not retried', async (ctx) => {
  const { sleep, waits } = recordingSleep();
  const probe = await waitUntilReady({ target: target(ctx), connection: connection('wrong'), timeoutMs: 5000, budget: new RetryBudget(5, sleep) });
  assert.is(probe.state, 'unauthorized');
  assert.equal(waits, []);
});

waitSuite.run();
