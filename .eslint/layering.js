// The dependency rule of docs/architecture: the core knows no platform, no
// database and no scheduler; commands/ and digests/ see only the core's public
// surface; adapters see only the core; only main.ts and cli.ts see everything.
import { dirname, relative, resolve } from 'node:path';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const INFRA_PACKAGES = /^(@slack\/|discord\.js$|@discordjs\/|better-sqlite3$|pg$|node-cron$|pino$|dotenv$)/;
const ADAPTER_LAYERS = ['src/platforms/', 'src/store/', 'src/schedule/', 'src/ingest/'];

/** Which layer a project file belongs to (null: tests, benches, tooling). */
function layerOf(file) {
  const rel = relative(ROOT, file).replaceAll('\\', '/');
  if (rel.startsWith('src/core/')) return { name: 'core', unit: 'src/core/' };
  if (rel.startsWith('commands/')) return { name: 'product', unit: 'commands/' };
  if (rel.startsWith('digests/')) return { name: 'product', unit: 'digests/' };
  for (const layer of ADAPTER_LAYERS) {
    if (rel.startsWith(layer)) {
      const sub = rel.slice(layer.length).split('/');
      const unit = layer === 'src/platforms/' && sub.length > 1 ? `${layer}${sub[0]}/` : layer;
      return { name: 'adapter', unit };
    }
  }
  if (rel === 'src/main.ts' || rel === 'src/cli.ts' || rel.startsWith('src/bin/')) return { name: 'root', unit: 'src/' };
  if (rel.startsWith('src/')) {
    // A top-level module's parts live in a folder of its name (src/config.ts, src/config/).
    const folder = rel.split('/').length > 2 ? `src/${rel.split('/')[1]}/` : rel.replace(/\.ts$/, '/');
    return { name: 'infra', unit: rel, folder };
  }
  return null;
}

function violation(from, spec, file) {
  const layer = layerOf(file);
  if (!layer || layer.name === 'root') return null;
  if (!spec.startsWith('.')) {
    if (INFRA_PACKAGES.test(spec) && (layer.name === 'core' || layer.name === 'product')) {
      return `${layer.unit} may not use ${spec}: the core and the product surface know no platform, database or scheduler`;
    }
    return null;
  }
  const target = relative(ROOT, resolve(dirname(file), spec)).replaceAll('\\', '/').replace(/\.js$/, '.ts');
  const inCore = target.startsWith('src/core/');
  switch (layer.name) {
    case 'core':
      return inCore ? null : `src/core may import nothing outside itself (imports ${target})`;
    case 'product':
      return target === 'src/core/index.ts' || target.startsWith(layer.unit)
        ? null
        : `${layer.unit} may import only src/core/index.js, the core's public surface (imports ${target})`;
    case 'adapter':
      return inCore || target.startsWith(layer.unit)
        ? null
        : `${layer.unit} may import only the core and its own files (imports ${target})`;
    case 'infra':
      return inCore || target === layer.unit || target.startsWith(layer.folder)
        ? null
        : `${layer.unit} may import only the core and its own parts in ${layer.folder} (imports ${target})`;
    default:
      return null;
  }
}

export const layering = {
  meta: { type: 'problem', docs: { description: 'Enforces the dependency rule between layers' }, schema: [] },
  create(context) {
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string') return;
      const message = violation(context.filename, spec, context.filename);
      if (message) context.report({ node, message });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
