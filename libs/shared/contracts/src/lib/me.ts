import type { Role, Tier } from './roles';
import type { UnitDto } from './organization';

export interface MeDto {
  subject: string;
  username: string;
  name: string;
  email: string | null;
  realm: string;
  provinceCode: string;
  tier: Tier;
  roles: Role[];
  unit: UnitDto;
}
