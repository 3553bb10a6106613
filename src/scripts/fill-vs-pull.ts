import { Explorable } from './explorable';
import {
  PRESETS,
  presetInputs,
  run,
  sanitize,
  type FillInputs,
  type FillParams,
  type PresetName,
} from '../lib/models/fill';
import {
  FILL_CHART,
  clock,
  describeFill,
  fillGeometry,
  hourRows,
  resultRows,
  windowText,
} from '../lib/charts/fill-chart';
import { fmt, rectsPath } from '../lib/charts/svg';

/**
 * <oc-fill-vs-pull>: the fill-versus-pull explorable (FillVsPull.astro). The model's numbers come from the page
 * (data-model, written by the build from content/figures/fill-vs-pull.yaml), so the browser runs the simulation
 * on exactly what the build drew.
 */
class FillVsPull extends Explorable {
  private model!: { params: FillParams; defaults: FillInputs };

  override connectedCallback(): void {
    this.model = JSON.parse(this.dataset['model']!) as typeof this.model;
    super.connectedCallback();
  }

  /** Each preset as the whole set of inputs it stands for, so that it is pressed only while all of them hold. */
  protected override presets(): Record<string, FillInputs> {
    const { defaults, params } = this.model;
    return Object.fromEntries(
      (Object.keys(PRESETS) as PresetName[]).map((k) => [k, presetInputs(k, defaults, params)]),
    );
  }

  override update(): void {
    super.update();
    // The hour the window opens reads as a time of day, not "2 h".
    const start = this.form.elements.namedItem('fillStartHour') as HTMLInputElement;
    const text = clock(Number(start.value));
    start.setAttribute('aria-valuetext', text);
    start.labels![0]!.lastElementChild!.textContent = text;
  }

  protected render(values: Record<string, string>): object {
    const { params, defaults } = this.model;
    const input = sanitize(values, defaults);
    const r = run(input, params);
    const g = fillGeometry(input, r);
    const attr = (selector: string, name: string, value: string) =>
      this.querySelector(selector)!.setAttribute(name, value);
    const { top, bottom, x0, x1 } = FILL_CHART;
    for (const line of ['demand', 'fill', 'pull'] as const) attr(`[data-l=${line}]`, 'd', g[line]);
    for (const band of ['window', 'peak'] as const)
      attr(`[data-b=${band}]`, 'd', rectsPath(g[band].map((b) => ({ x: b.x, y: top, w: b.w, h: bottom - top }))));
    attr('[data-g]', 'd', g.yTicks.map((t) => `M${x0} ${t.y}H${x1}`).join(''));
    g.yTicks.forEach((t, i) => {
      const label = this.querySelector(`[data-y="${i}"]`)!;
      label.setAttribute('y', String(t.y + 5));
      label.textContent = i === g.yTicks.length - 1 ? `${t.label} Gb/s` : t.label;
    });
    this.set('[data-t=window]', windowText(input));
    resultRows(r).forEach(([fill, pull], i) => {
      this.set(`[data-r="${i}f"]`, fill);
      this.set(`[data-r="${i}p"]`, pull);
    });
    // The data table, the chart's text alternative, sits in the figure's caption, outside this element.
    const table = this.closest('figure')?.querySelector('.fill-hours');
    hourRows(r).forEach(([, ...cells], h) =>
      cells.forEach((v, k) => {
        const cell = table?.querySelector(`[data-h="${h}${'dfp'[k]}"]`);
        if (cell) cell.textContent = fmt(v, 1);
      }),
    );
    const peak = `${clock(params.peakFromHour)}–${clock(params.peakToHour)}`;
    this.querySelector('output')!.value = describeFill(input, r, peak);
    return input;
  }
}

customElements.define('oc-fill-vs-pull', FillVsPull);
