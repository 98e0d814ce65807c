import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { describeJwtEndOfLife, type JwtLifecycle } from '../../src/ims/end-of-life.ts';

const describeJwtEndOfLifeSuite = suite('describeJwtEndOfLife');

const days: ReadonlyArray<readonly [string, JwtLifecycle]> = [
  ['2025-06-30T23:59:59Z', 'deprecated'],
  ['2025-07-01T00:00:00Z', 'past_end_of_life'],
  ['2026-02-28T23:59:59Z', 'past_end_of_life'],
  ['2026-03-01T00:00:00Z', 'converted'],
  ['2027-01-01T00:00:00Z', 'converted'],
];
for (const [day, status] of days) {
  describeJwtEndOfLifeSuite(`on ${day} JWT credentials are ${status}`, () => {
    const notice = describeJwtEndOfLife(new Date(day));
    assert.is(notice.status, status);
    assert.is(notice.endOfLife, '2025-06-30');
    assert.is(notice.conversionDate, '2026-03-01');
    assert.match(notice.message, /2025-06-30/);
    assert.match(notice.migration, /^Migrate to OAuth Server-to-Server/);
    assert.match(notice.migration, /--flow oauth/);
  });
}

describeJwtEndOfLifeSuite('after the conversion date the message says JWT exchanges no longer work', () => {
  assert.is(
    describeJwtEndOfLife(new Date('2026-11-23T12:00:00Z')).message,
    'Adobe ended JWT credentials on 2025-06-30 and converted every remaining Developer Console JWT credential to OAuth Server-to-Server by 2026-03-01: their JWT exchanges no longer work.',
  );
});

describeJwtEndOfLifeSuite.run();
