/**
 * The same guide as an Astro Starlight site, for a side-by-side benchmark: a throwaway project whose
 * src/content/docs holds our chapters as plain Markdown. What only our pipeline understands is reduced to
 * text: `:term[kTLS]{id=ktls}` becomes "kTLS", citations `[@key]` are dropped, and MDX imports and
 * components are removed. Everything else (Starlight's sidebar, search, CSS and scripts) is Starlight's default.
 *
 * The project lives under this repository's .tmp/ so that it resolves astro and @astrojs/starlight from our
 * node_modules.
 */
import fs from 'node:fs';
import path from 'node:path';
import { field, readChapters } from './synthetic.ts';

/** Our MDX body as Markdown that any Markdown processor renders. */
export function toPlainMarkdown(body: string): string {
  return body
    .replace(/^import\s[\s\S]*?from\s*['"][^'"]+['"];?\s*$/gm, '')
    .replace(/^export\s+const\s[^\n]*$/gm, '')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
    .replace(/<([A-Z][\w.]*)\b[^>]*?\/>/gs, '')
    .replace(/<([A-Z][\w.]*)\b[^>]*>[\s\S]*?<\/\1>/g, '')
    .replace(/:term\[([^\]]+)\](\{[^}]*\})?/g, '$1')
    .replace(/\s?\[(@[\w:.#$%&+?<>~/-]+(;\s*)?)+\]/g, '');
}

/** Writes the Starlight project for the chapters of `contentDir` into `projectDir`. */
export function makeStarlightProject(contentDir: string, projectDir: string, title: string): void {
  fs.rmSync(projectDir, { recursive: true, force: true });
  const docs = path.join(projectDir, 'src/content/docs');
  fs.mkdirSync(docs, { recursive: true });
  // The dependencies are listed (not installed: they resolve from ../node_modules) because Astro reads them
  // from package.json to decide which packages Vite must bundle rather than leave to Node.
  const pkg = {
    name: 'bench-starlight',
    private: true,
    type: 'module',
    dependencies: { astro: '*', '@astrojs/starlight': '*' },
  };
  fs.writeFileSync(path.join(projectDir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  fs.writeFileSync(
    path.join(projectDir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\n\nexport default defineConfig({\n  site: 'http://127.0.0.1:4321',\n  integrations: [starlight({ title: ${JSON.stringify(title)} })],\n});\n`,
  );
  fs.writeFileSync(
    path.join(projectDir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\n\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n`,
  );
  for (const chapter of readChapters(path.join(contentDir, 'chapters'))) {
    const order = Number(field(chapter.frontmatter, 'order') ?? 0);
    const label = field(chapter.frontmatter, 'navTitle');
    const frontmatter = [
      `title: ${JSON.stringify(field(chapter.frontmatter, 'title') ?? chapter.file)}`,
      `description: ${JSON.stringify(field(chapter.frontmatter, 'description') ?? '')}`,
      `sidebar:`,
      `  order: ${order}`,
      ...(label ? [`  label: ${JSON.stringify(label)}`] : []),
    ].join('\n');
    const target = path.join(docs, chapter.file.replace(/\.mdx$/, '.md'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, `---\n${frontmatter}\n---\n${toPlainMarkdown(chapter.body)}`);
  }
}
