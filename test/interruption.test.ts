import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { interrupt, whileInProgress } from '../src/interruption.ts';

const interruption = suite('interrupt');

interruption('undoes what is in progress and returns the notes, in the order of registration, each once', () => {
  const done: string[] = [];
  const releaseA = whileInProgress({ undo: () => done.push('a'), note: () => 'a: sent' });
  whileInProgress({ undo: () => done.push('b') });
  whileInProgress({ note: () => undefined });
  whileInProgress({ note: () => 'c: waiting' });
  assert.equal(interrupt(), ['a: sent', 'c: waiting']);
  assert.equal(done, ['a', 'b']);
  releaseA();
  assert.equal(interrupt(), []);
  assert.equal(done, ['a', 'b']);
});

interruption('a released entry is neither undone nor noted; the same entry registered twice counts twice', () => {
  const done: string[] = [];
  const entry = { undo: () => done.push('x'), note: () => 'x' };
  whileInProgress({ undo: () => done.push('released'), note: () => 'released' })();
  whileInProgress(entry);
  whileInProgress(entry);
  assert.equal(interrupt(), ['x', 'x']);
  assert.equal(done, ['x', 'x']);
});

interruption('an undo that fails is passed over: the others still run, its note still comes', () => {
  const done: string[] = [];
  whileInProgress({
    undo: () => {
      throw new Error('EBUSY');
    },
    note: () => 'first',
  });
  whileInProgress({ undo: () => done.push('second') });
  assert.equal(interrupt(), ['first']);
  assert.equal(done, ['second']);
});

interruption.run();
