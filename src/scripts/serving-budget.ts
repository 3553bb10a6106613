import { Explorable, type Group } from './explorable';
import { DEFAULT_INPUTS, PRESETS, RANGES, run, sanitize } from '../lib/models/serving';
import { budgetGeometry, describeServing } from '../lib/charts/budget';

const PRESET_LABELS: Record<keyof typeof PRESETS, string> = {
  fosdem2019: 'FOSDEM 2019',
  epyc2021Software: '2021, software kTLS',
  epyc2021Nic: '2021, NIC offload',
};

/** <oc-serving-budget>: the serving-budget explorable (ServingBudget.astro). */
class ServingBudget extends Explorable {
  protected groups(): Group[] {
    return [
      {
        legend: 'Server',
        fields: [
          ['targetGbps', RANGES.targetGbps],
          ['cores', RANGES.cores],
          ['clockGHz', RANGES.clockGHz],
          ['memBandwidthGBps', RANGES.memBandwidthGBps],
        ],
      },
      { legend: RANGES.sendMode.label, fields: [['sendMode', RANGES.sendMode]] },
      { legend: RANGES.tlsMode.label, fields: [['tlsMode', RANGES.tlsMode]] },
    ];
  }

  protected start(): object {
    return DEFAULT_INPUTS;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const set = document.createElement('fieldset');
    set.innerHTML = '<legend>Start from a published result</legend>';
    for (const [key, label] of Object.entries(PRESET_LABELS)) {
      const b = document.createElement('button');
      Object.assign(b, { type: 'button', textContent: label });
      b.addEventListener('click', () => this.fill(PRESETS[key as keyof typeof PRESETS]));
      set.append(b);
    }
    this.form.append(set);
  }

  update(): void {
    const input = sanitize(this.values());
    const r = run(input);
    const g = budgetGeometry(r);
    for (const name of ['targetGbps', 'cores', 'clockGHz', 'memBandwidthGBps'] as const) this.show(name, input[name]);
    for (const [key, bar] of [
      ['mem', g.mem],
      ['cpu', g.cpu],
    ] as const) {
      const rect = this.querySelector(`[data-b=${key}]`)!;
      rect.setAttribute('width', String(bar.w));
      rect.setAttribute('class', bar.over ? 'bar s2' : 'bar s1');
      this.set(`[data-p=${key}]`, bar.label);
    }
    this.set('[data-c]', `${g.crossings} per byte`);
    this.querySelector('output')!.value = describeServing(input, r);
  }
}

customElements.define('oc-serving-budget', ServingBudget);
