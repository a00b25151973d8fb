import { stopSharedSystem } from '@dieu-hanh/testing/e2e-support';

export default async function globalTeardown(): Promise<void> {
  await stopSharedSystem();
}
