import 'reflect-metadata';
import cluster from 'node:cluster';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventFeed, formatPosition } from '@dieu-hanh/api/shared/database';
import { apiConfigFromEnv } from './app/api.config';
import { AppModule } from './app/app.module';
import { configureApp } from './app/configure-app';
import { migrate, resolveDatabase } from './app/database-bootstrap';
import { buildOpenApiDocumentOffline } from './app/openapi';
import { seedAll } from './app/seed';

const log = (msg: string) => process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), msg })}\n`);

const USAGE = 'serve | migrate | seed [--national] | openapi | feed status | feed replay <subscriber> [--from beginning|head|<sequence>|<transactionId>:<sequence>]';

/**
 * `main.js` (serve, default), `main.js migrate`, `main.js seed [--national]`, `main.js openapi` (the
 * document, no database), `main.js feed status` and `main.js feed replay <subscriber> [--from <position>]`
 * (the event feed's subscribers: see README "Event feed").
 */
async function main(): Promise<void> {
  const command = process.argv[2] ?? 'serve';
  if (!['serve', 'migrate', 'seed', 'openapi', 'feed'].includes(command)) {
    console.error(`Unknown command "${command}". Use: ${USAGE}`);
    process.exit(2);
  }
  const feedCommand = command === 'feed' ? parseFeedCommand(process.argv.slice(3)) : null;
  if (command === 'feed' && !feedCommand) {
    console.error(`Use: feed status | feed replay <subscriber> [--from <position>]`);
    process.exit(2);
  }
  // A CLI process does not run the subscribers in the background; `feed replay` runs the one it resets.
  if (command === 'feed') process.env['EVENT_FEED_RUNNER'] = 'off';
  // Only a serving process runs scheduled jobs (seed, migrate and feed commands do not).
  if (command !== 'serve') process.env['JOBS_RUNNER'] = 'off';
  const config = apiConfigFromEnv();
  if (command === 'openapi') {
    process.stdout.write(`${JSON.stringify(await buildOpenApiDocumentOffline(config), null, 2)}\n`);
    return;
  }
  const db = await resolveDatabase(config, log);
  const stopDatabase = async () => {
    if (db.embedded && !db.embedded.reused) await db.embedded.stop();
  };
  try {
    await migrate(db.url, log);
  } catch (error) {
    log(`migration failed: ${String(error)}`);
    await stopDatabase();
    process.exit(1);
  }

  if (command === 'migrate') {
    await stopDatabase();
    return;
  }

  if (command === 'seed') {
    const scope = process.argv.includes('--national') ? 'national' : 'demo';
    const app = await NestFactory.createApplicationContext(AppModule.forRoot({ ...config, databaseUrl: db.url }, db.mode), {
      logger: ['error', 'warn'],
    });
    log(`seed (${scope}): ${JSON.stringify(await seedAll(app, scope))}`);
    // Its reactions (notifications) too, before this process goes: a server would catch up anyway.
    await app.get(EventFeed).drain({ timeoutMs: 10 * 60_000 });
    await app.close();
    await stopDatabase();
    return;
  }

  if (feedCommand) {
    const app = await NestFactory.createApplicationContext(AppModule.forRoot({ ...config, databaseUrl: db.url }, db.mode), { logger: ['error', 'warn'] });
    let code = 0;
    try {
      const feed = app.get(EventFeed);
      if (feedCommand.action === 'replay') {
        const from = await feed.replay(feedCommand.subscriber, feedCommand.from);
        log(`feed replay ${feedCommand.subscriber}: checkpoint moved to ${formatPosition(from)}; handling the events after it`);
        await feed.drain({ subscribers: [feedCommand.subscriber], timeoutMs: 60 * 60_000 });
      }
      process.stdout.write(`${JSON.stringify(await feed.status(), null, 2)}\n`);
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
      code = 1;
    }
    await app.close();
    await stopDatabase();
    process.exit(code);
  }

  const workers = Number(process.env['API_WORKERS'] ?? 1);
  if (cluster.isPrimary && Number.isInteger(workers) && workers > 1) {
    await serveCluster(workers, config, db.url, stopDatabase);
    return;
  }

  const app = await NestFactory.create(AppModule.forRoot({ ...config, databaseUrl: db.url }, db.mode), {
    bufferLogs: true,
    bodyParser: false,
  });
  configureApp(app, config);

  // Handlers register on bootstrap: initialise before the seed command is sent.
  await app.init();
  if (config.seedOnStart) {
    log(`seed (${config.seedOnStart}): ${JSON.stringify(await seedAll(app, config.seedOnStart))}`);
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log(`${signal}: shutting down`);
    // Stop accepting requests, let in-flight ones finish, then close the pool and the database.
    await app.close();
    await stopDatabase();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen(config.port, config.host);
  NestLogger.log(`API listening on http://localhost:${config.port} (docs: /api/docs)`, 'Bootstrap');
}

/**
 * `API_WORKERS=N` (N > 1): this process migrates and seeds, then forks N API processes sharing the
 * port (Node's cluster module hands connections round-robin). They share the database: the event
 * feed's advisory locks, the scheduler and LISTEN/NOTIFY make several processes behave as one. A
 * worker that dies is replaced; SIGTERM stops the workers, then the embedded database.
 */
async function serveCluster(workers: number, config: ReturnType<typeof apiConfigFromEnv>, databaseUrl: string, stopDatabase: () => Promise<void>): Promise<void> {
  if (config.seedOnStart) {
    const app = await NestFactory.createApplicationContext(AppModule.forRoot({ ...config, databaseUrl }, 'external'), { logger: ['error', 'warn'] });
    log(`seed (${config.seedOnStart}): ${JSON.stringify(await seedAll(app, config.seedOnStart))}`);
    await app.close();
  }
  const env = { DATABASE_URL: databaseUrl, SEED_ON_START: '', API_WORKERS: '1' };
  let stopping = false;
  const fork = () => cluster.fork(env);
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    log(`API worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    setTimeout(fork, 500);
  });
  for (let i = 0; i < workers; i++) fork();
  log(`API cluster: ${workers} workers on port ${config.port}`);
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping ${workers} API workers`);
    const all = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    await Promise.all(all.map((w) => new Promise<void>((resolve) => {
      w.once('exit', () => resolve());
      w.process.kill('SIGTERM');
    })));
    await stopDatabase();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

function parseFeedCommand(args: string[]): { action: 'status' } | { action: 'replay'; subscriber: string; from: string } | null {
  if (args[0] === 'status' && args.length === 1) return { action: 'status' };
  if (args[0] !== 'replay' || !args[1] || args[1].startsWith('--')) return null;
  const rest = args.slice(2);
  if (rest.length === 0) return { action: 'replay', subscriber: args[1], from: 'beginning' };
  if (rest.length === 2 && rest[0] === '--from') return { action: 'replay', subscriber: args[1], from: rest[1] };
  return null;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
