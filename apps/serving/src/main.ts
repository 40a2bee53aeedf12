import { parseArgs } from './config.js';
import { startServing } from './start-serving.js';

const log = (message: string) => console.log(`[serving] ${message}`);

try {
  const config = parseArgs(process.argv.slice(2), process.env);
  const serving = await startServing(config, { log });
  const address = await serving.app.listen({ host: config.host, port: config.port });
  log(`listening on ${address} (docs ${address}/docs, metrics ${address}/metrics)`);
  if (!config.reloadToken) log('POST /admin/reload is disabled: set FTI_SERVING_RELOAD_TOKEN to enable it');
  const stop = async (signal: string) => {
    log(`${signal}: draining requests and flushing the prediction log`);
    await serving.close();
    log('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
} catch (error) {
  console.error(`[serving] cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
