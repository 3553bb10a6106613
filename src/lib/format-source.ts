import type { Source } from '../schemas/source';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Looney J", "Netflix": names as the numbered (Vancouver) style writes them. */
export function formatAuthors(source: Source): string {
  const names = (source.author ?? []).map((a) =>
    'literal' in a
      ? a.literal
      : `${a.family}${
          a.given
            ? ` ${a.given
                .split(/[\s-]+/)
                .map((g) => g[0])
                .join('')}`
            : ''
        }`,
  );
  return names.join(', ');
}

/** "2019", "Feb 2019" or "2 Feb 2019"; "n.d." when the source carries no date. */
export function formatIssued(source: Source): string {
  const issued = source.issued;
  if ('literal' in issued) return issued.literal;
  const [y, m, d] = issued['date-parts'][0] ?? [];
  if (y === undefined) return 'n.d.';
  if (m === undefined) return String(y);
  const month = MONTHS[m - 1] ?? '';
  return d === undefined ? `${month} ${y}` : `${d} ${month} ${y}`;
}

/** The year alone, for sorting and for "cite this page". */
export function issuedYear(source: Source): number | undefined {
  return 'date-parts' in source.issued ? source.issued['date-parts'][0]?.[0] : undefined;
}

/** Where the source appeared: the conference, site or publisher. */
export function formatVenue(source: Source): string {
  return source['event-title'] ?? source['container-title'] ?? source.publisher ?? '';
}
