import { z } from 'zod';

/** A model name: letters, digits, `.`, `_`, `-`, starting with a letter or digit, at most 100 characters. */
export const ModelNameSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/,
    'use letters, digits, `.`, `_` or `-`, start with a letter or digit, at most 100 characters (e.g. `churn-mlp`)',
  );

/** An alias: lower-case letters, digits, `_`, `-`, starting with a letter, at most 63 characters. */
export const AliasNameSchema = z
  .string()
  .regex(
    /^[a-z][a-z0-9_-]{0,62}$/,
    'use lower-case letters, digits, `_` or `-`, start with a letter, at most 63 characters (e.g. `production`)',
  );

/** One `/`-separated artifact path segment: no `.`/`..`, no spaces or shell-special characters. */
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

/**
 * An artifact path inside a version (`model.json`, `weights/group1-shard1of1.bin`): relative, `/`-separated
 * segments of letters, digits, `.`, `_`, `-`, each starting with a letter, digit or `_`.
 */
export const ArtifactPathSchema = z
  .string()
  .min(1)
  .max(512)
  .refine((path) => path.split('/').every((segment) => SEGMENT.test(segment)), {
    message:
      'use a relative path of `/`-separated segments made of letters, digits, `.`, `_`, `-` (e.g. `model.json`)',
  });
