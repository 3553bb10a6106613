import { describe, expect, it } from 'vitest';
import {
  COPY_CYCLES_PER_BYTE,
  DEFAULT_INPUTS,
  PRESETS,
  run,
  type ServingInputs,
  type ServingResult,
  type SendMode,
  type TlsMode,
} from '../../../src/lib/models/serving';

/**
 * The serving model's two lists, as the figure shows them: the path of a byte through memory (one step per bus
 * crossing) and the CPU cost by component; and the notes it adds when a target does not fit, or a choice of
 * the form cannot be had.
 */

const at = (over: Partial<ServingInputs>): ServingResult => run({ ...DEFAULT_INPUTS, ...over });

const PATHS = (['readwrite', 'sendfile'] as SendMode[]).flatMap((sendMode) =>
  (['none', 'userspace', 'ktls-software', 'ktls-nic'] as TlsMode[]).map((tlsMode) => ({ sendMode, tlsMode })),
);

describe('serving model: the path of a byte through memory', () => {
  it.each(PATHS)('$sendMode + $tlsMode: written into memory, then read out, by turns', ({ sendMode, tlsMode }) => {
    const kinds = at({ sendMode, tlsMode }).memorySteps.map((s) => s.kind);
    // The disk's DMA writes the byte first and the NIC's DMA reads it last; every copy in between reads it
    // from where it was written and writes it somewhere new.
    expect(kinds[0]).toBe('write');
    expect(kinds.at(-1)).toBe('read');
    kinds.forEach((k, i) => expect(k).toBe(i % 2 === 0 ? 'write' : 'read'));
  });

  it.each(PATHS)('$sendMode + $tlsMode: every step has a label of its own', ({ sendMode, tlsMode }) => {
    const labels = at({ sendMode, tlsMode }).memorySteps.map((s) => s.label);
    for (const label of labels) expect(typeof label === 'string' && label.trim() !== '').toBe(true);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('labels a step the same wherever it is taken, and each different step differently', () => {
    const byLabel = new Map<string, string>();
    const all = PATHS.flatMap((p) => at(p).memorySteps);
    for (const step of all) {
      expect(byLabel.get(step.label) ?? step.kind).toBe(step.kind);
      byLabel.set(step.label, step.kind);
    }
    // Disk DMA, read() in and out, the TLS library, write() in and out, kTLS in and out, NIC DMA.
    expect(byLabel.size).toBe(10);
  });
});

describe('serving model: the CPU cost by component', () => {
  it.each(PATHS)('$sendMode + $tlsMode: six components, each named and labelled', ({ sendMode, tlsMode }) => {
    const parts = at({ sendMode, tlsMode }).cpuBreakdown;
    expect(parts).toHaveLength(6);
    for (const part of [...parts.map((p) => p.component), ...parts.map((p) => p.label)])
      expect(part.trim()).not.toBe('');
    expect(new Set(parts.map((p) => p.component)).size).toBe(6);
    expect(new Set(parts.map((p) => p.label)).size).toBe(6);
  });

  it('gives the same component the same label on every path', () => {
    const labels = new Map<string, Set<string>>();
    for (const p of PATHS)
      for (const part of at(p).cpuBreakdown)
        labels.set(part.component, (labels.get(part.component) ?? new Set()).add(part.label));
    for (const set of labels.values()) expect(set.size).toBe(1);
  });

  it('charges read()/write() two copies of every byte, one out to userspace and one back in', () => {
    const copies = (sendMode: SendMode) =>
      at({ sendMode, tlsMode: 'none' }).cpuBreakdown.find((p) => p.component === 'copies')!.cyclesPerByte;
    expect(copies('readwrite')).toBeCloseTo(2 * COPY_CYCLES_PER_BYTE, 12);
    expect(copies('sendfile')).toBe(0);
  });
});

describe('serving model: notes', () => {
  it('has nothing to note for a target that fits, sent the way it was asked', () => {
    expect(run(PRESETS.fosdem2019).notes).toEqual([]);
    expect(run(PRESETS.epyc2021Nic).notes).toEqual([]);
  });

  it('says why sendfile() is not used with TLS in userspace', () => {
    const { notes } = at({ sendMode: 'sendfile', tlsMode: 'userspace' });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/userspace/);
    expect(notes[0]).toMatch(/sendfile\(\)/);
  });

  it('names the limit a target exceeds, and where it lies', () => {
    const cpu = at({ cores: 1, clockGHz: 1, targetGbps: 100 });
    expect(cpu.limitAtMax).toBe('cpu');
    expect(cpu.notes).toEqual([`The target exceeds the CPU limit of about ${Math.round(cpu.maxGbps)} Gb/s.`]);
    const memory = run(PRESETS.epyc2021Software);
    expect(memory.limitAtMax).toBe('memory');
    expect(memory.notes).toEqual([
      `The target exceeds the memory-bandwidth limit of about ${Math.round(memory.maxGbps)} Gb/s.`,
    ]);
  });

  it('lets a target use all of the memory bandwidth, not a bit more', () => {
    // 10 GB/s nominal is 8.5 GB/s usable, two crossings a byte: 34 Gb/s uses exactly all of it.
    const memoryBound = { memBandwidthGBps: 10, sendMode: 'sendfile', tlsMode: 'none' } as const;
    const full = at({ ...memoryBound, targetGbps: 34 });
    expect(full.memoryUtilisation).toBe(1);
    expect(full.feasible).toBe(true);
    expect(full.notes).toEqual([]);
    expect(at({ ...memoryBound, targetGbps: 35 }).feasible).toBe(false);
  });

  it('lets a target use all of the CPU, not a bit more', () => {
    const cpuBound = { cores: 1, clockGHz: 1, sendMode: 'sendfile', tlsMode: 'none' } as const;
    const limit = at(cpuBound).cpuCapGbps;
    const full = at({ ...cpuBound, targetGbps: limit });
    expect(full.cpuUtilisation).toBe(1);
    expect(full.feasible).toBe(true);
    expect(at({ ...cpuBound, targetGbps: limit + 1 }).feasible).toBe(false);
  });
});
