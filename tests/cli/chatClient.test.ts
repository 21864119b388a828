import { expect } from 'chai';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { useTestApp } from '../helpers/testApp';

const ROOT = path.resolve(__dirname, '../..');
const WAIT_MS = 15_000;
const ANSI = /\x1b\[[0-9;]*m/g;

/**
 * `npm run chat` as a traveller uses it: a child process whose output is read as it comes, and whose input
 * is typed one line at a time once the expected output has appeared (waits on output, never on the clock).
 */
class TerminalTraveller {
  private readonly child: ChildProcessWithoutNullStreams;
  private output = '';
  /** Where the output of the current exchange starts: the last line typed. */
  private since = 0;
  private readonly listeners = new Set<() => void>();
  readonly exited: Promise<number | null>;

  constructor(url: string) {
    this.child = spawn(process.execPath, [require.resolve('tsx/cli'), path.join(ROOT, 'src/cli/chat.ts'), '--url', url], {
      cwd: ROOT,
      env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
    });
    const take = (chunk: Buffer) => {
      this.output += chunk.toString('utf8').replace(ANSI, '');
      for (const listener of [...this.listeners]) listener();
    };
    this.child.stdout.on('data', take);
    this.child.stderr.on('data', take);
    this.exited = new Promise((resolve) => this.child.on('close', resolve));
  }

  /** The output of the current exchange, once it matches. */
  async see(pattern: RegExp): Promise<string> {
    const current = () => this.output.slice(this.since);
    if (pattern.test(current())) return current();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!pattern.test(current())) return;
        this.listeners.delete(check);
        clearTimeout(timer);
        resolve(current());
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`the terminal never showed ${String(pattern)}; it showed:\n${current()}`));
      }, WAIT_MS);
      this.listeners.add(check);
    });
  }

  /** Types a line, as the traveller would. */
  type(line: string): void {
    this.since = this.output.length;
    this.child.stdin.write(`${line}\n`);
  }

  /** Presses the newest button whose title matches, by typing its number. */
  async press(title: RegExp): Promise<void> {
    const text = await this.see(new RegExp(`\\[\\d+\\] ${title.source}`));
    const numbers = [...text.matchAll(/\[(\d+)\] (.*)/g)].filter((m) => title.test(m[2]!));
    this.type(numbers.at(-1)![1]!);
  }

  /** Everything shown so far. */
  get shown(): string {
    return this.output;
  }

  kill(): void {
    this.child.kill();
  }
}

describe('npm run chat (src/cli/chat.ts)', function () {
  this.timeout(60_000);
  const app = useTestApp();
  let traveller: TerminalTraveller | undefined;

  afterEach(() => traveller?.kill());

  it('should show the welcome, answer a question and walk "Cannot log in" to its resolution with numbered buttons', async () => {
    traveller = new TerminalTraveller(app.get().url);
    await traveller.see(/Wanderly assistant/);
    traveller.type('how lnog does a refund take?');
    await traveller.see(/Wanderly issues the refund.*within.*3 working days/);
    traveller.type("I can't log in to my account");
    await traveller.see(/Which e-mail address are you trying to sign in with/);
    traveller.type('anna.schmidt@gmail.com');
    await traveller.press(/Continue with Google/);
    await traveller.press(/Yes, that.s right/);
    await traveller.press(/Have the booking working/);
    // The facts were confirmed in one line: step 1 (checking them) is not asked again.
    await traveller.see(/Step 2 of 5/);
    await traveller.press(/Yes, that worked/);
    await traveller.see(/glad that.s sorted/);
    const reference = /RB-[0-9A-Z]{6}/.exec(traveller.shown)?.[0];
    expect(reference, 'the case reference shown in the terminal').to.be.a('string');
    expect(await app.get().app.stores.cases.getByReference(reference!)).to.include({ status: 'resolved' });
    traveller.type('/quit');
    expect(await traveller.exited).to.equal(0);
  });

  it('should say how to start the bot when nothing answers at the address', async () => {
    traveller = new TerminalTraveller('http://127.0.0.1:9');
    await traveller.see(/Cannot reach the bot at http:\/\/127\.0\.0\.1:9 .*npm start/);
    expect(await traveller.exited).to.equal(1);
  });
});
