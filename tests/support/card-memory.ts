/**
 * Run as its own process by tests/unit/reader/card-worker-memory.test.ts: draws `argv[2]` cards on one card
 * thread, all sent at once as a build sends them, and prints how far the process's resident memory rose above
 * where it stood once the thread had drawn its first card (in MB, sampled every 20 ms).
 */
import { CardPool } from '../../src/lib/card-pool.ts';

const count = Number(process.argv[2] ?? 100);
const text = (i: number) => ({
  title: `A chapter of the guide, number ${i}`,
  kicker: 'Kernel features',
  siteName: 'Open Connect & FreeBSD',
  tagline: 'How Netflix delivers video with FreeBSD',
});

// The first card loads the fonts, satori and resvg: the baseline is taken after it.
const warm = new CardPool(1);
await warm.draw(text(0));
warm.close();
const pool = new CardPool(1);
const baseline = process.memoryUsage.rss();
let peak = baseline;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
await Promise.all(Array.from({ length: count }, (_, i) => pool.draw(text(i + 1))));
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage.rss());
process.stdout.write(`${Math.round((peak - baseline) / 2 ** 20)}\n`);
