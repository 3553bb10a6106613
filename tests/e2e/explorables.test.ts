import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserTestsEnabled } from '../support/browser';
import { useSiteInBrowser } from '../support/site-in-browser';

/** Sets a control's value as a user would leave it, and fires the `input` event the element listens to. */
async function setValue(page: Page, selector: string, value: string): Promise<void> {
  await page.locator(selector).evaluate((el, v) => {
    (el as HTMLInputElement).value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

/**
 * The form of an explorable as the build rendered it, read with JavaScript off: each slider with the text of the
 * <label for> that names it, each radio button and checkbox with its label, and the preset buttons.
 */
function controlsOf(page: Page, fig: string) {
  return page.locator(`${fig} form`).evaluate((form: HTMLFormElement) => {
    const text = (e: Element | null | undefined) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    return {
      hidden: form.hidden,
      legends: [...form.querySelectorAll('legend')].map(text),
      sliders: [...form.querySelectorAll<HTMLInputElement>('input[type=range]')].map((i) => ({
        name: i.name,
        label: text(document.querySelector(`label[for="${i.id}"]`)),
        value: i.value,
      })),
      choices: [...form.querySelectorAll<HTMLInputElement>('input[type=radio], input[type=checkbox]')].map(
        (i) => `${i.name}=${i.value}: ${text(i.labels?.[0])}${i.checked ? ' (checked)' : ''}`,
      ),
      buttons: [...form.querySelectorAll('button')].map(text),
      pressed: [...form.querySelectorAll('button[aria-pressed=true]')].map(text),
      disabled: [...form.querySelectorAll<HTMLInputElement>('input:disabled')].map((i) => `${i.name}=${i.value}`),
      duplicateIds: ids.filter((id, n) => ids.indexOf(id) !== n),
    };
  });
}

describe.runIf(browserTestsEnabled('explorables'))('the two explorable figures in Chromium', () => {
  const site = useSiteInBrowser();

  /**
   * Opens a page in a context of its own that collects the page's console errors, script errors and failed
   * requests; `close()` asserts there were none and closes the context. Each test opens its own pages, so it
   * checks all of this whether it runs alone or with the others.
   */
  async function open(
    path: string,
    options: { javaScriptEnabled?: boolean; reducedMotion?: 'reduce' | 'no-preference' } = {},
  ): Promise<Page & { done(): Promise<void> }> {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${path}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
    page.on('requestfailed', (r) => errors.push(`${path}: request failed: ${r.url()}`));
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`${path}: HTTP ${r.status()} for ${r.url()}`);
    });
    await page.goto(`${site.url}${path}`);
    return Object.assign(page, {
      async done() {
        await context.close();
        expect(errors, 'console errors, script errors or failed requests').toEqual([]);
      },
    });
  }

  describe('serving budget (/workload/)', () => {
    const fig = '#serving-budget';
    const output = `${fig} output`;
    const memBar = `${fig} [data-b=mem]`;

    it('is complete without JavaScript: figure and result drawn, no controls that do nothing', async () => {
      const page = await open('workload/', { javaScriptEnabled: false });
      expect(await page.locator(`${fig} svg[role=img]`).count()).toBe(1);
      expect(await page.locator(output).textContent()).toContain(
        'At 90 Gb/s ÷ 8 bits = 11.25 GB/s, each byte crosses memory 4 times',
      );
      expect(await page.locator(`${fig} form`).isVisible()).toBe(false);
      expect(await page.locator(`${fig} input`).first().isVisible()).toBe(false);
      await page.done();
    });

    it('has its controls in the HTML from the build, hidden until the script binds to them', async () => {
      const page = await open('workload/', { javaScriptEnabled: false });
      const form = await controlsOf(page, fig);
      expect(form.hidden).toBe(true);
      expect(form.legends).toEqual(['Server', 'How data is sent', 'Encryption', 'Start from a published result']);
      expect(form.sliders).toEqual([
        { name: 'targetGbps', label: 'Target throughput: 90 Gb/s', value: '90' },
        { name: 'cores', label: 'CPU cores: 16 cores', value: '16' },
        { name: 'clockGHz', label: 'Clock speed: 2.6 GHz', value: '2.6' },
        { name: 'memBandwidthGBps', label: 'Memory bandwidth (nominal): 128 GB/s', value: '128' },
      ]);
      expect(form.choices).toEqual([
        'sendMode=readwrite: read() + write() through userspace',
        'sendMode=sendfile: sendfile() from the page cache (checked)',
        'tlsMode=none: No TLS',
        'tlsMode=userspace: TLS in userspace (e.g. OpenSSL)',
        'tlsMode=ktls-software: Kernel TLS, CPU encrypts (checked)',
        'tlsMode=ktls-nic: Kernel TLS, NIC encrypts (offload)',
      ]);
      expect(form.buttons).toEqual([
        'FOSDEM 2019 flash appliance',
        '2021 EPYC, software kTLS',
        '2021 EPYC, NIC kTLS offload',
        '2022 two EPYC, NIC kTLS offload',
      ]);
      // The build draws the FOSDEM appliance, so that preset is the one pressed.
      expect(form.pressed).toEqual(['FOSDEM 2019 flash appliance']);
      expect(form.disabled).toEqual([]);
      expect(form.duplicateIds).toEqual([]);
      await page.done();
    });

    it('re-runs the model when an input changes, and updates the figure and the announced result', async () => {
      const page = await open('workload/');
      await page.locator(`${fig} form:not([hidden])`).waitFor();
      expect(await page.locator(`${fig} form`).isVisible()).toBe(true);
      expect(await page.locator(output).getAttribute('aria-live')).toBe('polite');
      const before = {
        text: await page.locator(output).textContent(),
        width: await page.locator(memBar).getAttribute('width'),
      };

      await setValue(page, `${fig} input[name=targetGbps]`, '250');
      const after = await page.locator(output).textContent();
      expect(after).not.toBe(before.text);
      expect(after).toContain('At 250 Gb/s');
      expect(after).toContain('Too much: CPU limits this server to about 166 Gb/s.');
      expect(Number(await page.locator(memBar).getAttribute('width'))).toBeGreaterThan(Number(before.width));
      expect(await page.locator(`${fig} [data-b=cpu]`).getAttribute('class')).toBe('bar s2');
      expect(await page.locator(`${fig} label`, { hasText: 'Target throughput' }).textContent()).toContain('250 Gb/s');

      // A radio group by its label: NIC offload takes two crossings off every byte.
      await page.getByLabel('Kernel TLS, NIC encrypts (offload)').check();
      expect(await page.locator(`${fig} [data-c]`).textContent()).toBe('31.25 GB/s × 2 crossings = 62.5 GB/s');
      expect(await page.locator(output).textContent()).toContain('crosses memory 2 times');

      // A published starting point.
      await page.getByRole('button', { name: '2021 EPYC, software kTLS' }).click();
      expect(await page.locator(output).textContent()).toContain(
        'memory bandwidth limits this server to about 255 Gb/s',
      );
      await page.done();
    });

    it('never shows sendfile with TLS in userspace, labels its steps, and presses the preset it matches', async () => {
      const page = await open('workload/');
      await page.locator(`${fig} form:not([hidden])`).waitFor();
      const pressed = () => page.locator(`${fig} button[aria-pressed=true]`).allTextContents();
      expect(await pressed()).toEqual(['FOSDEM 2019 flash appliance']);
      expect(await page.locator(`${fig} svg text`, { hasText: '100% = all it has' }).count()).toBe(1);
      expect(await page.locator(`${fig} [data-m]`).textContent()).toBe('85% of 128 GB/s = 109 GB/s usable');

      await page.getByLabel('TLS in userspace (e.g. OpenSSL)').check();
      const sendfile = page.locator(`${fig} input[name=sendMode][value=sendfile]`);
      expect(await sendfile.isDisabled()).toBe(true);
      expect(await page.locator(`${fig} input[name=sendMode][value=readwrite]`).isChecked()).toBe(true);
      expect(await page.locator(output).textContent()).toContain('read() and write(), not sendfile()');
      expect(await page.locator(output).textContent()).toContain('crosses memory 8 times');
      expect(await pressed()).toEqual([]);

      await page.getByLabel('Kernel TLS, CPU encrypts').check();
      expect(await sendfile.isDisabled()).toBe(false);

      await page.getByRole('button', { name: '2021 EPYC, NIC kTLS offload' }).click();
      expect(await pressed()).toEqual(['2021 EPYC, NIC kTLS offload']);
      expect(await sendfile.isChecked()).toBe(true);
      // The preset's published result beside the model's.
      expect(await page.locator(`${fig} [data-compare]`).textContent()).toBe(
        'Published: about 380 Gb/s (190 Gb/s per NIC); 375 Gb/s at 53% CPU, measured again in 2022. Model: CPU 59% at 375 Gb/s; limit 510 Gb/s (memory).',
      );

      await setValue(page, `${fig} input[name=cores]`, '1');
      expect(await page.locator(`${fig} label`, { hasText: 'CPU cores' }).textContent()).toContain('CPU cores: 1 core');
      expect(await page.locator(output).textContent()).toContain('(1 core at 2.5 GHz)');
      expect(await pressed()).toEqual([]);
      await page.done();
    });

    it('works by keyboard', async () => {
      const page = await open('workload/');
      const slider = page.locator(`${fig} input[name=targetGbps]`);
      await slider.focus();
      await page.keyboard.press('ArrowRight');
      expect(await page.locator(output).textContent()).toContain('At 91 Gb/s');
      expect(await slider.getAttribute('aria-valuetext')).toBe('91 Gb/s');
      await page.done();
    });

    it('animates bars only when motion is welcome', async () => {
      const reduced = await open('workload/', { reducedMotion: 'reduce' });
      expect(await reduced.locator(memBar).evaluate((el) => getComputedStyle(el).transitionDuration)).toBe('0s');
      await reduced.done();
      const moving = await open('workload/', { reducedMotion: 'no-preference' });
      expect(await moving.locator(memBar).evaluate((el) => getComputedStyle(el).transitionDuration)).not.toBe('0s');
      await moving.done();
    });
  });

  describe('merge cycles (/upstreaming/)', () => {
    const fig = '#merge-cycles';
    const output = `${fig} output`;

    it('is complete without JavaScript', async () => {
      const page = await open('upstreaming/', { javaScriptEnabled: false });
      expect(await page.locator(output).textContent()).toContain('Virtuous cycle');
      expect(await page.locator(`${fig} [data-d=done]`).getAttribute('d')).toMatch(/^M/);
      expect(await page.locator(`${fig} form`).isVisible()).toBe(false);
      await page.done();
    });

    it('has its controls in the HTML from the build, hidden until the script binds to them', async () => {
      const page = await open('upstreaming/', { javaScriptEnabled: false });
      const form = await controlsOf(page, fig);
      expect(form.hidden).toBe(true);
      expect(form.legends).toEqual(['How a team merges', 'Putting merges off', 'Try a scenario']);
      expect(form.sliders).toEqual([
        { name: 'mergeIntervalWeeks', label: 'Merge from upstream every: 4 weeks', value: '4' },
        { name: 'upstreamChangeRate', label: 'Upstream changes: 50 per week', value: '50' },
        { name: 'localChangeRate', label: 'Local changes: 5 per week', value: '5' },
        { name: 'deferThreshold', label: 'Put off a merge if it costs more than: 15 effort units', value: '15' },
      ]);
      expect(form.choices).toEqual(['deferral=on: Put off merges that look expensive']);
      expect(form.buttons).toEqual([
        'Every week',
        'Every 4 weeks',
        'Every 13 weeks',
        'Every 52 weeks',
        'Every 4 weeks, putting off merges above 15',
      ]);
      expect(form.pressed).toEqual(['Every 4 weeks']);
      // Nothing is put off by default, so the threshold has no say.
      expect(form.disabled).toEqual(['deferThreshold=15']);
      expect(form.duplicateIds).toEqual([]);
      await page.done();
    });

    it('redraws the merges when the interval changes, and shows the vicious cycle when merges are put off', async () => {
      const page = await open('upstreaming/');
      await page.locator(`${fig} form:not([hidden])`).waitFor();
      const done = page.locator(`${fig} [data-d=done]`);
      const before = { d: await done.getAttribute('d'), text: await page.locator(output).textContent() };

      await setValue(page, `${fig} input[name=mergeIntervalWeeks]`, '13');
      expect(await done.getAttribute('d')).not.toBe(before.d);
      expect(await page.locator(output).textContent()).toContain('Merging every 13 weeks');

      await setValue(page, `${fig} input[name=mergeIntervalWeeks]`, '4');
      await page.getByLabel('Put off merges that look expensive').check();
      expect(await page.locator(`${fig} [data-d=deferred]`).getAttribute('d')).toMatch(/^M/);
      expect(await page.locator(output).textContent()).toContain('Vicious cycle');
      await page.done();
    });

    it('keeps the threshold off while nothing is put off, and shows each preset on one fixed scale', async () => {
      const page = await open('upstreaming/');
      await page.locator(`${fig} form:not([hidden])`).waitFor();
      const threshold = page.locator(`${fig} input[name=deferThreshold]`);
      const box = page.getByLabel('Put off merges that look expensive');
      const ticks = () => page.locator(`${fig} svg text.e`).allTextContents();
      const pressed = () => page.locator(`${fig} button[aria-pressed=true]`).allTextContents();
      const axis = await ticks();
      expect(await threshold.isDisabled()).toBe(true);
      await box.check();
      expect(await threshold.isDisabled()).toBe(false);
      expect(await pressed()).toEqual(['Every 4 weeks, putting off merges above 15']);
      expect(await page.locator(`${fig} [data-t]`).getAttribute('visibility')).toBe('visible');
      await box.uncheck();
      expect(await threshold.isDisabled()).toBe(true);
      expect(await page.locator(`${fig} [data-t]`).getAttribute('visibility')).toBe('hidden');

      await page.getByRole('button', { name: 'Every 52 weeks' }).click();
      expect(await pressed()).toEqual(['Every 52 weeks']);
      const yearly = await page.locator(output).textContent();
      expect(yearly).not.toContain('Virtuous');
      expect(yearly).toContain('Merges this far apart are large');
      expect(await ticks()).toEqual(axis);

      await page.getByRole('button', { name: 'Every week', exact: true }).click();
      expect(await pressed()).toEqual(['Every week']);
      expect(await page.locator(output).textContent()).toContain('Virtuous cycle');
      expect(await page.locator(`${fig} label`, { hasText: 'Merge from upstream every' }).textContent()).toContain(
        'every: 1 week',
      );
      expect(await ticks()).toEqual(axis);
      await setValue(page, `${fig} input[name=localChangeRate]`, '6');
      expect(await pressed()).toEqual([]);
      await page.done();
    });

    it('works by keyboard', async () => {
      const page = await open('upstreaming/');
      const slider = page.locator(`${fig} input[name=mergeIntervalWeeks]`);
      await slider.focus();
      await page.keyboard.press('ArrowRight');
      expect(await page.locator(output).textContent()).toContain('Merging every 5 weeks');
      await page.done();
    });
  });

  it('leaves both figures static on the one-page edition: no form, no script', async () => {
    const page = await open('all/', { javaScriptEnabled: false });
    // There each figure's id is prefixed with its chapter's.
    const figures = page.locator('figure[id$="-serving-budget"], figure[id$="-merge-cycles"]');
    expect(await figures.locator('svg[role=img]').count()).toBe(2);
    expect(await figures.locator('form, input').count()).toBe(0);
    expect(await page.locator('script[src]').count()).toBe(0);
    await page.done();
  });
});
