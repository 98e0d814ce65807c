import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError } from '../../src/errors.ts';
import { generateKeyPairSync } from 'node:crypto';
import { createKeyMaterial } from '../../src/crypto/key-material.ts';
import { checkKeystorePassword, hasKeystorePasswordVariable, readKeystorePassword } from '../../src/crypto/keystore-password.ts';

async function failure(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (error) {
    assert.instance(error, InputError);
    assert.is((error as InputError).code, 'E_KEYSTORE_PASSWORD');
    return (error as InputError).message;
  }
  assert.unreachable('should have thrown');
  throw new Error('unreachable');
}

/** A prompt that answers from a list and records the questions. */
function prompter(answers: string[]): { promptSecret: (question: string) => Promise<string>; questions: string[] } {
  const questions: string[] = [];
  return { questions, promptSecret: async (question) => (questions.push(question), answers.shift() ?? '') };
}

const checkSuite = suite('checkKeystorePassword');

checkSuite('accepts printable ASCII, spaces and punctuation included', () => {
  checkKeystorePassword('admin', 'p');
  checkKeystorePassword(' ~!@#$%^&*()_+{}|:"<>?`-=[]\\;\',./ ', 'p');
});

// [password, message]
const refused: readonly [string, string][] = [
  ['', 'IOEVENTS_KEYSTORE_PASSWORD is empty; AEM needs a non-empty keystore password'],
  ['secret\n', 'IOEVENTS_KEYSTORE_PASSWORD contains a control character (such as a line break); remove it'],
  ['tab\there', 'IOEVENTS_KEYSTORE_PASSWORD contains a control character (such as a line break); remove it'],
  ['pässwort', "IOEVENTS_KEYSTORE_PASSWORD contains a character outside printable ASCII; Java's PKCS#12 keystore (AEM) cannot open it with such a password: use letters, digits and ASCII punctuation"],
];

for (const [password, message] of refused) {
  checkSuite(`refuses ${JSON.stringify(password)} without repeating it`, async () => {
    assert.is(await failure(() => checkKeystorePassword(password, 'IOEVENTS_KEYSTORE_PASSWORD')), message);
  });
}

// JavaScript callers and parsed files hand over what they have: 12345678 from a YAML file, an unset
// variable. Without the check, createKeyMaterial failed with Node's RangeError from deep in PBKDF.
const notStrings: readonly [unknown, string][] = [
  [12345678, 'IOEVENTS_KEYSTORE_PASSWORD must be a string, got a number; AEM needs a non-empty keystore password'],
  [undefined, 'IOEVENTS_KEYSTORE_PASSWORD must be a string, got undefined; AEM needs a non-empty keystore password'],
  [null, 'IOEVENTS_KEYSTORE_PASSWORD must be a string, got null; AEM needs a non-empty keystore password'],
  [Buffer.from('changeit'), 'IOEVENTS_KEYSTORE_PASSWORD must be a string, got an object; AEM needs a non-empty keystore password'],
];

for (const [password, message] of notStrings) {
  checkSuite(`refuses ${String(password)} (${typeof password}) without repeating it`, async () => {
    assert.is(await failure(() => checkKeystorePassword(password as string, 'IOEVENTS_KEYSTORE_PASSWORD')), message);
  });
}

checkSuite('createKeyMaterial refuses a number for a password with the same InputError', async () => {
  const message = await failure(() => createKeyMaterial({ password: 12345678 as unknown as string, privateKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey }));
  assert.is(message, 'the keystore password must be a string, got a number; AEM needs a non-empty keystore password');
});

checkSuite.run();

// ---

const readSuite = suite('readKeystorePassword');

readSuite('takes IOEVENTS_KEYSTORE_PASSWORD and asks nothing', async () => {
  const prompt = prompter([]);
  assert.is(await readKeystorePassword({ env: { IOEVENTS_KEYSTORE_PASSWORD: 'from-env' }, promptSecret: prompt.promptSecret }), 'from-env');
  assert.equal(prompt.questions, []);
  assert.is(hasKeystorePasswordVariable({ env: { IOEVENTS_KEYSTORE_PASSWORD: '' } }), true);
  assert.is(hasKeystorePasswordVariable({ env: {} }), false);
});

readSuite('checks the variable like a typed password', async () => {
  assert.is(await failure(() => readKeystorePassword({ env: { IOEVENTS_KEYSTORE_PASSWORD: '' } })), 'IOEVENTS_KEYSTORE_PASSWORD is empty; AEM needs a non-empty keystore password');
});

readSuite('on a terminal, asks twice and returns the password when both agree', async () => {
  const prompt = prompter(['typed', 'typed']);
  assert.is(await readKeystorePassword({ env: {}, promptSecret: prompt.promptSecret }), 'typed');
  assert.equal(prompt.questions, ['Keystore password (for keystore.p12 and its key): ', 'Repeat the keystore password: ']);
});

readSuite('on a terminal, refuses two different answers and an empty one', async () => {
  assert.is(await failure(() => readKeystorePassword({ env: {}, promptSecret: prompter(['one', 'two']).promptSecret })), 'the two keystore passwords differ; nothing was written');
  const empty = prompter(['']);
  assert.is(await failure(() => readKeystorePassword({ env: {}, promptSecret: empty.promptSecret })), 'the keystore password is empty; AEM needs a non-empty keystore password');
  assert.is(empty.questions.length, 1);
});

readSuite('without the variable and without a terminal, says how to give the password', async () => {
  assert.is(await failure(() => readKeystorePassword({ env: {} })), 'the keystore needs a password: set IOEVENTS_KEYSTORE_PASSWORD, or run keygen on a terminal to be asked for it');
});

readSuite.run();
