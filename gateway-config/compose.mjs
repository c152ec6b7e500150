// Composes the subgraphs' SDL (schema/<name>.graphql) into supergraph.graphql for Hive Gateway.
// Each subgraph's URL comes from SUBGRAPH_<NAME>_URL (default: the ports of `leadmetrics-graph
// serve`). Fails with the composition errors when the subgraphs do not compose.
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const defaultPorts = { tenant: 4001, content: 4002, ads: 4003, crm: 4004, billing: 4005 };
const schemaDir = new URL('../schema/', import.meta.url).pathname;
const out = process.argv[2] ?? new URL('./supergraph.graphql', import.meta.url).pathname;

const services = readdirSync(schemaDir)
  .filter((file) => file.endsWith('.graphql') && file !== 'supergraph.graphql')
  .map((file) => {
    const name = file.replace(/\.graphql$/, '');
    const override = process.env[`SUBGRAPH_${name.toUpperCase()}_URL`];
    if (!override && defaultPorts[name] === undefined) {
      console.error(`no default port for subgraph ${name}: add it to defaultPorts or set SUBGRAPH_${name.toUpperCase()}_URL`);
      process.exit(1);
    }
    const url = override ?? `http://127.0.0.1:${defaultPorts[name]}/graphql`;
    return { name, url, typeDefs: parse(readFileSync(join(schemaDir, file), 'utf8')) };
  });

const result = composeServices(services);
if (result.errors && result.errors.length > 0) {
  for (const error of result.errors) console.error(error.message);
  process.exit(1);
}
writeFileSync(out, result.supergraphSdl);
console.log(`composed ${services.map((s) => s.name).join(', ')} into ${out}`);
