/**
 * Checks JSON-LD against the schema.org definitions of the types and properties the guide uses. schema.org
 * has no official offline validator, so this encodes, for each property we emit, the types that schema.org
 * lists as its domain ("used on these types", here with inheritance) and as its range ("values expected to
 * be one of these types"), from https://schema.org/TechArticle, /BreadcrumbList, /ListItem, /WebSite,
 * /Organization, /Person, /CreativeWork and /Thing. Anything else (an unknown type or property, a relative
 * URL, a date that is not ISO 8601) is reported. It also checks what Google requires of a BreadcrumbList.
 */

/** Each type and its parent in schema.org's hierarchy. */
const PARENT: Record<string, string | undefined> = {
  Thing: undefined,
  CreativeWork: 'Thing',
  Article: 'CreativeWork',
  TechArticle: 'Article',
  WebSite: 'CreativeWork',
  Organization: 'Thing',
  Person: 'Thing',
  Intangible: 'Thing',
  ItemList: 'Intangible',
  BreadcrumbList: 'ItemList',
  ListItem: 'Intangible',
};

type Range = 'Text' | 'URL' | 'Date' | 'Integer' | string;

/** Property → [type it belongs to, what its values may be]. */
const PROPERTIES: Record<string, [string, Range[]]> = {
  name: ['Thing', ['Text']],
  description: ['Thing', ['Text']],
  url: ['Thing', ['URL']],
  image: ['Thing', ['URL', 'ImageObject']],
  headline: ['CreativeWork', ['Text']],
  inLanguage: ['CreativeWork', ['Text', 'Language']],
  dateModified: ['CreativeWork', ['Date', 'DateTime']],
  datePublished: ['CreativeWork', ['Date', 'DateTime']],
  isPartOf: ['CreativeWork', ['CreativeWork', 'URL']],
  author: ['CreativeWork', ['Organization', 'Person']],
  publisher: ['CreativeWork', ['Organization', 'Person']],
  about: ['CreativeWork', ['Thing']],
  mainEntityOfPage: ['Thing', ['CreativeWork', 'URL']],
  itemListElement: ['ItemList', ['ListItem', 'Text', 'Thing']],
  position: ['ListItem', ['Integer', 'Text']],
  item: ['ListItem', ['Thing', 'URL']],
};

const isA = (type: string, ancestor: string): boolean =>
  type === ancestor || (PARENT[type] !== undefined && isA(PARENT[type]!, ancestor));

function isAbsoluteUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

function matches(value: unknown, range: Range): boolean {
  switch (range) {
    case 'Text':
    case 'Language':
      return typeof value === 'string' && value.trim() !== '';
    case 'URL':
      return isAbsoluteUrl(value);
    case 'Date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
    case 'DateTime':
      return (
        typeof value === 'string' &&
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
        !Number.isNaN(Date.parse(value))
      );
    case 'Integer':
      return Number.isInteger(value);
    default: {
      const type = (value as { '@type'?: unknown } | null)?.['@type'];
      return typeof type === 'string' && type in PARENT && isA(type, range);
    }
  }
}

function checkNode(node: unknown, where: string, problems: string[]) {
  if (typeof node !== 'object' || node === null || Array.isArray(node))
    return void problems.push(`${where}: not an object`);
  const type = (node as Record<string, unknown>)['@type'];
  if (typeof type !== 'string' || !(type in PARENT))
    return void problems.push(`${where}: unknown @type ${JSON.stringify(type)}`);
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('@')) continue;
    const def = PROPERTIES[key];
    if (!def) {
      problems.push(`${where}.${key}: not a property this check knows`);
      continue;
    }
    const [domain, ranges] = def;
    if (!isA(type, domain)) problems.push(`${where}.${key}: not a property of ${type} (it belongs to ${domain})`);
    for (const [i, v] of (Array.isArray(value) ? value : [value]).entries()) {
      const at = Array.isArray(value) ? `${where}.${key}[${i}]` : `${where}.${key}`;
      if (!ranges.some((r) => matches(v, r)))
        problems.push(`${at}: ${JSON.stringify(v)} is none of ${ranges.join(', ')}`);
      if (typeof v === 'object' && v !== null) checkNode(v, at, problems);
    }
  }
}

/** Type-specific requirements: what a TechArticle and a BreadcrumbList must carry to be useful. */
function checkRequired(node: Record<string, unknown>, where: string, problems: string[]) {
  const type = node['@type'];
  if (type === 'TechArticle') {
    for (const key of ['headline', 'description', 'url', 'inLanguage', 'isPartOf', 'author', 'publisher', 'image']) {
      if (node[key] === undefined) problems.push(`${where}: TechArticle lacks ${key}`);
    }
    if (typeof node['headline'] === 'string' && node['headline'].length > 110)
      problems.push(`${where}: headline longer than 110 characters`);
  }
  if (type === 'BreadcrumbList') {
    const items = node['itemListElement'];
    if (!Array.isArray(items) || items.length === 0)
      return void problems.push(`${where}: BreadcrumbList without itemListElement`);
    items.forEach((item: Record<string, unknown>, i) => {
      if (item['position'] !== i + 1)
        problems.push(`${where}.itemListElement[${i}]: position ${String(item['position'])}, expected ${i + 1}`);
      if (!item['name']) problems.push(`${where}.itemListElement[${i}]: no name`);
      if (!isAbsoluteUrl(item['item'])) problems.push(`${where}.itemListElement[${i}]: item is not an absolute URL`);
    });
  }
}

/** Problems with a JSON-LD document (empty when it is valid). Expects @context schema.org and a @graph or one node. */
export function schemaOrgProblems(doc: unknown): string[] {
  const problems: string[] = [];
  const root = doc as Record<string, unknown>;
  if (root?.['@context'] !== 'https://schema.org')
    problems.push(`@context is ${JSON.stringify(root?.['@context'])}, expected "https://schema.org"`);
  const nodes = Array.isArray(root?.['@graph']) ? (root['@graph'] as Record<string, unknown>[]) : [root];
  nodes.forEach((node, i) => {
    const where = `@graph[${i}]`;
    checkNode(node, where, problems);
    checkRequired(node, where, problems);
  });
  return problems;
}

/** The @types at the top of a document, e.g. ["TechArticle", "BreadcrumbList"]. */
export function topTypes(doc: unknown): string[] {
  const root = doc as Record<string, unknown>;
  const nodes = Array.isArray(root?.['@graph']) ? (root['@graph'] as Record<string, unknown>[]) : [root];
  return nodes.map((n) => String(n['@type']));
}
