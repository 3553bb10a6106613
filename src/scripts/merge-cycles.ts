import { Explorable } from './explorable';
import { run, sanitize, type MergeInputs } from '../lib/models/merge';
import { FIGURE_INPUTS, MERGE_PRESETS, describeMerge, isMergePreset, mergeGeometry } from '../lib/charts/merge-chart';

const PRESETS = Object.fromEntries(Object.entries(MERGE_PRESETS).map(([k, p]) => [k, p.inputs]));

/** <oc-merge-cycles>: the merge-cycles explorable (MergeCycles.astro). */
class MergeCycles extends Explorable {
  protected override presets() {
    return PRESETS;
  }

  protected override isPreset(used: object, preset: object): boolean {
    return isMergePreset(used as MergeInputs, preset as MergeInputs);
  }

  protected render(values: Record<string, string>): object {
    const input = sanitize({ ...FIGURE_INPUTS, ...values, deferral: values['deferral'] === 'on' });
    const r = run(input);
    const g = mergeGeometry(input, r);
    this.querySelector('[data-d=done]')!.setAttribute('d', g.done);
    this.querySelector('[data-d=deferred]')!.setAttribute('d', g.deferred);
    this.querySelector('[data-d=threshold]')!.setAttribute('d', g.threshold);
    const label = this.querySelector('[data-t]')!;
    label.setAttribute('y', String(g.thresholdY));
    label.setAttribute('visibility', input.deferral ? 'visible' : 'hidden');
    g.xTicks.forEach((k, i) => this.set(`[data-w="${i}"]`, k.label));
    const text = describeMerge(input, r);
    this.set('[data-o]', text);
    this.querySelector('output')!.value = text;
    return input;
  }
}

customElements.define('oc-merge-cycles', MergeCycles);
