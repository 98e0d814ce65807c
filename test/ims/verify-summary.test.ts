import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { describeJwtEndOfLife } from '../../src/ims/end-of-life.ts';
import type { VerifyResult } from '../../src/ims/verify-result.ts';
import { formatVerifyReport, summarizeVerifyResult } from '../../src/ims/verify-summary.ts';

const checks = [
  { id: 'client-id', outcome: 'pass' as const, message: "The client ID '0123456789abcdef0123456789abcdef' has the form of an Adobe API key (32 hex digits)." },
  { id: 'metascopes', outcome: 'warn' as const, message: "Metascopes: 'ent_custom_sdk' is not a metascope Adobe documents; IMS refuses metascopes the credential lacks." },
];

const refused: VerifyResult = {
  ok: false,
  exitCode: 1,
  imsUrl: 'https://ims-na1.adobelogin.com',
  flow: 'auto',
  offline: false,
  checks,
  steps: [
    {
      flow: 'jwt',
      endpoint: 'https://ims-na1.adobelogin.com/ims/exchange/jwt',
      status: 400,
      debugId: 'ee1f2a3b',
      clockOffsetSeconds: 612,
      outcome: 'refused',
      imsError: 'invalid_token',
      imsErrorDescription: 'JWT token has expired',
      diagnosis: { reason: 'clock_skew', cause: "IMS found the JWT expired: this machine's clock is 612 s behind IMS's clock, and the JWT is valid for 300 s from this machine's time.", nextStep: "Synchronize this machine's clock." },
    },
    {
      flow: 'oauth',
      endpoint: 'https://ims-na1.adobelogin.com/ims/token/v3',
      status: 200,
      outcome: 'accepted',
      token: { type: 'bearer', expiresInSeconds: 86_399, expiresAt: new Date('2026-11-24T11:59:59.000Z') },
    },
  ],
  jwtEndOfLife: describeJwtEndOfLife(new Date('2026-11-23T12:00:00Z')),
  summary: '',
};

const formatVerifyReportSuite = suite('formatVerifyReport');

formatVerifyReportSuite('lists checks, each IMS call with its cause and next step, the clock, the debug id, the notice and the verdict', () => {
  const result = { ...refused, summary: summarizeVerifyResult(refused) };
  assert.fixture(
    formatVerifyReport(result),
    [
      'IMS https://ims-na1.adobelogin.com',
      '',
      'Offline checks:',
      "  pass  The client ID '0123456789abcdef0123456789abcdef' has the form of an Adobe API key (32 hex digits).",
      "  warn  Metascopes: 'ent_custom_sdk' is not a metascope Adobe documents; IMS refuses metascopes the credential lacks.",
      '',
      'JWT exchange: POST https://ims-na1.adobelogin.com/ims/exchange/jwt → 400 refused',
      '  IMS: invalid_token "JWT token has expired"',
      "  cause: IMS found the JWT expired: this machine's clock is 612 s behind IMS's clock, and the JWT is valid for 300 s from this machine's time.",
      "  next step: Synchronize this machine's clock.",
      '  clock: IMS is 612 s ahead of this machine',
      '  x-debug-id: ee1f2a3b',
      '',
      'OAuth Server-to-Server: POST https://ims-na1.adobelogin.com/ims/token/v3 → 200 accepted',
      '  token: bearer, expires in 86399 s (2026-11-24T11:59:59.000Z)',
      '',
      `Note: ${result.jwtEndOfLife?.message}`,
      `  ${result.jwtEndOfLife?.migration}`,
      '',
      "IMS refused the JWT credential: IMS found the JWT expired: this machine's clock is 612 s behind IMS's clock, and the JWT is valid for 300 s from this machine's time. It accepted the same client with OAuth Server-to-Server: migrate the AEM configuration to it.",
      '',
    ].join('\n'),
  );
});

formatVerifyReportSuite.run();

// ---

const summarizeVerifyResultSuite = suite('summarizeVerifyResult');

summarizeVerifyResultSuite('both flows refused: both causes', () => {
  const [jwt] = refused.steps;
  const oauthRefused = { flow: 'oauth' as const, endpoint: 'x', status: 400, outcome: 'refused' as const, diagnosis: { reason: 'scope_not_on_credential' as const, cause: 'IMS refused the scopes [openid].', nextStep: 'n' } };
  assert.is(
    summarizeVerifyResult({ ...refused, steps: [jwt!, oauthRefused] }),
    "IMS refused the JWT credential: IMS found the JWT expired: this machine's clock is 612 s behind IMS's clock, and the JWT is valid for 300 s from this machine's time. OAuth Server-to-Server was refused too: IMS refused the scopes [openid].",
  );
});

summarizeVerifyResultSuite('a refused JWT alone is told that Adobe ended JWT credentials', () => {
  const [jwt] = refused.steps;
  assert.is(
    summarizeVerifyResult({ ...refused, steps: [jwt!] }),
    "IMS refused the JWT credential: IMS found the JWT expired: this machine's clock is 612 s behind IMS's clock, and the JWT is valid for 300 s from this machine's time. Adobe ended JWT credentials on 2025-06-30: migrate to OAuth Server-to-Server.",
  );
});

summarizeVerifyResultSuite('failed offline checks are counted and the first is quoted', () => {
  const failing = [{ id: 'a', outcome: 'fail' as const, message: 'First.' }, { id: 'b', outcome: 'fail' as const, message: 'Second.' }];
  assert.is(summarizeVerifyResult({ ...refused, checks: failing, steps: [] }), '2 offline checks failed, so IMS was not asked: First.');
});

summarizeVerifyResultSuite.run();
