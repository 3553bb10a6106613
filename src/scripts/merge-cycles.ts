import { Explorable, type Group } from './explorable';
import { RANGES, run, sanitize } from '../lib/models/merge';
import { FIGURE_INPUTS, THRESHOLD_RANGE, describeMerge, mergeGeometry } from '../lib/charts/merge-chart';

/** <oc-merge-cycles>: the merge-cycles explorable (MergeCycles.astro). */
class MergeCycles extends Explorable {
  protected groups(): Group[] {
    return [
      {
        legend: 'How a team merges',
        fields: [
          ['mergeIntervalWeeks', RANGES.mergeIntervalWeeks],
          ['upstreamChangeRate', RANGES.upstreamChangeRate],
          ['localChangeRate', RANGES.localChangeRate],
        ],
      },
      {
        legend: 'Putting merges off',
        fields: [
          ['deferral', RANGES.deferral],
          ['deferThreshold', THRESHOLD_RANGE],
        ],
      },
    ];
  }

  protected start(): object {
    return FIGURE_INPUTS;
  }

  update(): void {
    const values = this.values();
    const input = sanitize({ ...FIGURE_INPUTS, ...values, deferral: values['deferral'] === 'on' });
    const r = run(input);
    const g = mergeGeometry(input, r);
    for (const name of ['mergeIntervalWeeks', 'upstreamChangeRate', 'localChangeRate', 'deferThreshold'] as const)
      this.show(name, input[name]);
    this.querySelector('[data-d=done]')!.setAttribute('d', g.done);
    this.querySelector('[data-d=deferred]')!.setAttribute('d', g.deferred);
    g.yTicks.forEach((k, i) => this.set(`[data-y="${i}"]`, k.label));
    g.xTicks.forEach((k, i) => this.set(`[data-w="${i}"]`, k.label));
    const text = describeMerge(input, r);
    this.set('[data-o]', text);
    this.querySelector('output')!.value = text;
  }
}

customElements.define('oc-merge-cycles', MergeCycles);
