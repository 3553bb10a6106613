import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { CardText } from '../../../src/lib/social-card';

// The worker module run in this thread, with a stand-in for the port to the pool (src/lib/card-pool.ts):
// what it sends back for each card it is sent.
const port = vi.hoisted(() => ({
  sent: [] as { message: Record<string, unknown>; transfer?: unknown[] | undefined }[],
}));
vi.mock('node:worker_threads', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const parentPort = Object.assign(new Emitter(), {
    postMessage: (message: Record<string, unknown>, transfer?: unknown[]) => port.sent.push({ message, transfer }),
  });
  return { parentPort };
});

const { parentPort } = (await import('node:worker_threads')) as unknown as { parentPort: EventEmitter };
await import('../../../src/lib/card-worker');

/** Sends the worker a card and waits for its answer. */
async function ask(id: number, text: CardText, reuse = false) {
  const before = port.sent.length;
  parentPort.emit('message', { id, text, reuse });
  await vi.waitFor(() => expect(port.sent.length).toBeGreaterThan(before), { timeout: 20_000, interval: 10 });
  return port.sent[before]!;
}

describe('a card worker', () => {
  it('draws the card it is sent and sends back the PNG under the card’s id, handing over its bytes', async () => {
    const { message, transfer } = await ask(4, {
      title: 'Kernel TLS',
      kicker: 'Kernel features',
      siteName: 'Open Connect & FreeBSD',
      tagline: 'After the FOSDEM 2019 talk',
    });
    expect(message['id']).toBe(4);
    const png = message['png'] as Uint8Array;
    expect(Buffer.from(png).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // Transferred, not copied: the pool receives the very buffer.
    expect(transfer).toEqual([png.buffer]);
  });

  it('sends back the error with its stack, under the card’s id, when a card cannot be drawn', async () => {
    const { message } = await ask(9, { kicker: 'Kernel features', siteName: 'Guide', tagline: '' } as CardText);
    expect(message['id']).toBe(9);
    expect(message['png']).toBeUndefined();
    const error = String(message['error']);
    expect(error).toMatch(/^TypeError: /);
    // The stack says where: the build's log shows it.
    expect(error).toMatch(/\n\s+at .*social-card/);
  });

  it('asked to reuse, sends back the card kept in the card cache under its key, and draws one that is not kept', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guide-worker-cache-'));
    const before = process.env['GUIDE_CARD_CACHE'];
    process.env['GUIDE_CARD_CACHE'] = dir;
    try {
      const { cardKey } = await import('../../../src/lib/social-card');
      const kept: CardText = { title: 'Kept card', kicker: 'K', siteName: 'Guide', tagline: '' };
      fs.writeFileSync(path.join(dir, `${cardKey(kept)}.png`), 'kept bytes');
      const reused = await ask(11, kept, true);
      expect(reused.message).toMatchObject({ id: 11, reused: true });
      expect(Buffer.from(reused.message['png'] as Uint8Array).toString()).toBe('kept bytes');
      const drawn = await ask(12, { ...kept, title: 'Not kept' }, true);
      expect(drawn.message['reused']).toBeUndefined();
      expect(
        Buffer.from(drawn.message['png'] as Uint8Array)
          .subarray(0, 4)
          .toString('hex'),
      ).toBe('89504e47');
      // Not asked to reuse: drawn even though it is kept.
      expect(Buffer.from((await ask(13, kept)).message['png'] as Uint8Array).toString()).not.toBe('kept bytes');
    } finally {
      if (before === undefined) delete process.env['GUIDE_CARD_CACHE'];
      else process.env['GUIDE_CARD_CACHE'] = before;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
