import { Explorable } from './explorable';
import { run, sanitize } from '../lib/models/merge';
import { FIGURE_INPUTS, describeMerge, mergeGeometry } from '../lib/charts/merge-chart';

/** <oc-merge-cycles>: the merge-cycles explorable (MergeCycles.astro). */
class MergeCycles extends Explorable {
  protected render(values: Record<string, string>): object {
    const input = sanitize({ ...FIGURE_INPUTS, ...values, deferral: values['deferral'] === 'on' });
    const r = run(input);
    const g = mergeGeometry(input, r);
    this.querySelector('[data-d=done]')!.setAttribute('d', g.done);
    this.querySelector('[data-d=deferred]')!.setAttribute('d', g.deferred);
    g.yTicks.forEach((k, i) => this.set(`[data-y="${i}"]`, k.label));
    g.xTicks.forEach((k, i) => this.set(`[data-w="${i}"]`, k.label));
    const text = describeMerge(input, r);
    this.set('[data-o]', text);
    this.querySelector('output')!.value = text;
    return input;
  }
}

customElements.define('oc-merge-cycles', MergeCycles);
