import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INPUTS,
  PRESETS,
  RANGES,
  run,
  sanitize,
  type ServingInputs,
  type ServingResult,
  type SendMode,
  type TlsMode,
} from '../../../src/lib/models/serving';

const at = (over: Partial<ServingInputs>): ServingResult => run({ ...DEFAULT_INPUTS, ...over });

/** Every number anywhere in the result must be finite. */
function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (value !== null && typeof value === 'object') return Object.values(value).every(allFinite);
  return true;
}

const SEND_MODES: SendMode[] = ['readwrite', 'sendfile'];
const TLS_MODES: TlsMode[] = ['none', 'userspace', 'ktls-software', 'ktls-nic'];

describe('serving model: calibration', () => {
  it('FOSDEM 2019: 90 Gb/s, sendfile + software kTLS, 16 cores at 2.6 GHz ≈ 55% CPU', () => {
    const r = run(PRESETS.fosdem2019);
    expect(r.cpuUtilisation).toBeGreaterThanOrEqual(0.5);
    expect(r.cpuUtilisation).toBeLessThanOrEqual(0.6);
    expect(r.feasible).toBe(true);
    expect(r.bindingLimit).toBe('none');
  });

  it('defaults are the FOSDEM 2019 point', () => {
    expect(DEFAULT_INPUTS).toMatchObject({
      targetGbps: 90,
      cores: 16,
      clockGHz: 2.6,
      sendMode: 'sendfile',
      tlsMode: 'ktls-software',
    });
  });

  it('EuroBSDCon 2021, software kTLS: memory bandwidth caps the server at 200–300 Gb/s', () => {
    const r = run(PRESETS.epyc2021Software);
    expect(r.maxGbps).toBeGreaterThanOrEqual(200);
    expect(r.maxGbps).toBeLessThanOrEqual(300);
    expect(r.limitAtMax).toBe('memory');
    expect(r.bindingLimit).toBe('memory');
    expect(r.feasible).toBe(false);
    expect(r.memoryCrossings).toBe(4);
  });

  it('EuroBSDCon 2021, NIC kTLS offload: ~400 Gb/s is reachable', () => {
    const r = run(PRESETS.epyc2021Nic);
    expect(r.feasible).toBe(true);
    expect(r.maxGbps).toBeGreaterThanOrEqual(380);
    expect(r.memoryCrossings).toBe(2);
  });
});

describe('serving model: memory crossings', () => {
  it.each([
    ['sendfile', 'none', 2],
    ['sendfile', 'ktls-nic', 2],
    ['sendfile', 'ktls-software', 4],
    ['readwrite', 'none', 6],
    ['readwrite', 'ktls-nic', 6],
    ['readwrite', 'ktls-software', 8],
    ['readwrite', 'userspace', 8],
    ['sendfile', 'userspace', 8], // userspace TLS forces read/write
  ] as const)('%s + %s → %i crossings', (sendMode, tlsMode, n) => {
    const r = at({ sendMode, tlsMode });
    expect(r.memoryCrossings).toBe(n);
    expect(r.memorySteps).toHaveLength(n);
  });

  it('memory traffic = target / 8 × crossings', () => {
    const r = at({ targetGbps: 80 });
    expect(r.memoryGBps).toBeCloseTo((80 / 8) * r.memoryCrossings, 10);
    expect(r.memoryUtilisation).toBeCloseTo(r.memoryGBps / r.memoryAvailableGBps, 10);
  });

  it('userspace TLS reports the sendfile fallback', () => {
    const r = at({ sendMode: 'sendfile', tlsMode: 'userspace' });
    expect(r.effectiveSendMode).toBe('readwrite');
    expect(r.notes.length).toBeGreaterThan(0);
  });
});

describe('serving model: qualitative behaviour', () => {
  it.each(TLS_MODES)('readwrite costs more CPU and memory than sendfile (tls %s)', (tlsMode) => {
    const rw = at({ sendMode: 'readwrite', tlsMode });
    const sf = at({ sendMode: 'sendfile', tlsMode });
    if (tlsMode === 'userspace') {
      expect(rw.cpuUtilisation).toBe(sf.cpuUtilisation); // both are read/write
    } else {
      expect(rw.cpuUtilisation).toBeGreaterThan(sf.cpuUtilisation);
      expect(rw.memoryCrossings).toBeGreaterThan(sf.memoryCrossings);
    }
  });

  it.each(SEND_MODES)('userspace TLS > software kTLS > NIC kTLS ≥ none (send %s)', (sendMode) => {
    const cpu = (tlsMode: TlsMode) => at({ sendMode, tlsMode }).cpuUtilisation;
    expect(cpu('userspace')).toBeGreaterThan(cpu('ktls-software'));
    expect(cpu('ktls-software')).toBeGreaterThan(cpu('ktls-nic'));
    expect(cpu('ktls-nic')).toBeGreaterThan(cpu('none'));
    for (const t of TLS_MODES) expect(cpu('none')).toBeLessThanOrEqual(cpu(t));
  });

  it('CPU grows linearly with the target', () => {
    const a = at({ targetGbps: 40 }).cpuUtilisation;
    const b = at({ targetGbps: 80 }).cpuUtilisation;
    const c = at({ targetGbps: 160 }).cpuUtilisation;
    expect(b).toBeCloseTo(2 * a, 10);
    expect(c).toBeCloseTo(4 * a, 10);
  });

  it('the breakdown sums to the total', () => {
    const r = at({ sendMode: 'readwrite', tlsMode: 'userspace' });
    const sum = r.cpuBreakdown.reduce((s, p) => s + p.cyclesPerByte, 0);
    expect(sum).toBeCloseTo(r.cyclesPerByte, 10);
    const util = r.cpuBreakdown.reduce((s, p) => s + p.cpuUtilisation, 0);
    expect(util).toBeCloseTo(r.cpuUtilisation, 10);
    for (const p of r.cpuBreakdown) expect(p.cyclesPerBit).toBeCloseTo(p.cyclesPerByte / 8, 10);
  });

  it('more cores or a faster clock raise the CPU cap, not the memory cap', () => {
    const base = at({});
    const more = at({ cores: 32, clockGHz: 3.2 });
    expect(more.cpuCapGbps).toBeGreaterThan(base.cpuCapGbps);
    expect(more.memoryCapGbps).toBe(base.memoryCapGbps);
  });

  it('maxGbps is the throughput where the binding utilisation reaches 100%', () => {
    for (const s of SEND_MODES) {
      for (const t of TLS_MODES) {
        const r0 = at({ sendMode: s, tlsMode: t });
        const r = at({ sendMode: s, tlsMode: t, targetGbps: r0.maxGbps });
        expect(Math.max(r.cpuUtilisation, r.memoryUtilisation)).toBeCloseTo(1, 6);
      }
    }
  });

  it('a CPU-starved box is CPU-bound', () => {
    const r = at({ cores: 1, clockGHz: 1, targetGbps: 100 });
    expect(r.bindingLimit).toBe('cpu');
    expect(r.feasible).toBe(false);
  });

  it('zero target gives zero utilisation and no NaN', () => {
    const r = at({ targetGbps: 0 });
    expect(r.cpuUtilisation).toBe(0);
    expect(r.memoryUtilisation).toBe(0);
    expect(r.memoryGBps).toBe(0);
    expect(r.bindingLimit).toBe('none');
    expect(r.feasible).toBe(true);
    expect(allFinite(r)).toBe(true);
  });

  it('every combination yields finite outputs at the range extremes', () => {
    for (const s of SEND_MODES) {
      for (const t of TLS_MODES) {
        for (const extreme of ['min', 'max'] as const) {
          const r = run({
            targetGbps: RANGES.targetGbps[extreme],
            cores: RANGES.cores[extreme],
            clockGHz: RANGES.clockGHz[extreme],
            memBandwidthGBps: RANGES.memBandwidthGBps[extreme],
            sendMode: s,
            tlsMode: t,
          });
          expect(allFinite(r)).toBe(true);
        }
      }
    }
  });
});

describe('serving model: sanitize', () => {
  it('returns defaults for missing or garbage input', () => {
    expect(sanitize(undefined)).toEqual(DEFAULT_INPUTS);
    expect(sanitize(null)).toEqual(DEFAULT_INPUTS);
    expect(sanitize({})).toEqual(DEFAULT_INPUTS);
    expect(
      sanitize({
        targetGbps: 'lots',
        cores: Number.NaN,
        clockGHz: {},
        memBandwidthGBps: '',
        sendMode: 'carrier pigeon',
        tlsMode: 42,
      }),
    ).toEqual(DEFAULT_INPUTS);
  });

  it('clamps huge, infinite and negative numbers into range', () => {
    const s = sanitize({ targetGbps: 1e12, cores: Infinity, clockGHz: -3, memBandwidthGBps: -Infinity });
    expect(s.targetGbps).toBe(RANGES.targetGbps.max);
    expect(s.cores).toBe(RANGES.cores.max);
    expect(s.clockGHz).toBe(RANGES.clockGHz.min);
    expect(s.memBandwidthGBps).toBe(RANGES.memBandwidthGBps.min);
    expect(allFinite(run(s))).toBe(true);
  });

  it('parses numeric strings from form fields and keeps valid enums', () => {
    const s = sanitize({
      targetGbps: ' 120 ',
      cores: '24.4',
      clockGHz: '3',
      memBandwidthGBps: '200',
      sendMode: 'readwrite',
      tlsMode: 'ktls-nic',
    });
    expect(s).toEqual({
      targetGbps: 120,
      cores: 24,
      clockGHz: 3,
      memBandwidthGBps: 200,
      sendMode: 'readwrite',
      tlsMode: 'ktls-nic',
    });
  });

  it('run() survives garbage that bypasses the type system', () => {
    const r = run({
      targetGbps: Number.NaN,
      cores: -1,
      clockGHz: Infinity,
      memBandwidthGBps: 0,
      sendMode: 'x',
      tlsMode: 'y',
    } as unknown as ServingInputs);
    expect(allFinite(r)).toBe(true);
    expect(r.cpuUtilisation).toBeGreaterThan(0);
  });

  it('every numeric range is well-formed and contains the default', () => {
    for (const key of ['targetGbps', 'cores', 'clockGHz', 'memBandwidthGBps'] as const) {
      const r = RANGES[key];
      expect(r.min).toBeLessThan(r.max);
      expect(r.step).toBeGreaterThan(0);
      expect(DEFAULT_INPUTS[key]).toBeGreaterThanOrEqual(r.min);
      expect(DEFAULT_INPUTS[key]).toBeLessThanOrEqual(r.max);
    }
    expect(RANGES.tlsMode.options.map((o) => o.value)).toEqual(TLS_MODES);
    expect(RANGES.sendMode.options.map((o) => o.value)).toEqual(SEND_MODES);
  });
});
