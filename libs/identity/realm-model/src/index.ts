export * from './lib/realm-model';
export * from './lib/keycloak-export';
