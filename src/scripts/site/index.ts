/**
 * The one module every page loads (Base.astro), the same file everywhere so that it is fetched once: the
 * site's custom elements, each a small enhancement of HTML that already works without it. Budget: 2 KB gzip
 * (tests/support/budgets.ts). The explorables and search keep their own scripts.
 */
import './style';
import './bar';
import './toc';
import './tips';
import './code';
import './scheme';
import './search';
