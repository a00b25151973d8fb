export * from './lib/unit.aggregate';

export * from './lib/organization.errors';
export * from './lib/successor-chain';
