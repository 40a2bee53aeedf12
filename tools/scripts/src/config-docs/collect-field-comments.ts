import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** The JSDoc of one field of a zod object literal in the sources. */
export interface FieldComment {
  /** The field's key, e.g. `warehouse`. */
  name: string;
  /** The key or constant the object literal belongs to (`dataset`, `FeaturePipelineConfigSchema`). */
  owner: string | undefined;
  /** The comment's text, on one line; empty when the field has none. */
  text: string;
}

/**
 * JSDoc comments of the fields of every object literal passed to a call (`z.object({ ... })`,
 * `.extend({ ... })`) in the non-test TypeScript files under `folders`. zod never sees these comments;
 * the config reference falls back on them for fields without a `.describe()`.
 */
export function collectFieldComments(folders: string[]): FieldComment[] {
  return folders.flatMap((folder) => {
    const comments = parsedFolders.get(folder) ?? listSources(folder).flatMap((file) => commentsOf(file));
    parsedFolders.set(folder, comments);
    return comments;
  });
}

/** Folders already parsed in this process (a generation reads job-storage's sources for several schemas). */
const parsedFolders = new Map<string, FieldComment[]>();

function listSources(folder: string): string[] {
  return (fs.readdirSync(folder, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
    .map((file) => path.join(folder, file));
}

function commentsOf(file: string): FieldComment[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: FieldComment[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isPropertyAssignment(node) &&
      ts.isObjectLiteralExpression(node.parent) &&
      ts.isCallExpression(node.parent.parent)
    ) {
      const name = propertyName(node.name);
      if (name) found.push({ name, owner: ownerOf(node.parent.parent), text: jsDocText(node) ?? '' });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function jsDocText(node: ts.Node): string | undefined {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const text = docs
    .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text || undefined;
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

/** Climbs a call chain (`z.object({...}).optional().default(...)`) to the key or constant it is bound to. */
function ownerOf(call: ts.Node): string | undefined {
  let node: ts.Node = call;
  while (
    ts.isCallExpression(node.parent) ||
    ts.isPropertyAccessExpression(node.parent) ||
    ts.isParenthesizedExpression(node.parent) ||
    ts.isArrayLiteralExpression(node.parent)
  )
    node = node.parent;
  const parent = node.parent;
  if (ts.isPropertyAssignment(parent)) return propertyName(parent.name);
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return undefined;
}

/**
 * The comment of field `name` under `owner`: the comment of that key where that owner (a key or a
 * `<Owner>...Schema` constant) declares it, else the comment every declaration of that key shares; none
 * when declarations differ or lack one (better no text than a wrong one).
 */
export function findFieldComment(
  comments: FieldComment[],
  name: string,
  owner: string | undefined,
): string | undefined {
  const named = comments.filter((comment) => comment.name === name);
  // `engine` is owned by the key `engine` or by a constant named like it (`EngineConfigSchema`).
  const owns = (candidate: string | undefined) =>
    owner !== undefined &&
    candidate !== undefined &&
    (candidate === owner ||
      (candidate.toLowerCase().startsWith(owner.toLowerCase()) && candidate.endsWith('Schema')));
  const owned = named.filter((comment) => owns(comment.owner));
  const texts = new Set((owned.length > 0 ? owned : named).map((comment) => comment.text));
  return texts.size === 1 ? [...texts][0] || undefined : undefined;
}
