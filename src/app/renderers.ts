import type { RendererRegistry } from '../delivery/render.js';
import type { AppCore } from './create-core.js';

/** The renderers the app adds to delivery's own (item, story update, notice, rollup): the digest's. */
export function createRenderers(core: Pick<AppCore, 'digests'>): RendererRegistry {
  return { digest: core.digests.renderDigestRow };
}
