import { z } from '../schemas/zod';
import { ContentError } from '../lib/errors';
import { contentDir } from '../lib/content-dir';
import { dataFile, defineFigure, idField } from './define';

/**
 * The two kinds of deployment (DeploymentTypes.astro): appliances embedded in an ISP's network, and Netflix's
 * own appliances at an exchange point reached by peering, with what each side provides. The words and their
 * evidence come from content/figures/deployment-types.yaml; the drawing is fixed in the component.
 */

/** The labelled parts the diagram draws, in reading order: the embedded panel, then the exchange panel. */
const DEPLOYMENT_PARTS = [
  'embedded',
  'customers',
  'isp-router',
  'bgp',
  'video',
  'isp-embedded',
  'fallback',
  'exchange',
  'netflix-site',
  'peering',
  'isp-exchange',
  'netflix-gives',
] as const;
type DeploymentPart = (typeof DEPLOYMENT_PARTS)[number];

const deploymentData = dataFile(
  'deployment-types',
  ({ cite }) =>
    z.strictObject({
      id: idField,
      label: z.string().min(1).max(40),
      detail: z.string().min(1).max(160),
      cite,
    }),
  (parts, file) => {
    const ids = new Set(parts.map((p) => p.id));
    for (const id of DEPLOYMENT_PARTS)
      if (!ids.has(id))
        throw new ContentError(
          file,
          undefined,
          `no entry with id "${id}"; the diagram needs entries ${DEPLOYMENT_PARTS.map((i) => `"${i}"`).join(', ')}`,
        );
    for (const p of parts)
      if (!(DEPLOYMENT_PARTS as readonly string[]).includes(p.id))
        throw new ContentError(
          file,
          undefined,
          `entry "${p.id}" is not a part the diagram draws; it draws ${DEPLOYMENT_PARTS.join(', ')}`,
        );
  },
);

type Part = ReturnType<typeof deploymentData.load>[number];

/** The labelled parts by id, and in the diagram's reading order. */
export function loadDeploymentTypes(dir = contentDir()): { byId: Record<DeploymentPart, Part>; ordered: Part[] } {
  const byId = Object.fromEntries(deploymentData.load(dir).map((p) => [p.id, p])) as Record<DeploymentPart, Part>;
  return { byId, ordered: DEPLOYMENT_PARTS.map((id) => byId[id]) };
}

export default defineFigure({
  component: 'DeploymentTypes',
  load: deploymentData.load,
  cites: (_view, dir) => deploymentData.load(dir).map((r) => r.cite),
});
