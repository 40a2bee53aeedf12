import { checkExternalImport } from './check-external-import.mjs';

/**
 * @typedef {import('./boundary-rules.mjs').BoundaryRules} BoundaryRules
 * @typedef {{ name: string, type?: string, data: { root: string, tags?: string[] } }} GraphProject
 * @typedef {{ type?: string, name?: string, data?: { packageName?: string } }} GraphExternal
 * @typedef {{ source: string, target: string, type?: string }} GraphDependency
 * @typedef {object} ProjectGraphLike The part of Nx's `ProjectGraph` the check reads.
 * @property {Record<string, GraphProject>} nodes Workspace projects by name.
 * @property {Record<string, GraphExternal>} [externalNodes] npm packages by node name (`npm:<package>`).
 * @property {Record<string, GraphDependency[]>} dependencies Edges by source project.
 */

/**
 * @typedef {object} Violation
 * @property {'missing-type-tag' | 'forbidden-dependency' | 'banned-external' | 'deep-import' | 'relative-escape'} kind
 * @property {string} project The project at fault.
 * @property {string} [target] The project or package it must not import.
 * @property {string} [file] The source file, for violations found by scanning sources.
 * @property {string} message What is wrong and what to do about it.
 */

/**
 * Checks every project-to-project and project-to-npm edge of an Nx project graph against the boundary rules.
 * Pure: the caller loads the graph (see `check-boundaries.mjs` at the top of `src/`).
 * @param {ProjectGraphLike} graph
 * @param {BoundaryRules} rules
 * @returns {Violation[]} Empty when every edge is allowed.
 */
export function checkBoundaries(graph, rules) {
  /** @type {Violation[]} */
  const violations = [];
  const knownTypes = rules.depConstraints.map((constraint) => constraint.sourceTag);
  for (const [name, node] of Object.entries(graph.nodes)) {
    const tags = node.data.tags ?? [];
    const constraints = rules.depConstraints.filter((constraint) => tags.includes(constraint.sourceTag));
    if (constraints.length === 0) {
      violations.push({
        kind: 'missing-type-tag',
        project: name,
        message: `\`${name}\` (${node.data.root}) has none of the tags ${knownTypes.join(', ')}; add one to "nx": { "tags": [...] } in its package.json`,
      });
    }
    for (const dependency of graph.dependencies[name] ?? []) {
      const target = dependency.target;
      if (target === name) continue;
      const targetNode = graph.nodes[target];
      if (targetNode) {
        const targetTags = targetNode.data.tags ?? [];
        for (const constraint of constraints) {
          const allowed = constraint.onlyDependOnLibsWithTags;
          if (allowed.includes('*') || allowed.some((tag) => targetTags.includes(tag))) continue;
          violations.push({
            kind: 'forbidden-dependency',
            project: name,
            target,
            message: `\`${name}\` (${constraint.sourceTag}) imports \`${target}\` (${describeTags(targetTags)}): ${constraint.sourceTag} may depend only on ${allowed.join(', ')}; ${constraint.why}`,
          });
        }
        continue;
      }
      const external = graph.externalNodes?.[target];
      const packageName = external?.data?.packageName ?? target.replace(/^npm:/, '');
      violations.push(...checkExternalImport({ project: name, tags, packageName, rules }));
    }
  }
  return violations;
}

/** @param {string[]} tags */
function describeTags(tags) {
  const own = tags.filter((tag) => !tag.startsWith('npm:'));
  return own.length > 0 ? own.join(', ') : 'no tags';
}
