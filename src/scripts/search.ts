import { pageHit, type PagefindPage, type Segment } from '../lib/search-results';

/** The part of Pagefind's JS API that we call (pagefind.js, written next to the index at build time). */
interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: { id: string; data(): Promise<PagefindPage> }[] } | null>;
}

const MAX_RESULTS = 12;

/**
 * <guide-search>: the search page's form, live. The server renders a plain GET form and an index of every
 * chapter and term, which is the whole page without JavaScript. This element loads Pagefind, runs the query
 * in the URL (?q=…) and runs it again as the reader types, listing the pages that match and, under each, the
 * sections that matched, linked by their anchor. Arrow keys move from the field through the results; Enter
 * opens one, as on any link.
 */
class GuideSearch extends HTMLElement {
  #pagefind: Promise<Pagefind> | undefined;
  #run = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  get #input() {
    return this.querySelector<HTMLInputElement>('input[name="q"]')!;
  }
  get #results() {
    return this.querySelector<HTMLOListElement>('[data-results]')!;
  }
  get #status() {
    return this.querySelector<HTMLElement>('[data-status]')!;
  }

  connectedCallback() {
    const form = this.querySelector('form')!;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.search(this.#input.value);
    });
    this.#input.addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => void this.search(this.#input.value), 120);
    });
    this.addEventListener('keydown', (event) => this.#onKey(event));
    const query = new URL(location.href).searchParams.get('q') ?? '';
    this.#input.value = query;
    if (query.trim()) void this.search(query);
  }

  #load(): Promise<Pagefind> {
    this.#pagefind ??= (async () => {
      const bundle = this.dataset['bundle']!;
      // The index is written after the site is built, so it cannot be bundled: load it from where it lies.
      const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
      await pagefind.options({ baseUrl: this.dataset['base']!, excerptLength: 24 });
      await pagefind.init();
      return pagefind;
    })();
    return this.#pagefind;
  }

  async search(raw: string) {
    const run = ++this.#run;
    const query = raw.trim();
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    if (!query) {
      this.#results.replaceChildren();
      this.#status.textContent = '';
      return;
    }
    let pagefind: Pagefind;
    try {
      pagefind = await this.#load();
    } catch {
      this.#status.textContent = 'Search could not load. Browse every chapter and term below.';
      return;
    }
    const found = await pagefind.search(query);
    const pages = await Promise.all((found?.results ?? []).slice(0, MAX_RESULTS).map((r) => r.data()));
    if (run !== this.#run) return; // a newer query has started
    this.#results.replaceChildren(...pages.map((page) => this.#item(page)));
    const count = found?.results.length ?? 0;
    this.#status.textContent =
      count === 0
        ? `No page matches “${query}”. Try fewer or other words, or browse every chapter and term below.`
        : `${count} ${count === 1 ? 'page matches' : 'pages match'} “${query}”${count > MAX_RESULTS ? `; the first ${MAX_RESULTS} are shown` : ''}.`;
  }

  #item(page: PagefindPage): HTMLLIElement {
    const hit = pageHit(page);
    const li = document.createElement('li');
    li.append(link(hit.url, hit.title, 'search-page'), paragraph(hit.excerpt));
    if (hit.sections.length > 0) {
      const list = document.createElement('ul');
      for (const section of hit.sections) {
        const item = document.createElement('li');
        item.append(link(section.url, section.title, 'search-section'), paragraph(section.excerpt));
        list.append(item);
      }
      li.append(list);
    }
    return li;
  }

  #links(): HTMLAnchorElement[] {
    return [...this.#results.querySelectorAll<HTMLAnchorElement>('a[href]')];
  }

  #onKey(event: KeyboardEvent) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = this.#links();
    if (links.length === 0) return;
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    const onInput = document.activeElement === this.#input;
    if (!onInput && at === -1) return;
    event.preventDefault();
    if (event.key === 'ArrowDown') links[onInput ? 0 : Math.min(at + 1, links.length - 1)]!.focus();
    else if (at <= 0) this.#input.focus();
    else links[at - 1]!.focus();
  }
}

function link(href: string, text: string, className: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.className = className;
  a.textContent = text;
  return a;
}

/** The excerpt as text nodes and <mark>s: nothing from the index is ever parsed as HTML. */
function paragraph(segments: Segment[]): HTMLParagraphElement {
  const p = document.createElement('p');
  for (const s of segments) {
    if (!s.mark) {
      p.append(s.text);
      continue;
    }
    const mark = document.createElement('mark');
    mark.textContent = s.text;
    p.append(mark);
  }
  return p;
}

customElements.define('guide-search', GuideSearch);
