// Material in, answers out, headless: the built CLI against the local test server, checking the
// request bodies the server received.
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eachHomeAndServer } from '../helpers/home.js';
import { runCli } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/llmServer.js';

const KEY = 'sk-test-master';
const SONNET = 'claude-3-5-sonnet';
// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const f = eachHomeAndServer({ extraHeaders: { 'x-litellm-call-id': 'call-7f3a', 'x-litellm-response-cost': '0.00042' } });
const envFor = (url: string) => `ANTHROPIC_BASE_URL=${url}\nANTHROPIC_API_KEY=${KEY}\n`;
const run = (args: string[], opts: { input?: string; cwd?: string } = {}) => runCli(args, { home: f.home.dir, ...opts });
const chats = (s: TestServer) => s.requests.filter((r) => r.method === 'POST');
const lastBody = (s: TestServer) => chats(s).at(-1)!.body;

/** A folder (inside the test's home) holding the given files. */
function workdir(files: Record<string, string | Buffer>): string {
  const dir = join(f.home.dir, 'work');
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

async function withAnthropicGateway<T>(fn: (s: TestServer) => Promise<T>): Promise<T> {
  const s = await startServer({ flavor: 'anthropic' });
  try {
    f.home.writeEnv(envFor(s.url));
    return await fn(s);
  } finally {
    await s.close();
  }
}

describe('-p with piped input', () => {
  it('a prompt and piped text: the text is attached to the prompt as a fenced document with its size', async () => {
    f.home.writeEnv(envFor(f.server.url));
    const notes = 'line one\n```js\nconsole.log(1)\n```\nlast line\n';
    const r = await run(['-p', 'summarize this', '--model', SONNET], { input: notes });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Hello from the proxy\n');
    const content: string = lastBody(f.server).messages[0].content;
    expect(content).toBe(`summarize this\n\nPiped input (stdin, ${Buffer.byteLength(notes)} B)\n\`\`\`\`\n${notes}\`\`\`\``);
  });

  it('stdin alone is the prompt, as written', async () => {
    f.home.writeEnv(envFor(f.server.url));
    const r = await run(['-p', '--model', SONNET], { input: 'just this' });
    expect(r.code).toBe(0);
    expect(lastBody(f.server).messages).toEqual([{ role: 'user', content: 'just this' }]);
  });
});

describe('--system, --system-file, --role', () => {
  it('OpenAI format (LiteLLM): a system message first', async () => {
    f.home.writeEnv(envFor(f.server.url));
    const r = await run(['-p', 'hi', '--model', SONNET, '--system', 'Answer in French.']);
    expect(r.code).toBe(0);
    expect(lastBody(f.server).messages).toEqual([
      { role: 'system', content: 'Answer in French.' },
      { role: 'user', content: 'hi' },
    ]);
  });

  it('Anthropic format (a gateway): the system field', async () => {
    await withAnthropicGateway(async (s) => {
      const r = await run(['-p', 'hi', '--model', SONNET, '--system', 'Answer in French.']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const body = lastBody(s);
      expect(body.system).toBe('Answer in French.');
      expect(body.messages).toEqual([{ role: 'user', content: 'hi' }]);
    });
  });

  it('--system-file reads the prompt from a file (relative to the current folder)', async () => {
    f.home.writeEnv(envFor(f.server.url));
    const cwd = workdir({ 'sys.md': 'You are terse.\n' });
    const r = await run(['-p', 'hi', '--model', SONNET, '--system-file', 'sys.md'], { cwd });
    expect(r.code).toBe(0);
    expect(lastBody(f.server).messages[0]).toEqual({ role: 'system', content: 'You are terse.' });
  });

  it('--role NAME: the role file body is the system prompt and its front matter names the model', async () => {
    f.server.setReply('claude-3-5-haiku-20241022', 'LGTM');
    f.home.writeEnv(envFor(f.server.url));
    mkdirSync(join(f.home.dir, 'roles'));
    writeFileSync(join(f.home.dir, 'roles', 'reviewer.md'), '---\nmodel: claude-3-5-haiku-20241022\ndescription: code review\n---\nYou review code. Be specific.\n');
    const r = await run(['-p', 'look at this', '--role', 'reviewer']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('LGTM\n');
    const body = lastBody(f.server);
    expect(body.model).toBe('claude-3-5-haiku-20241022');
    expect(body.messages[0]).toEqual({ role: 'system', content: 'You review code. Be specific.' });
    // --model still wins over the role's model.
    await run(['-p', 'again', '--role', 'reviewer', '--model', SONNET]);
    expect(lastBody(f.server).model).toBe(SONNET);
  });

  it('an unknown role: a usage error naming the roles there are; nothing is sent', async () => {
    f.home.writeEnv(envFor(f.server.url));
    mkdirSync(join(f.home.dir, 'roles'));
    writeFileSync(join(f.home.dir, 'roles', 'writer.md'), 'You write.');
    const r = await run(['-p', 'hi', '--role', 'reviewr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no role "reviewr"');
    expect(r.stderr).toContain('writer');
    expect(f.server.requests).toEqual([]);
  });

  it('--role with --system is a usage error', async () => {
    const r = await run(['-p', 'hi', '--role', 'x', '--system', 'y']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--role');
  });
});

describe('--output-format', () => {
  it('json: one object with the reply, model, usage, cost and call id', async () => {
    // An OpenAI-backed alias: LiteLLM 1.39.5 sends a usage chunk for it (not for anthropic/* ones).
    f.server.options.models!.push({ name: 'gpt-team', underlying: 'openai/gpt-4o-mini', reply: 'Hello from the proxy' });
    f.home.writeEnv(envFor(f.server.url));
    const r = await run(['-p', 'hi', '--model', 'gpt-team', '--output-format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout)).toEqual({
      type: 'result',
      is_error: false,
      result: 'Hello from the proxy',
      model: 'gpt-team',
      usage: { input_tokens: 10, output_tokens: 20 },
      total_cost_usd: 0.00042,
      call_id: 'call-7f3a',
      stop_reason: 'end',
    });
  });

  it('stream-json: one event per line as they arrive, then the result; the texts make the reply', async () => {
    f.home.writeEnv(envFor(f.server.url));
    const r = await run(['-p', 'hi', '--model', SONNET, '--output-format=stream-json']);
    expect(r.code).toBe(0);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(events[0]).toEqual({ type: 'start', model: SONNET, call_id: 'call-7f3a' });
    const texts = events.filter((e) => e.type === 'text');
    expect(texts.length).toBeGreaterThan(1); // streamed in pieces (3 characters each from the server)
    expect(texts.map((e) => e.text).join('')).toBe('Hello from the proxy');
    expect(events.map((e) => e.type).slice(-3)).toEqual(['usage', 'done', 'result']);
    expect(events.at(-1)).toMatchObject({ type: 'result', result: 'Hello from the proxy', is_error: false });
  });

  it('json on a refused key: exit code unchanged (3), the object says what failed', async () => {
    f.home.writeEnv(`ANTHROPIC_BASE_URL=${f.server.url}\nANTHROPIC_API_KEY=sk-wrong-9f3e\n`);
    const r = await run(['-p', 'hi', '--model', SONNET, '--output-format', 'json']);
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ type: 'result', is_error: true, result: '', error: { kind: 'auth', status: 401 } });
    expect(r.stdout).not.toContain('sk-wrong-9f3e');
  });

  it('json keeps control characters of the reply escaped, and exact', async () => {
    const hostile = 'a\u001b]0;pwned\u0007b\u009bc\u202ed';
    f.server.setReply(SONNET, hostile);
    f.home.writeEnv(envFor(f.server.url));
    const r = await run(['-p', 'hi', '--model', SONNET, '--output-format', 'json']);
    expect(r.stdout).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
    expect(JSON.parse(r.stdout).result).toBe(hostile);
  });

  it('is a usage error without -p, or with another value', async () => {
    expect((await run(['--output-format', 'json'])).code).toBe(2);
    const r = await run(['-p', 'hi', '--output-format', 'yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('text, json or stream-json');
  });
});

describe('-p "@path"', () => {
  it('a text file is attached, named and fenced, its control characters removed', async () => {
    f.home.writeEnv(envFor(f.server.url));
    const cwd = workdir({ 'src/app.py': 'print("hi")\x1b[2J\n' });
    const r = await run(['-p', 'explain @src/app.py please', '--model', SONNET], { cwd });
    expect(r.code).toBe(0);
    expect(lastBody(f.server).messages[0].content).toBe('explain @src/app.py please\n\nFile: src/app.py (16 B)\n```\nprint("hi")\n```');
  });

  it('a folder attaches its listing', async () => {
    f.home.writeEnv(envFor(f.server.url));
    const cwd = workdir({ 'pkg/b.ts': 'x', 'pkg/a.ts': 'y', 'pkg/lib/c.ts': 'z' });
    await run(['-p', 'what is in @pkg?', '--model', SONNET], { cwd });
    expect(lastBody(f.server).messages[0].content).toBe('what is in @pkg?\n\nFolder: pkg (3 entries)\n```\na.ts\nb.ts\nlib/\n```');
  });

  it('a binary file is refused with a message, and nothing is sent', async () => {
    f.home.writeEnv(envFor(f.server.url));
    const cwd = workdir({ 'data.bin': Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 7, 8]) });
    const r = await run(['-p', 'read @data.bin', '--model', SONNET], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('data.bin was not attached: it is a binary file');
    expect(r.stderr).toContain('Nothing was sent.');
    expect(chats(f.server)).toEqual([]);
  });

  it('a word that names no file stays as it is', async () => {
    f.home.writeEnv(envFor(f.server.url));
    const r = await run(['-p', 'ask @someone about it', '--model', SONNET], { cwd: workdir({}) });
    expect(r.code).toBe(0);
    expect(lastBody(f.server).messages[0].content).toBe('ask @someone about it');
  });
});

describe('-p "@image.png"', () => {
  it('to a proxy model marked supports_vision: an image_url part (OpenAI format)', async () => {
    f.server.options.models!.push({ name: 'vision-model', reply: 'a red dot', modelInfo: { supports_vision: true } });
    f.home.writeEnv(envFor(f.server.url));
    const cwd = workdir({ 'shot.png': PNG });
    const r = await run(['-p', 'what is @shot.png', '--model', 'vision-model'], { cwd });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('a red dot\n');
    expect(lastBody(f.server).messages[0]).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: `what is @shot.png\n\nImage: shot.png (${PNG.length} B, attached)` },
        { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG.toString('base64')}` } },
      ],
    });
  });

  it('to a proxy model /model/info does not mark supports_vision: refused before anything is sent (exit 5)', async () => {
    f.home.writeEnv(envFor(f.server.url));
    const cwd = workdir({ 'shot.png': PNG });
    const r = await run(['-p', 'what is @shot.png', '--model', SONNET], { cwd });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain(`${SONNET} does not take images`);
    expect(r.stderr).toContain('supports_vision');
    expect(chats(f.server)).toEqual([]);
  });

  it('to a Claude model through an Anthropic gateway: an image block (Anthropic format)', async () => {
    await withAnthropicGateway(async (s) => {
      const cwd = workdir({ 'pics/shot.png': PNG });
      const r = await run(['-p', 'describe @pics/shot.png', '--model', SONNET], { cwd });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(lastBody(s).messages[0]).toEqual({
        role: 'user',
        content: [
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG.toString('base64') } },
          { type: 'text', text: `describe @pics/shot.png\n\nImage: pics/shot.png (${PNG.length} B, attached)` },
        ],
      });
    });
  });
});
