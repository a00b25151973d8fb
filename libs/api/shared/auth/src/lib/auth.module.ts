import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { type AuthConfig, authConfigFromEnv } from './auth.config';
import { AuthGuard } from './auth.guard';
import { AUTH_CONFIG, JWKS_FACTORY, type JwksFactory, JwtVerifier } from './jwt-verifier';

@Module({})
export class AuthModule {
  /** `accountDirectory` is the organization context's adapter for AccountDirectory. */
  static forRoot(options: { config?: AuthConfig; jwksFactory?: JwksFactory; accountDirectory: Provider; imports?: DynamicModule['imports'] }): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        { provide: AUTH_CONFIG, useValue: options.config ?? authConfigFromEnv() },
        { provide: JWKS_FACTORY, useValue: options.jwksFactory ?? null },
        JwtVerifier,
        options.accountDirectory,
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [JwtVerifier, AUTH_CONFIG],
    };
  }
}
