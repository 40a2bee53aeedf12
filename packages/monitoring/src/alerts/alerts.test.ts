import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalObjectStore } from '@fti/feature-store';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startHttpRecorder } from '../testing/start-http-recorder.js';
import type { Alert } from './alert.js';
import { readAlertState } from './alert-cooldown.js';
import { buildSlackPayload } from './build-slack-payload.js';
import { dispatchAlert } from './dispatch-alert.js';
import { sendWebhook } from './send-webhook.js';

const alert: Alert = {
  incident: 'retail:warning',
  severity: 'warning',
  title: 'retail: dataset drift',
  findings: ['dataset drift: 2/3 columns', 'volume: 1.69× the reference'],
};

let dir: string;
let store: LocalObjectStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fti-alerts-'));
  store = new LocalObjectStore({ root: dir });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('buildSlackPayload', () => {
  test('text fallback plus header, findings and context blocks', () => {
    const payload = buildSlackPayload({ ...alert, reportUrl: 'reports/r.html' });
    expect(payload.text).toBe(':warning: [WARNING] retail: dataset drift');
    expect(payload.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: '[WARNING] retail: dataset drift' } },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: '• dataset drift: 2/3 columns\n• volume: 1.69× the reference' },
      },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: 'severity: *warning* · incident: `retail:warning` · report: reports/r.html',
          },
        ],
      },
    ]);
  });
});

describe('sendWebhook', () => {
  test('a webhook failing twice then answering: three attempts, backoff 100 then 200 ms', async () => {
    const server = await startHttpRecorder((n) => (n < 2 ? 503 : 200));
    const waits: number[] = [];
    try {
      const result = await sendWebhook({
        url: `${server.url}/hook`,
        body: { text: 'x' },
        retry: { attempts: 5, initialDelayMs: 100 },
        sleep: async (ms) => {
          waits.push(ms);
        },
      });
      expect(result).toMatchObject({ ok: true, attempts: 3, status: 200 });
      expect(waits).toEqual([100, 200]);
      expect(server.requests.map((r) => [r.method, r.url, r.contentType])).toEqual(
        Array(3).fill(['POST', '/hook', 'application/json']),
      );
      expect(JSON.parse(server.requests[2]!.body)).toEqual({ text: 'x' });
    } finally {
      await server.close();
    }
  });

  test('a 400 is not retried; a closed port fails after every attempt without throwing', async () => {
    const server = await startHttpRecorder(() => 400);
    const url = server.url;
    try {
      expect(await sendWebhook({ url, body: {}, sleep: async () => {} })).toMatchObject({
        ok: false,
        attempts: 1,
        status: 400,
      });
    } finally {
      await server.close();
    }
    const waits: number[] = [];
    const down = await sendWebhook({
      url,
      body: {},
      retry: { attempts: 4, initialDelayMs: 10, maxDelayMs: 25 },
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(down).toMatchObject({ ok: false, attempts: 4, status: null });
    expect(down.detail).toMatch(/fetch failed/);
    expect(waits).toEqual([10, 20, 25]);
  });
});

describe('dispatchAlert', () => {
  test('one incident is one alert within the cooldown; an escalation and the end of the cooldown send again', async () => {
    const server = await startHttpRecorder();
    let now = Date.UTC(2011, 10, 1);
    const send = (a: Alert) =>
      dispatchAlert({ alert: a, url: `${server.url}/hook`, store, now: () => now, cooldownMs: 3_600_000 });
    try {
      expect((await send(alert)).status).toBe('sent');
      now += 30 * 60_000;
      const again = await send(alert);
      expect(again.status).toBe('suppressed');
      expect(again.detail).toContain('already alerted at 2011-11-01T00:00:00.000Z');
      expect((await send({ ...alert, severity: 'critical' })).status).toBe('sent');
      now += 2 * 3_600_000;
      expect((await send(alert)).status).toBe('sent');
      expect(server.requests).toHaveLength(3);
      const state = await readAlertState(store);
      expect(state.incidents['retail:warning']).toEqual({
        lastSentAt: '2011-11-01T02:30:00.000Z',
        severity: 'warning',
      });
    } finally {
      await server.close();
    }
  });

  test('a webhook that is down: failed delivery with the attempts, no state written, next run retries', async () => {
    const server = await startHttpRecorder(() => 500);
    try {
      const delivery = await dispatchAlert({
        alert,
        url: `${server.url}/secret-token`,
        store,
        now: () => 0,
        retry: { attempts: 3, initialDelayMs: 1 },
        sleep: async () => {},
      });
      expect(delivery.status).toBe('failed');
      expect(delivery.attempts).toBe(3);
      expect(delivery.detail).toMatch(/^gave up after 3 attempts: HTTP 500/);
      expect(delivery.target).not.toContain('secret-token');
      expect(server.requests).toHaveLength(3);
      expect(await readAlertState(store)).toEqual({ incidents: {} });
    } finally {
      await server.close();
    }
  });
});
