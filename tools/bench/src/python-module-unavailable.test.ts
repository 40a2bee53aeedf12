import { describe, expect, it } from 'vitest';
import { pythonModuleUnavailable } from './python-module-unavailable.js';

describe('pythonModuleUnavailable', () => {
  it('names the interpreter when it is missing', async () => {
    expect(await pythonModuleUnavailable({ modules: ['json'], python: '/nonexistent/python3' })).toBe(
      '/nonexistent/python3 is not installed',
    );
  });

  it('names each module the interpreter cannot import and the Debian package to install', async () => {
    // /bin/sh stands in for an interpreter that exists but imports nothing (`sh -c "import x"` fails).
    const python = '/bin/sh';
    expect(await pythonModuleUnavailable({ modules: ['pandas', 'sklearn'], python })).toBe(
      `${python} cannot import pandas, sklearn (apt-get install python3-pandas python3-sklearn)`,
    );
  });
});
