/**
 * @typedef {object} DepConstraint
 * @property {string} sourceTag Tag of the importing project, e.g. `type:pipeline`.
 * @property {string[]} onlyDependOnLibsWithTags Tags the imported project must carry one of; `*` allows any.
 * @property {string} why One sentence printed with a violation: what the rule protects and how to fix it.
 */

/**
 * @typedef {object} ExternalImportRule
 * @property {string} pattern npm package name, `*` matching any run of characters (`@tensorflow/*`).
 * @property {string} onlyInTag Only projects carrying this tag may import a matching package.
 */

/**
 * @typedef {object} BoundaryRules
 * @property {DepConstraint[]} depConstraints Which project types may import which (Nx depConstraints shape).
 * @property {ExternalImportRule[]} externalImports npm packages reserved to some projects.
 */

/**
 * The fti module boundaries: pipelines meet only in the stores, stores build on utils, tools may use anything.
 * @type {BoundaryRules}
 */
export const boundaryRules = {
  depConstraints: [
    {
      sourceTag: 'type:app',
      onlyDependOnLibsWithTags: ['type:pipeline', 'type:store', 'type:util'],
      why: 'apps are composition roots: they wire pipelines, stores and utils, and nothing imports an app',
    },
    {
      sourceTag: 'type:pipeline',
      onlyDependOnLibsWithTags: ['type:store', 'type:util'],
      why: 'pipelines never import each other, they meet in the feature store and model registry; move shared code into a store or util package',
    },
    {
      sourceTag: 'type:store',
      onlyDependOnLibsWithTags: ['type:store', 'type:util'],
      why: 'stores sit below the pipelines; a store that needs pipeline code has the dependency upside down',
    },
    {
      sourceTag: 'type:util',
      onlyDependOnLibsWithTags: ['type:util'],
      why: 'utils are leaves: they may use other utils only',
    },
    {
      sourceTag: 'type:tool',
      onlyDependOnLibsWithTags: ['*'],
      why: 'workspace tools (bench, datagen, scripts) may use any project, and no project may import a tool',
    },
  ],
  externalImports: [{ pattern: '@tensorflow/*', onlyInTag: 'scope:models' }],
};
