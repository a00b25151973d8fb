import type { PlanDraftRequest } from '@dieu-hanh/shared/contracts';

/**
 * One real plan as hand-verified seed data (seeds/planning/*.json). `plan` is exactly the body the
 * API takes to draft a plan, so the seed command loads it through the same commands a user would
 * (draft → submit → approve → issue, with fan-out); the rest says where it came from and what the
 * document itself declares, so tests can check the transcription against the source.
 */
export interface PlanSeed {
  /** Stable key: "hanoi-402", "hanoi-138", "hanoi-272", "haiphong-hai-an". */
  key: string;
  /** File name in the shared seed documents (a copy lives in seeds/planning/sources/). */
  source: string;
  provinceCode: string; // "01" Hà Nội, "31" Hải Phòng
  issuerUnitCode: string; // "01-UBND", or the commune code for a commune plan ("11413")
  draftingUnitCode: string; // the unit that drafted it (usually the focal department)
  number: number; // 402
  issueDate: string; // ISO, "2024-12-31"
  /** Another seed plan this one implements (its key), if it is in the seeds. */
  parentKey: string | null;
  /** The parent document as written when it is not a plan in the platform ("Công văn số …"). */
  parentDocument: string | null;
  /** Counts printed in the document itself ("TỔNG SỐ: 178 NHIỆM VỤ"), checked by tests. */
  declared: { tasks: number | null; indicators: number | null };
  plan: PlanDraftRequest;
}
