import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface PackageJson {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
}

/** `wireai 0.0.0 (@wireai/core 0.0.0, …)`: the CLI's version and those of the @wireai packages it runs on. */
export function versionLine(): string {
  const own = require('../package.json') as PackageJson;
  const packages = Object.keys(own.dependencies ?? {})
    .filter((name) => name.startsWith('@wireai/'))
    .sort()
    .map((name) => `${name} ${(require(`${name}/package.json`) as PackageJson).version}`);
  return `wireai ${own.version} (${packages.join(', ')})`;
}
