import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFillData } from '../../../src/figures/fill-vs-pull';
import { INPUT_NAMES, PARAM_NAMES, RANGES } from '../../../src/lib/models/fill';
import { loadSources } from '../../../src/lib/sources';
import { figureSources } from '../../../src/figures';
import { loadGlossary } from '../../../src/lib/glossary';

const VALUES = 'content/figures/fill-vs-pull.yaml';
const CHECKS = 'content/figures/fill-vs-pull-checks.yaml';
const WORK = '.tmp/fill-data-test';

/**
 * A content folder that is the guide's own but for one edit of one of the figure's two files, so that each
 * test shows the message an author sees for one mistake. It lives under .tmp/ so that messages name it
 * relative to the project, as they name content/.
 */
let n = 0;
function contentWith(file: typeof VALUES | typeof CHECKS, edit: (text: string) => string): string {
  const dir = path.join(WORK, String(n++));
  fs.mkdirSync(path.join(dir, 'figures'), { recursive: true });
  fs.cpSync('content/sources', path.join(dir, 'sources'), { recursive: true });
  for (const f of [VALUES, CHECKS]) {
    const text = fs.readFileSync(f, 'utf8');
    const edited = f === file ? edit(text) : text;
    if (f === file && edited === text) throw new Error(`the edit changed nothing in ${f}`);
    fs.writeFileSync(path.join(dir, 'figures', path.basename(f)), edited);
  }
  return dir;
}
/** The line number of the nth line (from 1) that holds `needle`. */
function lineOf(file: string, needle: string, nth = 1): number {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const at = lines.map((l, i) => (l.includes(needle) ? i + 1 : 0)).filter(Boolean);
  if (at.length < nth) throw new Error(`"${needle}" is not in ${file} ${nth} times`);
  return at[nth - 1]!;
}

afterAll(() => fs.rmSync(WORK, { recursive: true, force: true }));

describe('the fill-versus-pull data files', () => {
  const data = loadFillData();

  it('set every input and parameter of the model once, inside its range', () => {
    expect(Object.keys(data.defaults).sort()).toEqual([...INPUT_NAMES].sort());
    expect(Object.keys(data.params).sort()).toEqual([...PARAM_NAMES].sort());
    for (const name of INPUT_NAMES) {
      expect(data.defaults[name]).toBeGreaterThanOrEqual(RANGES[name].min);
      expect(data.defaults[name]).toBeLessThanOrEqual(RANGES[name].max);
    }
  });

  it('rest every published and fitted value on a passage, and label the rest illustrative with a reason', () => {
    for (const v of data.values) {
      if (v.basis === 'published') expect((v.cite?.items ?? []).every((i) => i.passage && i.locator)).toBe(true);
      if (v.basis === 'fitted') expect(v.cite!.items[0]!.stance).toBe('calculation');
      if (v.basis !== 'published') expect(v.note, v.set.join()).toBeTruthy();
    }
    for (const c of data.checks)
      expect(
        c.cite.items.every((i) => i.passage && i.locator),
        c.check,
      ).toBe(true);
    // The calibrations the figure promises (issue #13): fill window, fill rates and volumes, appliance storage
    // and throughput, offloads, peak cut, orders of magnitude, direct connections.
    const cited = new Set(data.values.flatMap((v) => (v.basis === 'illustrative' ? [] : v.set)));
    for (const name of [
      'fillStartHour',
      'fillHours',
      'fillRateGbps',
      'globalFillRateGbps',
      'applianceTB',
      'applianceGbps',
    ])
      expect(cited.has(name as never), name).toBe(true);
    expect(data.checks.map((c) => c.check)).toEqual(
      expect.arrayContaining([
        'offload-one',
        'offload-three',
        'peak-cut',
        'night-storage',
        'night-global',
        'orders',
        'direct',
      ]),
    );
  });

  it('cite only sources of the bibliography, and list them for the figure’s caption in order of first use', () => {
    const known = loadSources().byId;
    const sources = figureSources({ name: 'FillVsPull' });
    for (const key of sources) expect(known.has(key), key).toBe(true);
    expect(sources[0]).toBe('looney-fosdem-2019-slides');
    expect(sources).toContain('krishnappa-hulu-2011');
  });
});

describe('bad fill-versus-pull data fails the build with the file, the line and the value', () => {
  const fails = (dir: string) => () => loadFillData(path.resolve(dir));

  it('an unknown source key', () => {
    const dir = contentWith(VALUES, (t) =>
      t.replace(
        '@netflix-fill-patterns, section "Fill windows": "Maximum rate of 1.2',
        '@netflix-fill, section "Fill windows": "Maximum rate of 1.2',
      ),
    );
    const file = `${dir}/figures/fill-vs-pull.yaml`;
    expect(fails(dir)).toThrow(
      `${file}:${lineOf(file, '@netflix-fill,')}: entry "Fill rate per Storage appliance": field "cite": unknown source "netflix-fill" in citation [@netflix-fill, section "Fill windows": "Maximum rate of 1.2 Gbps per appliance"]; add it to content/sources/*.json or use an existing key`,
    );
  });

  it('a passage that is not on the slide it names (the slide decks’ text is in the repository)', () => {
    const dir = contentWith(VALUES, (t) =>
      t.replace(
        `slide 4: "40Gb/s Storage Appliance with 248TB storage"'\n- set: [fillStartHour]`,
        `slide 4: "40Gb/s Storage Appliance with 300TB storage"'\n- set: [fillStartHour]`,
      ),
    );
    const file = `${dir}/figures/fill-vs-pull.yaml`;
    expect(fails(dir)).toThrow(
      `${file}:${lineOf(file, '300TB')}: entry "What one Storage appliance serves": field "cite": citation [@looney-fosdem-2019-slides, slide 4: "40Gb/s Storage Appliance with 300TB storage"]: @looney-fosdem-2019-slides: the passage "40Gb/s Storage Appliance with 300TB storage" is not on slide 4 of ${dir}/sources/text/2019_FOSDEM_looney-Netflix_and_FreeBSD.txt; quote the source's text exactly (case, spacing and quotation marks aside), with "…" for a gap`,
    );
  });

  it('a published value without its passage, and a fitted value that is not marked as our calculation', () => {
    let dir = contentWith(VALUES, (t) =>
      t.replace(
        'cite: \'@netflix-fill-patterns, section "Fill windows": "Maximum rate of 1.2 Gbps per appliance"\'',
        'cite: \'our reading of @netflix-fill-patterns, section "Fill windows"\'',
      ),
    );
    let file = `${dir}/figures/fill-vs-pull.yaml`;
    expect(fails(dir)).toThrow(
      `${file}:${lineOf(file, 'our reading of')}: entry "Fill rate per Storage appliance": field "cite": a published value quotes its source: @key, locator: "passage"`,
    );
    dir = contentWith(VALUES, (t) =>
      t.replace(
        'cite: \'our calculation from @temkin-nanog-2014-07-14, para. 1: "churns',
        'cite: \'@temkin-nanog-2014-07-14, para. 1: "churns',
      ),
    );
    file = `${dir}/figures/fill-vs-pull.yaml`;
    expect(fails(dir)).toThrow(
      `${file}:${lineOf(file, 'cite: \'@temkin-nanog-2014-07-14, para. 1: "churns')}: entry "New titles a day": field "cite": a fitted value is the guide's own calculation: start the cite with "our calculation from @key"`,
    );
  });

  it('a value the reader could not set, and one the model cannot run with', () => {
    let dir = contentWith(VALUES, (t) => t.replace('value: 2500', 'value: 20000'));
    let file = `${dir}/figures/fill-vs-pull.yaml`;
    expect(fails(dir)).toThrow(
      `${file}:${lineOf(file, 'value: 20000')}: entry "Catalogue": field "value": 20000 is outside what "catalogueTB" can be (200–10000 TB)`,
    );
    dir = contentWith(VALUES, (t) => t.replace('value: 4000', 'value: 4000.5'));
    file = `${dir}/figures/fill-vs-pull.yaml`;
    expect(fails(dir)).toThrow(
      `${file}:${lineOf(file, 'value: 4000.5')}: entry "Items the catalogue is cut into": field "value": 4000.5 is outside what "items" can be (a whole number, 10–20000)`,
    );
  });

  it('a value set twice, a value never set, an illustrative value without its reason', () => {
    let dir = contentWith(VALUES, (t) => t.replace('- set: [fillHours]', '- set: [fillStartHour]'));
    let file = `${dir}/figures/fill-vs-pull.yaml`;
    expect(fails(dir)).toThrow(
      `${file}:${lineOf(file, '- set: [fillStartHour]', 2)}: entry "Fill window length": field "set": "fillStartHour" is already set by the entry at line ${lineOf(file, '- set: [fillStartHour]')}; set each value once`,
    );
    dir = contentWith(VALUES, (t) => t.replace('  note: The chart shows the average of these days.\n', ''));
    file = `${dir}/figures/fill-vs-pull.yaml`;
    expect(fails(dir)).toThrow(
      `${file}:${lineOf(file, '- set: [measuredDays]')}: entry "Days measured": field "note": a fitted or illustrative value needs a note saying why this value`,
    );
    dir = contentWith(VALUES, (t) => t.replace(/- set: \[hotBoost\]\n( {2}.*\n)+/, ''));
    file = `${dir}/figures/fill-vs-pull.yaml`;
    expect(fails(dir)).toThrow(
      `${file}: no entry sets "hotBoost"; add one with set, value, basis, label, unit and a cite or note`,
    );
  });

  it('a misspelt field, an unknown input name, a check against a measure the model does not have', () => {
    let dir = contentWith(VALUES, (t) => t.replace('  note: The chart shows', '  notes: The chart shows'));
    let file = `${dir}/figures/fill-vs-pull.yaml`;
    expect(fails(dir)).toThrow(
      `${file}:${lineOf(file, 'notes: The chart')}: entry "Days measured": field "notes" is not a field of this kind of entry (a typo?)`,
    );
    dir = contentWith(VALUES, (t) => t.replace('- set: [seed]', '- set: [sede]'));
    file = `${dir}/figures/fill-vs-pull.yaml`;
    expect(fails(dir)).toThrow(
      `${file}:${lineOf(file, '[sede]')}: entry "Seed of the random draws": field "set.0": Invalid option`,
    );
    dir = contentWith(CHECKS, (t) => t.replace('measure: fill.churnPerDay', 'measure: fill.churn'));
    file = `${dir}/figures/fill-vs-pull-checks.yaml`;
    expect(fails(dir)).toThrow(
      `${file}:${lineOf(file, 'measure: fill.churn')}: entry "Storage rewritten a day by fill (2014)": field "measure": Invalid option`,
    );
  });
});

describe('the fill simulation’s glossary terms (content/glossary/fillsim.yaml)', () => {
  const glossary = loadGlossary();
  const own = glossary.terms.filter((t) => glossary.fileOf.get(t.id)?.endsWith('fillsim.yaml'));
  const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}-]+/u);

  it('have aliases specific to them: none is a single word that another term is named with', () => {
    expect(own.length).toBeGreaterThan(5);
    const others = glossary.terms.filter((t) => !own.includes(t));
    const named = others.flatMap((t) => [t.term, ...t.aliases].map((name) => ({ id: t.id, name })));
    for (const term of own)
      for (const alias of term.aliases) {
        if (words(alias).length > 1) continue;
        const clash = named.filter(({ name }) => words(name).includes(alias.toLowerCase()));
        expect(
          clash,
          `"${alias}" (term "${term.id}") would also name ${clash.map((c) => `"${c.name}"`).join(', ')}`,
        ).toEqual([]);
      }
  });

  it('point readers who want more to the simulation itself, on the fill chapter', () => {
    for (const term of own.filter((t) => t.see)) expect(term.see, term.id).toBe('/fill/#fill-and-pull-side-by-side');
  });
});
