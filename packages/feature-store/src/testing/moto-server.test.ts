import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { GetDatabasesCommand } from '@aws-sdk/client-glue';
import { CreateBucketCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { type MotoServer, startMotoServer } from './moto-server.js';

/** Command lines of live (not zombie) processes mentioning `needle`. */
async function processesMentioning(needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    if (cmdline.includes(needle) && !/State:\s+Z/.test(status)) found.push(cmdline.replaceAll('\0', ' '));
  }
  return found;
}

const moto = await startMotoServer();

describe.skipIf(moto === undefined)('startMotoServer', () => {
  it('serves S3 and Glue, resets state, and stops without leaving a process behind', async () => {
    const server = moto as MotoServer;
    const port = new URL(server.endpoint).port;
    expect(server.endpoint).toBe(`http://127.0.0.1:${port}`);
    expect((await processesMentioning(`-p\0${port}`)).length).toBeGreaterThan(0);

    const s3 = server.s3Client();
    await s3.send(new CreateBucketCommand({ Bucket: 'before-reset' }));
    expect((await s3.send(new ListBucketsCommand({}))).Buckets?.map((b) => b.Name)).toEqual(['before-reset']);
    expect((await server.glueClient().send(new GetDatabasesCommand({}))).DatabaseList).toEqual([]);
    await server.reset();
    expect((await s3.send(new ListBucketsCommand({}))).Buckets ?? []).toEqual([]);

    await server.stop();
    await server.stop();
    expect(await processesMentioning(`-p\0${port}`)).toEqual([]);
    await expect(fetch(`${server.endpoint}/moto-api/`)).rejects.toThrow();
  });

  it('takes moto down with it when the owning process is killed without stop()', async () => {
    const script = [
      `const { startMotoServer } = await import(${JSON.stringify(new URL('./moto-server.ts', import.meta.url).href)});`,
      'const server = await startMotoServer();',
      'console.log(new URL(server.endpoint).port);',
      "process.kill(process.pid, 'SIGKILL');",
    ].join('\n');
    const child = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        timeout: 60_000,
      },
    ).catch((error: { stdout: string }) => error);
    const port = child.stdout.trim();
    expect(port).toMatch(/^\d+$/);
    // The guard shell notices its closed stdin and stops moto; give it a moment to do so.
    let left = await processesMentioning(`-p\0${port}`);
    for (let i = 0; i < 100 && left.length > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      left = await processesMentioning(`-p\0${port}`);
    }
    expect(left).toEqual([]);
  });
});

describe('startMotoServer without moto_server on PATH', () => {
  it('returns undefined locally and throws on CI', async () => {
    const saved = { PATH: process.env.PATH, CI: process.env.CI };
    const restore = (name: 'PATH' | 'CI') => {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    };
    try {
      process.env.PATH = '/nonexistent-fti-path';
      delete process.env.CI;
      expect(await startMotoServer()).toBeUndefined();
      process.env.CI = 'true';
      await expect(startMotoServer()).rejects.toThrow('moto_server not found on PATH; CI must have it');
    } finally {
      restore('PATH');
      restore('CI');
    }
  });
});
