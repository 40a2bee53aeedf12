/**
 * Orders keys the way S3 lists them: by their UTF-8 bytes, which equals code point order (JavaScript's `<`
 * compares UTF-16 code units and differs for characters above U+FFFF).
 */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
