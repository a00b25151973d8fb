import 'reflect-metadata';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { apiConfigFromEnv } from './app/api.config';
import { AppModule } from './app/app.module';
import { configureApp } from './app/configure-app';
import { migrate, resolveDatabase } from './app/database-bootstrap';
import { buildOpenApiDocumentOffline } from './app/openapi';
import { seedAll } from './app/seed';

const log = (msg: string) => process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), msg })}\n`);

/** `main.js` (serve, default), `main.js migrate`, `main.js seed [--national]`, `main.js openapi` (the document, no database). */
async function main(): Promise<void> {
  const command = process.argv[2] ?? 'serve';
  if (!['serve', 'migrate', 'seed', 'openapi'].includes(command)) {
    console.error(`Unknown command "${command}". Use: serve | migrate | seed [--national] | openapi`);
    process.exit(2);
  }
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
    await app.close();
    await stopDatabase();
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

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
