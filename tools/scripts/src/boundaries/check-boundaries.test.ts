import { describe, expect, it } from 'vitest';
import { boundaryRules } from './boundary-rules.mjs';
import { checkBoundaries, type ProjectGraphLike } from './check-boundaries.mjs';

type Edge = [source: string, target: string];

function fakeGraph(projects: Record<string, string[]>, edges: Edge[]): ProjectGraphLike {
  const nodes = Object.fromEntries(
    Object.entries(projects).map(([name, tags]) => [
      name,
      { name, data: { root: `packages/${name}`, tags } },
    ]),
  );
  const dependencies: ProjectGraphLike['dependencies'] = {};
  for (const [source, target] of edges) {
    dependencies[source] = [...(dependencies[source] ?? []), { source, target, type: 'static' }];
  }
  const externalNodes = Object.fromEntries(
    edges
      .filter(([, target]) => target.startsWith('npm:'))
      .map(([, target]) => [target, { type: 'npm', name: target, data: { packageName: target.slice(4) } }]),
  );
  return { nodes, externalNodes, dependencies };
}

const projects = {
  loop: ['type:app'],
  'feature-pipeline': ['type:pipeline'],
  'training-pipeline': ['type:pipeline'],
  'feature-store': ['type:store'],
  'model-registry': ['type:store'],
  schema: ['type:util'],
  bench: ['type:tool'],
  models: ['type:util', 'scope:models'],
};

describe('checkBoundaries', () => {
  it('accepts the FTI shape: app → pipelines → stores → utils, tools → anything', () => {
    const graph = fakeGraph(projects, [
      ['loop', 'feature-pipeline'],
      ['loop', 'training-pipeline'],
      ['loop', 'feature-store'],
      ['feature-pipeline', 'feature-store'],
      ['training-pipeline', 'feature-store'],
      ['training-pipeline', 'model-registry'],
      ['training-pipeline', 'schema'],
      ['model-registry', 'feature-store'],
      ['feature-store', 'schema'],
      ['feature-store', 'npm:@duckdb/node-api'],
      ['bench', 'feature-store'],
      ['bench', 'loop'],
      ['models', 'npm:@tensorflow/tfjs-node'],
      ['schema', 'schema'],
    ]);
    expect(checkBoundaries(graph, boundaryRules)).toEqual([]);
  });

  it('rejects a pipeline importing another pipeline, naming both and the rule', () => {
    const graph = fakeGraph(projects, [['training-pipeline', 'feature-pipeline']]);
    const violations = checkBoundaries(graph, boundaryRules);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({
      kind: 'forbidden-dependency',
      project: 'training-pipeline',
      target: 'feature-pipeline',
    });
    expect(violations[0]?.message).toContain('type:pipeline may depend only on type:store, type:util');
    expect(violations[0]?.message).toContain('pipelines never import each other');
  });

  it('rejects upward edges: store → pipeline, util → store, anything → app or tool', () => {
    const graph = fakeGraph(projects, [
      ['feature-store', 'feature-pipeline'],
      ['schema', 'feature-store'],
      ['feature-pipeline', 'loop'],
      ['loop', 'bench'],
    ]);
    const edges = checkBoundaries(graph, boundaryRules).map((violation) => [
      violation.project,
      violation.target,
    ]);
    expect(edges).toEqual([
      ['loop', 'bench'],
      ['feature-pipeline', 'loop'],
      ['feature-store', 'feature-pipeline'],
      ['schema', 'feature-store'],
    ]);
  });

  it('bans @tensorflow/* outside projects tagged scope:models', () => {
    const graph = fakeGraph(projects, [
      ['training-pipeline', 'npm:@tensorflow/tfjs-node'],
      ['models', 'npm:@tensorflow/tfjs'],
      ['feature-store', 'npm:@tensorflowx/other'],
    ]);
    const violations = checkBoundaries(graph, boundaryRules);
    expect(violations.map((violation) => [violation.kind, violation.project, violation.target])).toEqual([
      ['banned-external', 'training-pipeline', '@tensorflow/tfjs-node'],
    ]);
    expect(violations[0]?.message).toContain('scope:models');
  });

  it('reports a project with no type tag, whatever its edges', () => {
    const graph = fakeGraph({ ...projects, stray: ['npm:public'] }, [['stray', 'feature-store']]);
    const violations = checkBoundaries(graph, boundaryRules);
    expect(violations).toEqual([expect.objectContaining({ kind: 'missing-type-tag', project: 'stray' })]);
    expect(violations[0]?.message).toContain('type:app, type:pipeline, type:store, type:util, type:tool');
  });

  it('applies every type tag a project carries (both must allow the edge)', () => {
    const graph = fakeGraph({ ...projects, hybrid: ['type:store', 'type:util'] }, [
      ['hybrid', 'model-registry'],
    ]);
    const violations = checkBoundaries(graph, boundaryRules);
    expect(violations.map((violation) => violation.message.split(':')[0])).toEqual(['`hybrid` (type']);
    expect(violations[0]?.message).toContain('type:util may depend only on type:util');
  });
});
