/**
 * Asks for a secret on the terminal without echo (the keystore password of keygen). The
 * question goes to standard error, so standard output stays the command's report or JSON.
 * Raw mode reads key by key: Enter ends the answer, Backspace deletes, Ctrl-U clears,
 * Ctrl-C cancels (exit 2, nothing written), Ctrl-D on an empty answer cancels too.
 */
import { StringDecoder } from 'node:string_decoder';
import { InputError } from './errors.ts';
import { whileInProgress } from './interruption.ts';

/** The terminal streams; tests give their own. */
export interface PromptStreams {
  readonly input: NodeJS.ReadStream;
  readonly output: { write(chunk: string): unknown };
}

/** Reads one line from the terminal without showing it. */
export function promptSecret(question: string, streams: PromptStreams = { input: process.stdin, output: process.stderr }): Promise<string> {
  const { input, output } = streams;
  return new Promise((resolve, reject) => {
    const decoder = new StringDecoder('utf8');
    const wasRaw = input.isRaw;
    let answer = '';
    // Ended by a signal at the prompt (SIGTERM; Ctrl-C is a key here): the terminal echoes again.
    const release = whileInProgress({ undo: () => input.setRawMode(wasRaw) });
    const finish = (error?: InputError): void => {
      release();
      input.removeListener('data', onData);
      input.setRawMode(wasRaw);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(answer);
    };
    const onData = (chunk: Buffer): void => {
      const text = decoder.write(chunk);
      if (text.startsWith('\u001b')) return; // arrow and function keys: escape sequences, not input
      for (const char of text) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003' || (char === '\u0004' && answer === '')) {
          return finish(new InputError('cancelled at the password prompt; nothing was written', { code: 'E_CANCELLED' }));
        }
        if (char === '\u007f' || char === '\b') answer = [...answer].slice(0, -1).join('');
        else if (char === '\u0015') answer = '';
        else if (char >= ' ') answer += char;
      }
    };
    // Raw mode first: keys typed (or pasted) as soon as the question shows must not be echoed.
    input.setRawMode(true);
    output.write(question);
    input.on('data', onData);
    input.resume();
  });
}
