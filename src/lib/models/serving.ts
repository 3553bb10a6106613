/**
 * Serving budget of one Open Connect appliance — a FIRST-ORDER model.
 *
 * Question it answers: for a target throughput, how busy are the CPU cores and
 * the memory bus, and which of the two runs out first?
 *
 * How: every served byte costs a fixed number of CPU cycles (split into network
 * stack, file I/O, copies, crypto, ...) and crosses the memory bus a fixed
 * number of times (DMA in from disk, CPU copies, encryption, DMA out to the
 * NIC). Both scale linearly with throughput.
 *
 * What it leaves out: NIC line rate and PCIe lanes, disk/NVMe throughput, page-
 * cache hit rate (every byte is assumed to come from disk once), NUMA fabric
 * traffic, TLS handshakes, connection counts, packet loss/retransmits, cache
 * effects and contention, and any non-linearity near saturation. The cycle
 * costs are FITTED to the published data points below, not measured per
 * component; treat the breakdown as illustrative.
 *
 * Calibration points (see /work/shared/facts.md §4–§6):
 *  - FOSDEM 2019 (Looney; FreeBSD Foundation case study 2020): 90 Gb/s of TLS at
 *    ~55% CPU on 16 cores at 2.6 GHz, with async sendfile + software kTLS.
 *  - Gallatin, EuroBSDCon 2021: EPYC 7502P (32 cores, 2.5 GHz, ~150 GB/s memory
 *    bandwidth). Software kTLS was capped by memory bandwidth at ~240 (NPS1) /
 *    ~280 (NPS4) Gb/s; NIC kTLS offload reached ~400 Gb/s.
 */
import { type EnumRange, type NumberRange, type RawInputs, clampToRange, field, finite, pickOption } from './controls';

export type SendMode = 'readwrite' | 'sendfile';
export type TlsMode = 'none' | 'userspace' | 'ktls-software' | 'ktls-nic';
export type Limit = 'cpu' | 'memory';

export interface ServingInputs {
  targetGbps: number; // target throughput, Gb/s
  cores: number;
  clockGHz: number;
  memBandwidthGBps: number; // nominal memory bandwidth, GB/s (as quoted for the platform)
  sendMode: SendMode;
  tlsMode: TlsMode;
}

export type CpuComponent = 'network' | 'fileIo' | 'copies' | 'syscalls' | 'crypto' | 'tlsFraming';

export interface CpuCost {
  readonly component: CpuComponent;
  readonly label: string;
  readonly cyclesPerByte: number;
  readonly cyclesPerBit: number;
  readonly cpuUtilisation: number; // this component's share of all cores at the target
}

export interface MemoryStep {
  readonly label: string;
  readonly kind: 'read' | 'write';
}

export interface ServingResult {
  readonly effectiveSendMode: SendMode; // userspace TLS forces read/write
  readonly memorySteps: readonly MemoryStep[];
  readonly memoryCrossings: number; // bus crossings per served byte (= memorySteps.length)
  readonly memoryGBps: number; // targetGbps / 8 × crossings
  readonly memoryAvailableGBps: number; // nominal × SUSTAINED_MEMORY_FRACTION
  readonly memoryUtilisation: number; // memoryGBps / memoryAvailableGBps; > 1 is infeasible
  readonly cyclesPerByte: number;
  readonly cpuUtilisation: number; // fraction of all cores; > 1 is infeasible
  readonly cpuBreakdown: readonly CpuCost[];
  readonly cpuCapGbps: number; // throughput at which CPU alone reaches 100%
  readonly memoryCapGbps: number; // ... and memory alone
  readonly maxGbps: number; // min of the two caps: where the first limit binds
  readonly limitAtMax: Limit; // which limit binds at maxGbps
  readonly bindingLimit: Limit | 'none'; // for the target: 'none' if it fits
  readonly feasible: boolean;
  readonly notes: readonly string[];
}

// ---------------------------------------------------------------------------
// Constants. Cycle costs are per byte of payload; all are FITTED so that the
// FOSDEM 2019 point (sendfile + software kTLS: 2.0 cycles/byte → 90 Gb/s on
// 16 × 2.6 GHz = 54% CPU) holds, with a split that is plausible but not measured.
// ---------------------------------------------------------------------------

/** TCP/IP, mbufs, NIC driver (with TSO/LRO), nginx bookkeeping. Fitted. */
export const NETWORK_CYCLES_PER_BYTE = 0.6;
/** Page-cache/VM lookup, NVMe completion, sendfile or read() page handling. Fitted. */
export const FILE_IO_CYCLES_PER_BYTE = 0.25;
/**
 * AES-GCM with AES-NI + carry-less multiply: on the order of 1 cycle/byte when
 * data streams from DRAM (well-tuned libraries reach below 1 in cache; Netflix
 * 2016 used BoringSSL/ISA-L AES-GCM, facts §5). Fitted to 1.0.
 */
export const CRYPTO_CYCLES_PER_BYTE = 1.0;
/** TLS record framing and bookkeeping in the kernel (kTLS, also with NIC offload). Fitted. */
export const TLS_FRAMING_CYCLES_PER_BYTE = 0.15;
/** One CPU copy (copyout or copyin) of data not in cache: read + write. Estimate. */
export const COPY_CYCLES_PER_BYTE = 0.4;
/** read()/write() system calls amortised over large buffers. Estimate. */
export const SYSCALL_CYCLES_PER_BYTE = 0.05;
/** Userspace TLS library: one write() per ≤16 KB record, user-side framing. Estimate. */
export const USERSPACE_TLS_EXTRA_CYCLES_PER_BYTE = 0.15;
/**
 * DRAM cannot be driven at its nominal figure under mixed read/write traffic.
 * Fitted: 150 GB/s × 0.85 / 4 crossings ≈ 255 Gb/s for software kTLS, between
 * Gallatin's ~240 (NPS1) and ~280 (NPS4) Gb/s (EuroBSDCon 2021).
 */
export const SUSTAINED_MEMORY_FRACTION = 0.85;

export const DEFAULT_INPUTS: Readonly<ServingInputs> = {
  // FOSDEM 2019 headline point. 128 GB/s assumes six DDR4-2666 channels (our
  // assumption for a 16-core Xeon Scalable part; not stated in the sources).
  targetGbps: 90,
  cores: 16,
  clockGHz: 2.6,
  memBandwidthGBps: 128,
  sendMode: 'sendfile',
  tlsMode: 'ktls-software',
};

/** Named starting points for the figure. */
export const PRESETS: Readonly<
  Record<'fosdem2019' | 'epyc2021Software' | 'epyc2021Nic' | 'epyc2022Nic', Readonly<ServingInputs>>
> = {
  fosdem2019: DEFAULT_INPUTS,
  // Gallatin, EuroBSDCon 2021: EPYC 7502P, 32 cores at 2.5 GHz, ~150 GB/s.
  epyc2021Software: {
    targetGbps: 400,
    cores: 32,
    clockGHz: 2.5,
    memBandwidthGBps: 150,
    sendMode: 'sendfile',
    tlsMode: 'ktls-software',
  },
  // The same box with NIC kTLS, at the 375 Gb/s the 2022 slides measure it at (slide 11: "375Gb/s @ 53% CPU").
  epyc2021Nic: {
    targetGbps: 375,
    cores: 32,
    clockGHz: 2.5,
    memBandwidthGBps: 150,
    sendMode: 'sendfile',
    tlsMode: 'ktls-nic',
  },
  // Gallatin, EuroBSDCon 2022, slides 83 and 94: 2 × AMD EPYC 7713 (128 cores), NIC kTLS, 731 Gb/s measured.
  // ASSUMED, not in the slides: the 2.0 GHz base clock, and 300 GB/s of memory bandwidth (two sockets of the
  // 2021 box's ~150 GB/s of DDR4-3200).
  epyc2022Nic: {
    targetGbps: 731,
    cores: 128,
    clockGHz: 2,
    memBandwidthGBps: 300,
    sendMode: 'sendfile',
    tlsMode: 'ktls-nic',
  },
};

export const RANGES: {
  readonly targetGbps: NumberRange;
  readonly cores: NumberRange;
  readonly clockGHz: NumberRange;
  readonly memBandwidthGBps: NumberRange;
  readonly sendMode: EnumRange<SendMode>;
  readonly tlsMode: EnumRange<TlsMode>;
} = {
  targetGbps: { kind: 'number', label: 'Target throughput', min: 1, max: 1000, step: 1, unit: 'Gb/s' },
  cores: { kind: 'number', label: 'CPU cores', min: 1, max: 128, step: 1, unit: 'cores' },
  clockGHz: { kind: 'number', label: 'Clock speed', min: 1, max: 5, step: 0.1, unit: 'GHz' },
  memBandwidthGBps: { kind: 'number', label: 'Memory bandwidth (nominal)', min: 10, max: 500, step: 1, unit: 'GB/s' },
  sendMode: {
    kind: 'enum',
    label: 'How data is sent',
    options: [
      { value: 'readwrite', label: 'read() + write() through userspace' },
      { value: 'sendfile', label: 'sendfile() from the page cache' },
    ],
  },
  tlsMode: {
    kind: 'enum',
    label: 'Encryption',
    options: [
      { value: 'none', label: 'No TLS' },
      { value: 'userspace', label: 'TLS in userspace (e.g. OpenSSL)' },
      { value: 'ktls-software', label: 'Kernel TLS, CPU encrypts' },
      { value: 'ktls-nic', label: 'Kernel TLS, NIC encrypts (offload)' },
    ],
  },
};

/** Clamp and default every field; never returns NaN or an unknown enum value. */
export function sanitize(raw: RawInputs): ServingInputs {
  const d = DEFAULT_INPUTS;
  return {
    targetGbps: clampToRange(field(raw, 'targetGbps'), RANGES.targetGbps, d.targetGbps),
    cores: Math.round(clampToRange(field(raw, 'cores'), RANGES.cores, d.cores)),
    clockGHz: clampToRange(field(raw, 'clockGHz'), RANGES.clockGHz, d.clockGHz),
    memBandwidthGBps: clampToRange(field(raw, 'memBandwidthGBps'), RANGES.memBandwidthGBps, d.memBandwidthGBps),
    sendMode: pickOption(field(raw, 'sendMode'), RANGES.sendMode, d.sendMode),
    tlsMode: pickOption(field(raw, 'tlsMode'), RANGES.tlsMode, d.tlsMode),
  };
}

/** The path one byte takes through memory, as a list of bus crossings. */
function memoryPath(send: SendMode, tls: TlsMode): MemoryStep[] {
  const steps: MemoryStep[] = [{ label: 'Disk DMA writes the data into the page cache', kind: 'write' }];
  if (send === 'readwrite') {
    steps.push(
      { label: 'read(): kernel reads the page…', kind: 'read' },
      { label: '…and writes it into a user buffer', kind: 'write' },
    );
    if (tls === 'userspace') {
      steps.push(
        { label: 'TLS library reads plaintext…', kind: 'read' },
        { label: '…and writes ciphertext', kind: 'write' },
      );
    }
    steps.push(
      { label: 'write(): kernel reads the user buffer…', kind: 'read' },
      { label: '…and writes it into the socket buffer', kind: 'write' },
    );
  }
  if (tls === 'ktls-software') {
    steps.push(
      { label: 'kTLS reads plaintext to encrypt it…', kind: 'read' },
      { label: '…and writes the encrypted record', kind: 'write' },
    );
  }
  steps.push({ label: 'NIC DMA reads the outgoing data', kind: 'read' });
  return steps;
}

/** Cycles per byte, per component, for a given path. */
function cpuCosts(send: SendMode, tls: TlsMode): Array<[CpuComponent, string, number]> {
  const rw = send === 'readwrite';
  const software = tls === 'userspace' || tls === 'ktls-software';
  const framing =
    tls === 'none' ? 0 : TLS_FRAMING_CYCLES_PER_BYTE + (tls === 'userspace' ? USERSPACE_TLS_EXTRA_CYCLES_PER_BYTE : 0);
  return [
    ['network', 'Network stack (TCP/IP, mbufs, driver)', NETWORK_CYCLES_PER_BYTE],
    ['fileIo', 'File I/O and page cache', FILE_IO_CYCLES_PER_BYTE],
    ['copies', 'Copies to and from userspace', rw ? 2 * COPY_CYCLES_PER_BYTE : 0],
    ['syscalls', 'read()/write() system calls', rw ? SYSCALL_CYCLES_PER_BYTE : 0],
    ['crypto', 'AES-GCM encryption on the CPU', software ? CRYPTO_CYCLES_PER_BYTE : 0],
    ['tlsFraming', 'TLS record framing', framing],
  ];
}

/** Pure: evaluate the budget. Inputs are guarded again so run() never yields NaN. */
export function run(inputs: ServingInputs): ServingResult {
  const s = sanitize(inputs);
  // The target may legitimately be 0 here (the range's minimum is for the slider).
  const t = Number(inputs.targetGbps);
  const targetGbps = Number.isFinite(t) && t <= 0 ? 0 : s.targetGbps;
  const notes: string[] = [];

  // Userspace TLS needs the plaintext in a user buffer, so sendfile cannot be used.
  const send: SendMode = s.tlsMode === 'userspace' ? 'readwrite' : s.sendMode;
  if (send !== s.sendMode)
    notes.push('TLS in userspace needs the data in userspace, so sendfile() falls back to read()/write().');

  const bytesPerSec = (targetGbps * 1e9) / 8;
  const cyclesAvailable = s.cores * s.clockGHz * 1e9;
  const parts = cpuCosts(send, s.tlsMode);
  const cyclesPerByte = parts.reduce((sum, [, , c]) => sum + c, 0);
  const cpuBreakdown: CpuCost[] = parts.map(([component, label, c]) => ({
    component,
    label,
    cyclesPerByte: c,
    cyclesPerBit: c / 8,
    cpuUtilisation: finite((bytesPerSec * c) / cyclesAvailable),
  }));
  const cpuUtilisation = finite((bytesPerSec * cyclesPerByte) / cyclesAvailable);

  const memorySteps = memoryPath(send, s.tlsMode);
  const memoryCrossings = memorySteps.length;
  const memoryGBps = (targetGbps / 8) * memoryCrossings;
  const memoryAvailableGBps = s.memBandwidthGBps * SUSTAINED_MEMORY_FRACTION;
  const memoryUtilisation = finite(memoryGBps / memoryAvailableGBps);

  // Caps: the throughput at which each resource alone reaches 100%.
  const cpuCapGbps = finite(((cyclesAvailable / cyclesPerByte) * 8) / 1e9);
  const memoryCapGbps = finite((memoryAvailableGBps / memoryCrossings) * 8);
  const limitAtMax: Limit = cpuCapGbps <= memoryCapGbps ? 'cpu' : 'memory';
  const maxGbps = Math.min(cpuCapGbps, memoryCapGbps);
  const feasible = cpuUtilisation <= 1 && memoryUtilisation <= 1;
  if (!feasible)
    notes.push(
      `The target exceeds the ${limitAtMax === 'cpu' ? 'CPU' : 'memory-bandwidth'} limit of about ${Math.round(maxGbps)} Gb/s.`,
    );

  return {
    effectiveSendMode: send,
    memorySteps,
    memoryCrossings,
    memoryGBps: finite(memoryGBps),
    memoryAvailableGBps: finite(memoryAvailableGBps),
    memoryUtilisation,
    cyclesPerByte,
    cpuUtilisation,
    cpuBreakdown,
    cpuCapGbps,
    memoryCapGbps,
    maxGbps,
    limitAtMax,
    bindingLimit: feasible ? 'none' : limitAtMax,
    feasible,
    notes,
  };
}
