import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import { ContentError } from './errors';

/** Reads every file with one of `exts` in `dir`, sorted by name so that output never depends on the disk. */
export function listFiles(dir: string, exts: string[]): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => exts.some((ext) => name.endsWith(ext)))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Offset of the first comma that only whitespace separates from a closing ] or }, outside strings. */
function trailingComma(text: string): number | undefined {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === ',' && /^\s*[\]}]/.test(text.slice(i + 1, i + 200))) return i;
  }
  return undefined;
}

/**
 * Parses a YAML or JSON file holding a list of records and validates each record with `schema`.
 * JSON is parsed as YAML (a superset) so that a bad record can be reported with its line number.
 */
export function readRecords<T>(file: string, schema: z.ZodType<T>, label: (raw: unknown) => string): T[] {
  const text = fs.readFileSync(file, 'utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
  const firstError = doc.errors[0];
  if (firstError) {
    throw new ContentError(
      file,
      lineAt(firstError.pos[0]),
      `not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${firstError.message.split('\n')[0]}`,
    );
  }
  if (file.endsWith('.json')) {
    // YAML, a superset, forgives what JSON does not (a trailing comma): hold JSON files to JSON.
    const comma = trailingComma(text);
    if (comma !== undefined)
      throw new ContentError(
        file,
        lineAt(comma),
        'not valid JSON: a comma before a closing bracket or brace; remove it',
      );
    try {
      JSON.parse(text);
    } catch (error) {
      throw new ContentError(file, undefined, `not valid JSON: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  const data: unknown = doc.toJS();
  if (!Array.isArray(data)) throw new ContentError(file, 1, 'expected a list of entries at the top level');
  return data.map((raw, index) => {
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    const issue = result.error.issues[0]!;
    const at = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    // An unknown field (a typo such as "URl") points at that field, not at the whole entry.
    const unknown = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const fieldPath = [index, ...at, ...(unknown === undefined ? [] : [unknown])];
    // Point at the offending field if it exists, else at the entry that lacks it.
    const node = doc.getIn(fieldPath, true) ?? doc.getIn([index], true);
    const line = isNode(node) ? lineAt(node.range?.[0]) : undefined;
    const field = [...at, ...(unknown === undefined ? [] : [unknown])].join('.') || '(entry)';
    if (unknown !== undefined)
      throw new ContentError(
        file,
        line,
        `${label(raw)}: field "${field}" is not a field of this kind of entry (a typo?)`,
      );
    // The message names the bad value (see src/schemas/zod.ts).
    throw new ContentError(file, line, `${label(raw)}: field "${field}": ${issue.message}`);
  });
}
