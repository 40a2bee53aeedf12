import type { FeatureView } from '../features/feature-view.js';

/** Where a view version's online data lives: `fti:<view>:v<version>`; entities add `:<key>`, the watermark `:#watermark`. */
export function viewKeyPrefix(view: FeatureView): string {
  return `fti:${view.name}:v${view.version}`;
}

/** Key suffix of a view's watermark; `#` never occurs in an entity key (it is URI-encoded). */
export const WATERMARK_SUFFIX = '#watermark';
