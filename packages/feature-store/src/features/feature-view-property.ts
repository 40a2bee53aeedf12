/** Table property under which a feature view's table stores its serialized definition. */
export const FEATURE_VIEW_PROPERTY = 'fti.feature-view';
