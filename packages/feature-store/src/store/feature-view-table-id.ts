import type { TableIdentifier } from '../catalog/catalog.js';
import type { FeatureView } from '../features/feature-view.js';

/** Namespace feature view tables live in unless told otherwise. */
export const FEATURES_NAMESPACE = 'features';

/** The table of a feature view version: `<namespace>.<view>_v<version>`, so a new version never rewrites history. */
export function featureViewTableId(view: FeatureView, namespace = FEATURES_NAMESPACE): TableIdentifier {
  return { namespace, name: `${view.name}_v${view.version}` };
}
